// Decides how to recover when the renderer dies or hangs: reload it, but if it fails again and again within
// a short window, relaunch the whole app (a reload loop helps nobody at a bank counter).
export interface WatchdogPolicy {
  readonly windowMs: number;
  readonly maxReloadsInWindow: number;
}

export const DEFAULT_WATCHDOG: WatchdogPolicy = { windowMs: 5 * 60_000, maxReloadsInWindow: 3 };

export type Recovery = 'reload' | 'relaunch';

export class RendererWatchdog {
  private failures: number[] = [];

  constructor(private readonly policy: WatchdogPolicy = DEFAULT_WATCHDOG) {}

  /** Records a failure at `now` and says what to do. */
  onFailure(now: number): Recovery {
    this.failures = [...this.failures.filter((at) => now - at < this.policy.windowMs), now];
    return this.failures.length > this.policy.maxReloadsInWindow ? 'relaunch' : 'reload';
  }
}
