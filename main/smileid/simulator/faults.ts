// Seeded fault injection. Every "does this fault fire?" question goes through one PRNG seeded from the
// options, so a failing run can be replayed exactly: same seed + same requests = same faults.
import type { FaultRoute, SimulatorBehaviour } from './options';

/** The faults that fire with a probability (latency and bandwidth always apply inside the scope). */
export type ProbabilityFault =
  | 'http500'
  | 'reset'
  | 'dropResponse'
  | 'noAnswer'
  | 'duplicateJob2215'
  | 'expiredUploadUrl'
  | 'tamperedSignature';

/** mulberry32: a tiny 32-bit PRNG; good enough for dice, and identical on every platform. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function inFaultScope(scope: readonly FaultRoute[] | null, route: FaultRoute): boolean {
  return scope === null || scope.includes(route);
}

export class FaultDice {
  private next: () => number;

  constructor(private readonly seed: number) {
    this.next = mulberry32(seed);
  }

  /** Back to the first roll, so a reset simulator replays the same fault sequence. */
  reseed(): void {
    this.next = mulberry32(this.seed);
  }

  /**
   * Rolls one fault for a request on `route`. A fault with probability 0 (or out of scope) consumes no
   * roll, so switching one fault on does not shift when the others fire.
   */
  fires(fault: ProbabilityFault, route: FaultRoute, behaviour: SimulatorBehaviour): boolean {
    if (!inFaultScope(behaviour.faultScope, route)) return false;
    const probability = behaviour[fault];
    if (probability <= 0) return false;
    return this.next() < probability;
  }
}
