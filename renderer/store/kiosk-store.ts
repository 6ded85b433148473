// The UI's one store (zustand): which screen is shown, the customer's flow in memory, and main's view of
// settings, health and the queue (kept fresh by window.kiosk events). Customer data lives only in `flow`
// and is dropped by `resetFlow` (home, idle timeout).
import { create } from 'zustand';
import type { KioskApi } from '../../app/ipc/channels';
import { KioskError, type KioskErrorPayload } from '../../app/errors';
import type { HealthStatus, JobSummary, KioskEvent } from '../../app/queue';
import type { PublicSettings } from '../../app/settings';

export type Screen =
  | 'loading'
  | 'setup'
  | 'home'
  | 'userId'
  | 'consent'
  | 'capture'
  | 'review'
  | 'result'
  | 'operator'
  | 'cameraProblem';

export type CameraProblem =
  'not_found' | 'permission_denied' | 'in_use' | 'unplugged' | 'unsupported' | 'unknown';

export interface CustomerFlow {
  readonly userId: string | null;
  readonly duplicateWarning: 'queued' | 'enrolled' | null;
  readonly consentAt: number | null;
  readonly selfie: Uint8Array | null;
  readonly liveness: readonly Uint8Array[];
  readonly selfieUrl: string | null;
  readonly jobId: string | null;
  readonly submitError: KioskErrorPayload | null;
  readonly cameraProblem: CameraProblem | null;
}

const EMPTY_FLOW: CustomerFlow = {
  userId: null,
  duplicateWarning: null,
  consentAt: null,
  selfie: null,
  liveness: [],
  selfieUrl: null,
  jobId: null,
  submitError: null,
  cameraProblem: null,
};

export interface KioskState {
  readonly kiosk: KioskApi | null;
  readonly screen: Screen;
  readonly flow: CustomerFlow;
  readonly settings: PublicSettings | null;
  readonly health: HealthStatus | null;
  readonly jobs: Readonly<Record<string, JobSummary>>;
  /** The operator PIN, held only while the operator panel or settings are open. */
  readonly operatorPin: string | null;
  readonly fatal: KioskErrorPayload | null;
  /** The operator pressed the exit chord (Electron shell): show the PIN prompt to leave kiosk mode. */
  readonly exitRequested: boolean;
}

export const useKiosk = create<KioskState>(() => ({
  kiosk: null,
  screen: 'loading',
  flow: EMPTY_FLOW,
  settings: null,
  health: null,
  jobs: {},
  operatorPin: null,
  fatal: null,
  exitRequested: false,
}));

const set = useKiosk.setState;
const get = useKiosk.getState;

export function kiosk(): KioskApi {
  const api = get().kiosk;
  if (!api) throw new Error('window.kiosk is not ready');
  return api;
}

/** What a screen shows for a failed call: main's code and action, or a plain "unexpected" for a bug here. */
export function asKioskError(error: unknown): KioskErrorPayload {
  if (error instanceof KioskError) return error.toPayload();
  console.error(error);
  return {
    code: 'internal',
    message: 'The kiosk hit an unexpected problem.',
    action: 'Go back to the start and try again; if it repeats, restart the kiosk.',
  };
}

export async function connect(api: KioskApi): Promise<void> {
  set({ kiosk: api });
  api.onEvent(applyEvent);
  const [settings, health, queue] = await Promise.all([
    api.getSettings({}),
    api.getHealth({}),
    api.getQueue({}),
  ]);
  set({
    settings,
    health,
    jobs: Object.fromEntries(queue.jobs.map((job) => [job.jobId, job])),
    screen: needsSetup(settings) ? 'setup' : 'home',
  });
}

export function applyEvent(event: KioskEvent): void {
  switch (event.type) {
    case 'job':
      set((state) => ({ jobs: { ...state.jobs, [event.job.jobId]: event.job } }));
      break;
    case 'job_removed':
      set((state) => {
        const { [event.jobId]: _removed, ...jobs } = state.jobs;
        return { jobs };
      });
      break;
    case 'health':
      set({ health: event.health });
      break;
    case 'operator_exit_requested':
      set({ exitRequested: true });
      break;
  }
}

/** A kiosk without an operator PIN or without a way to send is not ready for customers. */
export function needsSetup(settings: PublicSettings): boolean {
  return !settings.configured || !settings.pinSet;
}

export function go(screen: Screen): void {
  set({ screen });
}

/** Home screen, camera off, the customer's data gone from memory. */
export function resetFlow(): void {
  const { flow } = get();
  if (flow.selfieUrl) URL.revokeObjectURL(flow.selfieUrl);
  const { settings } = get();
  set({ flow: EMPTY_FLOW, screen: settings && needsSetup(settings) ? 'setup' : 'home', operatorPin: null });
}

export function updateFlow(patch: Partial<CustomerFlow>): void {
  set((state) => ({ flow: { ...state.flow, ...patch } }));
}

export function setSettings(settings: PublicSettings): void {
  set({ settings });
}

export function setOperatorPin(pin: string | null): void {
  set({ operatorPin: pin });
}

export function refreshHealth(): void {
  void kiosk()
    .getHealth({})
    .then((health) => set({ health }));
}
