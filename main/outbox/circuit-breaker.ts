// Systemic failures (bad key or signature, wrong clock, TLS) are not any one job's fault: the breaker pauses
// the whole queue with one reason the operator can act on. While open, no job is attempted (so none spends
// attempts); every `probeIntervalMs` one job is let through as a probe (half-open). Success closes it; so does
// a settings change (the operator fixed the key or the clock).
import type { CircuitStatus } from '../../app/queue';

export interface CircuitReason {
  /** What paused the queue, for the screens (app/queue.ts circuitSchema). */
  readonly kind: string;
  readonly code: string | null;
  /** English, for logs. */
  readonly reason: string;
  readonly action: string;
}

export class CircuitBreaker {
  private openedAt: number | null = null;
  private lastProbeAt: number | null = null;
  private cause: CircuitReason | null = null;

  constructor(private readonly probeIntervalMs: number) {}

  get isOpen(): boolean {
    return this.openedAt !== null;
  }

  open(cause: CircuitReason, now: number): void {
    this.openedAt ??= now;
    this.lastProbeAt = now;
    this.cause = cause;
  }

  close(): void {
    this.openedAt = null;
    this.lastProbeAt = null;
    this.cause = null;
  }

  /** True when the queue may start an attempt now; while open, at most one probe per interval. */
  allowAttempt(now: number): boolean {
    if (this.openedAt === null) return true;
    if (this.lastProbeAt !== null && now - this.lastProbeAt < this.probeIntervalMs) return false;
    this.lastProbeAt = now;
    return true;
  }

  /** The operator asked to send now: let the next attempt through as a probe. */
  expediteProbe(): void {
    if (this.openedAt !== null) this.lastProbeAt = null;
  }

  /** When the next half-open probe may go, for the scheduler's timer. */
  nextProbeAt(): number | null {
    return this.openedAt === null || this.lastProbeAt === null
      ? null
      : this.lastProbeAt + this.probeIntervalMs;
  }

  status(): CircuitStatus {
    return {
      open: this.isOpen,
      kind: this.cause?.kind ?? null,
      code: this.cause?.code ?? null,
      reason: this.cause?.reason ?? null,
      action: this.cause?.action ?? null,
      since: this.openedAt,
    };
  }
}
