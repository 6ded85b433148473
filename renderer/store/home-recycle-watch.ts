// Applies the recycle policy while the home screen is shown: checks once the home screen has been quiet for
// RECYCLE_QUIET_MS, again after every touch (which restarts the quiet time), and every MEMORY_CHECK_INTERVAL_MS
// after that for the memory limit. Before reloading it asks main for its health: a page reloaded while its
// host does not answer (the dev host stopped) would be left on an error page instead of the home screen.
// Everything it touches comes in through RecycleHost, so unit tests drive it with fake timers.
import {
  decideRecycle,
  RECYCLE_QUIET_MS,
  type RecycleDecision,
  type RecycleScreenState,
  type RecycleSettings,
} from './recycle-policy';

/** How often a quiet home screen re-reads memory; memory grows only with enrollments, so rarely is enough. */
export const MEMORY_CHECK_INTERVAL_MS = 30_000;

export interface RecycleHost {
  now(): number;
  setTimer(callback: () => void, ms: number): number;
  clearTimer(timer: number): void;
  screenState(): Omit<RecycleScreenState, 'quietForMs'>;
  /** Null until the settings have been loaded from main: no recycling before that. */
  settings(): RecycleSettings | null;
  enrollmentsSinceLoad(): number;
  usedJsHeapBytes(): number | null;
  /** Resolves true when main answers, so a reload will find its host; never rejects. */
  hostAnswers(): Promise<boolean>;
  reload(reason: 'enrollments' | 'memory'): void;
}

export class HomeRecycleWatch {
  private quietSince: number;
  private timer: number | null = null;
  private stopped = false;
  private checking = false;

  constructor(private readonly host: RecycleHost) {
    this.quietSince = host.now();
    this.checkIn(RECYCLE_QUIET_MS);
  }

  /** A touch, click or key on the home screen: someone may be about to start. */
  activity(): void {
    if (this.stopped) return;
    this.quietSince = this.host.now();
    if (!this.checking) this.checkIn(RECYCLE_QUIET_MS);
  }

  /** The home screen is gone (or the page is unloading): never reload after this. */
  stop(): void {
    this.stopped = true;
    this.clear();
  }

  private decide(): RecycleDecision | null {
    const settings = this.host.settings();
    if (settings === null) return null;
    return decideRecycle(
      { ...this.host.screenState(), quietForMs: this.host.now() - this.quietSince },
      { enrollmentsSinceLoad: this.host.enrollmentsSinceLoad() },
      { usedJsHeapBytes: this.host.usedJsHeapBytes() },
      settings,
    );
  }

  private async check(): Promise<void> {
    this.timer = null;
    const decision = this.decide();
    if (decision === null || !decision.recycle) {
      this.checkIn(this.nextCheckAfter(decision));
      return;
    }
    this.checking = true;
    const answers = await this.host.hostAnswers();
    this.checking = false;
    if (this.stopped) return;
    // The await took a while: a customer may have started in the meantime, so decide again.
    const now = this.decide();
    if (!answers || now === null || !now.recycle) {
      this.checkIn(answers ? this.nextCheckAfter(now) : MEMORY_CHECK_INTERVAL_MS);
      return;
    }
    this.stopped = true;
    this.host.reload(now.reason);
  }

  private nextCheckAfter(decision: RecycleDecision | null): number {
    if (decision?.reason === 'settling') {
      return Math.max(1, RECYCLE_QUIET_MS - (this.host.now() - this.quietSince));
    }
    // What blocks now (an open PIN prompt) may end without a touch that would restart the check: look again
    // soon rather than only at the next memory check.
    if (decision?.reason === 'in_use') return RECYCLE_QUIET_MS;
    return MEMORY_CHECK_INTERVAL_MS;
  }

  private checkIn(ms: number): void {
    if (this.stopped) return;
    this.clear();
    this.timer = this.host.setTimer(() => void this.check(), ms);
  }

  private clear(): void {
    if (this.timer !== null) this.host.clearTimer(this.timer);
    this.timer = null;
  }
}
