// The UI's one store (zustand): which screen is shown, the customer's flow in memory, and main's view of
// settings, health and the queue (kept fresh by window.kiosk events). Customer data lives only in `flow`
// and is dropped by `resetFlow` (home, idle timeout). The operator PIN is never kept here: signing in trades it
// for a session grant from main (operator-session.ts), held only while an operator screen is open and ended by
// `resetFlow`.
import { create } from 'zustand';
import type { KioskApi } from '../../app/ipc/channels';
import { KioskError, type KioskErrorPayload } from '../../app/errors';
import type { SessionGrant } from '../../app/operator-session';
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
  | 'operators'
  | 'changePin'
  | 'recover'
  | 'cameraProblem';

/** The screens an operator session is for: leaving them ends it. */
export const OPERATOR_SCREENS: ReadonlySet<Screen> = new Set([
  'operator',
  'operators',
  'setup',
  'changePin',
  'recover',
]);

export type CameraProblem =
  'not_found' | 'permission_denied' | 'in_use' | 'unplugged' | 'unsupported' | 'unknown';

export interface CustomerFlow {
  readonly userId: string | null;
  /** This enrollment's reference (app/enrollment-reference.ts), made when the user ID was accepted. */
  readonly reference: string | null;
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
  reference: null,
  duplicateWarning: null,
  consentAt: null,
  selfie: null,
  liveness: [],
  selfieUrl: null,
  jobId: null,
  submitError: null,
  cameraProblem: null,
};

export interface PinChange {
  /** 'short_pin': the PIN that signed in predates the 6-digit rule. 'recovery': the recovery code was used. */
  readonly reason: 'short_pin' | 'recovery';
  readonly next: 'operator' | 'setup';
}

export interface KioskState {
  readonly kiosk: KioskApi | null;
  readonly screen: Screen;
  readonly flow: CustomerFlow;
  readonly settings: PublicSettings | null;
  readonly health: HealthStatus | null;
  readonly jobs: Readonly<Record<string, JobSummary>>;
  /** The operator session's grant (never the PIN), held only while an operator screen is open. */
  readonly session: SessionGrant | null;
  /**
   * The signed-in operator's shift (docs/operators.md): enrollment presents it. Kept across customers and idle
   * resets; main ends it on sign-out, idle sign-out and at the longest shift (renderer/store/shift.ts).
   */
  readonly shift: SessionGrant | null;
  /** Why a new PIN is asked for, and where to go once it is set. */
  readonly pinChange: PinChange;
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
  session: null,
  shift: null,
  pinChange: { reason: 'short_pin', next: 'setup' },
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

/**
 * A failed call as main's error payload, or 'internal' for a bug here. Screens say it with describeKioskError
 * (renderer/i18n/describe.ts), in the operator's language; the English `message` is for the console and logs.
 */
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
  // Not the queue: it lists every user ID, so only the operator panel asks for it, with a session.
  const [settings, health] = await Promise.all([api.getSettings({}), api.getHealth({})]);
  set({ settings, health, screen: restingScreen(settings) });
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

/**
 * Where the kiosk rests when nobody uses it: the recovery screen while locked (never setup: a locked kiosk fails
 * closed), setup until it is ready, home otherwise.
 */
export function restingScreen(settings: PublicSettings): Screen {
  if (settings.pinState === 'locked') return 'recover';
  return needsSetup(settings) ? 'setup' : 'home';
}

/** Shows a screen; leaving the operator screens ends the operator session (in main too). */
export function go(screen: Screen): void {
  const { session } = get();
  if (session && !OPERATOR_SCREENS.has(screen)) {
    endSessionInMain(session);
    set({ screen, session: null });
    return;
  }
  set({ screen });
}

/**
 * Home screen (or wherever the kiosk rests), camera off, the customer's data and the queue's user IDs gone from
 * memory, and any operator session ended — in main too, so its grant stops working at once.
 */
export function resetFlow(): void {
  const { flow, settings, session } = get();
  if (flow.selfieUrl) URL.revokeObjectURL(flow.selfieUrl);
  if (session) endSessionInMain(session);
  set({
    flow: EMPTY_FLOW,
    jobs: {},
    screen: settings ? restingScreen(settings) : 'home',
    session: null,
  });
}

/** Ends the operator session (in main too) without leaving the current screen. */
export function endOperatorSession(): void {
  const { session } = get();
  if (!session) return;
  endSessionInMain(session);
  set({ session: null });
}

/** Tells main the grant is done with; a failure changes nothing here (the grant expires on its own anyway). */
function endSessionInMain(session: SessionGrant): void {
  const api = get().kiosk;
  void api?.endSession({ grant: session.token }).catch(() => undefined);
}

export function updateFlow(patch: Partial<CustomerFlow>): void {
  set((state) => ({ flow: { ...state.flow, ...patch } }));
}

export function setSettings(settings: PublicSettings): void {
  set({ settings });
}

/** Keeps the grant main answered (a new one replaces the old, which main has already ended). */
export function setSession(session: SessionGrant | null): void {
  set({ session });
}

/** The live session's token for a privileged call; a KioskError when there is none (the UI asks for the PIN). */
export function sessionToken(): string {
  const session = get().session;
  if (!session) {
    throw new KioskError(
      'session_expired',
      'The operator session has ended.',
      'Enter the operator PIN again.',
    );
  }
  return session.token;
}

export function setPinChange(pinChange: PinChange): void {
  set({ pinChange });
}

/** Reads main's settings again (after the PIN state changed). */
export async function refreshSettings(): Promise<void> {
  set({ settings: await kiosk().getSettings({}) });
}

export function refreshHealth(): void {
  void kiosk()
    .getHealth({})
    .then((health) => set({ health }));
}
