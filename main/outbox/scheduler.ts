// Starts attempts: oldest due job first, at most `concurrency` at once, only while the gate (online, circuit)
// allows. Wakes on demand (enqueue, connectivity, settings) and on a timer for the next due job.
export interface SchedulerSource {
  /** Due job ids, oldest first, skipping the ones running; `earliestLater` reports the next future due time. */
  dueJobs(now: number, running: ReadonlySet<string>, report: (dueAt: number) => void): Iterable<string>;
  /** May a new attempt start now? (Consumes a circuit breaker probe when it says yes while open.) */
  mayStart(now: number): boolean;
  /** When the gate may open again by itself (a circuit probe), if it is closed. */
  gateReopensAt(): number | null;
  run(jobId: string): Promise<void>;
}

export class Scheduler {
  private readonly running = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private wakePending = false;
  private stopped = true;

  constructor(
    private readonly source: SchedulerSource,
    private concurrency: number,
    private readonly now: () => number,
  ) {}

  get activeCount(): number {
    return this.running.size;
  }

  isRunning(jobId: string): boolean {
    return this.running.has(jobId);
  }

  start(): void {
    this.stopped = false;
    this.wake();
  }

  setConcurrency(concurrency: number): void {
    this.concurrency = concurrency;
    this.wake();
  }

  /** Coalesces many wake-ups in one turn of the event loop into one look at the queue. */
  wake(): void {
    if (this.stopped || this.wakePending) return;
    this.wakePending = true;
    setImmediate(() => {
      this.wakePending = false;
      this.tick();
    });
  }

  /** Stops starting attempts and waits for the running ones. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.running.values()]);
  }

  private tick(): void {
    if (this.stopped) return;
    const now = this.now();
    let nextAt = Infinity;
    const report = (dueAt: number) => {
      nextAt = Math.min(nextAt, dueAt);
    };
    if (this.running.size < this.concurrency) {
      for (const jobId of this.source.dueJobs(now, new Set(this.running.keys()), report)) {
        if (this.running.size >= this.concurrency) break;
        if (!this.source.mayStart(now)) break;
        this.launch(jobId);
      }
    }
    const reopen = this.source.gateReopensAt();
    if (reopen !== null) nextAt = Math.min(nextAt, reopen);
    this.arm(nextAt, now);
  }

  private launch(jobId: string): void {
    const attempt = this.source.run(jobId).finally(() => {
      this.running.delete(jobId);
      this.wake();
    });
    this.running.set(jobId, attempt);
  }

  private arm(at: number, now: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!Number.isFinite(at)) return;
    // Node timers overflow past ~24.8 days; re-arm well before that.
    const delay = Math.min(Math.max(0, at - now), 6 * 3_600_000);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.tick();
    }, delay);
    this.timer.unref();
  }
}
