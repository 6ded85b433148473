// Measures how many guidance frames per second the capture loop really assesses, over a sliding window, so
// the UI, the e2e test and the benchmark can read the rate the customer actually gets.

export class RateMeter {
  private readonly ticks: number[] = [];

  /** `windowMs`: how far back to look; long enough to smooth single slow detections, short enough to react. */
  constructor(private readonly windowMs = 2000) {}

  tick(nowMs: number): void {
    this.ticks.push(nowMs);
    const oldest = nowMs - this.windowMs;
    // Keep one tick older than the window so the first interval inside it is still counted.
    while (this.ticks.length > 2 && (this.ticks[1] ?? nowMs) <= oldest) this.ticks.shift();
  }

  /** Events per second over the window; 0 until two events have been seen. */
  get rate(): number {
    const first = this.ticks[0];
    const last = this.ticks[this.ticks.length - 1];
    if (first === undefined || last === undefined || last <= first) return 0;
    return ((this.ticks.length - 1) * 1000) / (last - first);
  }

  reset(): void {
    this.ticks.length = 0;
  }
}
