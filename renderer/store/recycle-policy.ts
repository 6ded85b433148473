// When the kiosk page should reload itself ("recycle"): a long-running page grows a little with every
// enrollment, mostly in native memory its JS heap does not show, and a reload gives all of it back. A reload
// may only happen while nobody is using the kiosk: at home, with no customer flow, no PIN prompt and no
// operator screen, and after the home screen has been left alone for a moment, so a customer who is reaching
// for "New enrollment" is not interrupted. Pure: every input comes in as a value, so tests need no page.
import type { Settings } from '../../app/settings';
import type { Screen } from './kiosk-store';

/** How long the home screen must go without a touch, click or key before it may reload. */
export const RECYCLE_QUIET_MS = 5_000;

const BYTES_PER_MB = 1024 * 1024;

export interface RecycleScreenState {
  readonly screen: Screen;
  /** The store still holds a customer's flow (a user ID, photos or a job); at home it should not. */
  readonly customerFlowInProgress: boolean;
  /** A PIN prompt or other dialog is open (on the home screen, or the operator's exit prompt). */
  readonly dialogOpen: boolean;
  /** Milliseconds since the home screen appeared or was last touched, whichever is later. */
  readonly quietForMs: number;
}

export interface RecycleCounters {
  /** Enrollments submitted since this page loaded (a reload starts again at 0). */
  readonly enrollmentsSinceLoad: number;
}

export interface RecycleMemory {
  /** `performance.memory.usedJSHeapSize`, or null where the host does not offer it. */
  readonly usedJsHeapBytes: number | null;
}

export type RecycleSettings = Pick<
  Settings,
  'recycleRendererAfterEnrollments' | 'recycleRendererAboveHeapMb'
>;

export type RecycleDecision =
  | { readonly recycle: true; readonly reason: 'enrollments' | 'memory' }
  | { readonly recycle: false; readonly reason: 'in_use' | 'settling' | 'not_due' };

export function decideRecycle(
  state: RecycleScreenState,
  counters: RecycleCounters,
  memory: RecycleMemory,
  settings: RecycleSettings,
): RecycleDecision {
  if (state.screen !== 'home' || state.customerFlowInProgress || state.dialogOpen) {
    return { recycle: false, reason: 'in_use' };
  }
  if (state.quietForMs < RECYCLE_QUIET_MS) return { recycle: false, reason: 'settling' };
  if (counters.enrollmentsSinceLoad >= settings.recycleRendererAfterEnrollments) {
    return { recycle: true, reason: 'enrollments' };
  }
  // Only after an enrollment: a page that is over the limit straight after loading (a limit set below what
  // the app needs at rest) would otherwise reload at home again and again.
  const heapLimitBytes = settings.recycleRendererAboveHeapMb * BYTES_PER_MB;
  if (
    counters.enrollmentsSinceLoad > 0 &&
    memory.usedJsHeapBytes !== null &&
    memory.usedJsHeapBytes > heapLimitBytes
  ) {
    return { recycle: true, reason: 'memory' };
  }
  return { recycle: false, reason: 'not_due' };
}
