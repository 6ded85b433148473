// A shared bandwidth cap. The kiosk's real bottleneck is one slow uplink shared by every request, so the
// simulator models ONE token bucket for all connections, charged for request bodies it reads and response
// bodies it writes. Tokens may go negative ("debt"): a second transfer queues behind the first, as on a link.

export type Sleep = (ms: number) => Promise<void>;

/** A short burst (50 ms of the rate) so tiny JSON bodies are not each delayed by a scheduler tick. */
const BURST_SECONDS = 0.05;

export class TokenBucket {
  private rate: number | null = null;
  private tokens = 0;
  private lastRefill: number;
  private bytesCharged = 0;

  constructor(
    private readonly sleep: Sleep,
    private readonly now: () => number = Date.now,
  ) {
    this.lastRefill = now();
  }

  /** null = unlimited. Changing the rate keeps the current debt, so queued transfers stay queued. */
  setRate(bytesPerSec: number | null): void {
    if (bytesPerSec === this.rate) return;
    this.refill();
    if (this.rate === null && bytesPerSec !== null) this.tokens = burstOf(bytesPerSec);
    this.rate = bytesPerSec;
  }

  get limited(): boolean {
    return this.rate !== null;
  }

  /** Bytes that went through the bucket while it was limiting (a test can see the cap was engaged). */
  get charged(): number {
    return this.bytesCharged;
  }

  /** Waits until `bytes` may pass the link. Resolves at once when unlimited. */
  async take(bytes: number): Promise<void> {
    const rate = this.rate;
    if (rate === null || bytes <= 0) return;
    this.refill();
    this.bytesCharged += bytes;
    this.tokens -= bytes;
    if (this.tokens < 0) await this.sleep((-this.tokens / rate) * 1000);
  }

  reset(): void {
    this.rate = null;
    this.tokens = 0;
    this.bytesCharged = 0;
    this.lastRefill = this.now();
  }

  private refill(): void {
    const now = this.now();
    if (this.rate !== null) {
      this.tokens = Math.min(burstOf(this.rate), this.tokens + ((now - this.lastRefill) * this.rate) / 1000);
    }
    this.lastRefill = now;
  }
}

function burstOf(rate: number): number {
  return Math.max(1, rate * BURST_SECONDS);
}
