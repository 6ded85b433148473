// Everything a route handler needs, in one object: who the partner is, the current behaviour, the job
// state, the fault dice, the shared link and the URL signer. The HTTP server and the in-process API
// (configure/jobs/reset) both act on this, so they cannot drift apart.
import { setTimeout as delay } from 'node:timers/promises';
import { FaultDice } from './faults';
import type { ProbabilityFault } from './faults';
import { applyPatch, parseBehaviourPatch } from './options';
import type { FaultRoute, ResolvedOptions, SimulatorBehaviour } from './options';
import { SimulatorState } from './state';
import type { SimulatorJobView } from './state';
import { TokenBucket } from './throttle';
import { UploadUrlSigner } from './upload-url';

export class SimulatorCore {
  readonly partnerId: string;
  readonly apiKey: string;
  readonly state: SimulatorState;
  readonly signer = new UploadUrlSigner();
  readonly bucket: TokenBucket;
  /** Set once the server listens: upload URLs point back at it. */
  baseUrl = '';
  private current: SimulatorBehaviour;
  private readonly dice: FaultDice;
  // Aborted by close(): pending latency and bandwidth waits end instead of holding the process open.
  private readonly lifetime = new AbortController();

  constructor(private readonly options: ResolvedOptions) {
    this.partnerId = options.partnerId;
    this.apiKey = options.apiKey;
    this.state = new SimulatorState(options.partnerId);
    this.dice = new FaultDice(options.seed);
    this.current = options.behaviour;
    this.bucket = new TokenBucket((ms) => this.sleep(ms));
    this.bucket.setRate(this.current.bandwidthBytesPerSec);
  }

  get behaviour(): Readonly<SimulatorBehaviour> {
    return this.current;
  }

  get signal(): AbortSignal {
    return this.lifetime.signal;
  }

  now(): number {
    return Date.now();
  }

  /** Validates and applies a partial behaviour; throws on an unknown key or a bad value. */
  configure(patch: unknown): void {
    this.current = applyPatch(this.current, parseBehaviourPatch(patch));
    this.bucket.setRate(this.current.bandwidthBytesPerSec);
  }

  /** Forgets every job and enrollment, restores the initial behaviour and replays the fault sequence. */
  reset(): void {
    this.state.clear();
    this.current = this.options.behaviour;
    this.dice.reseed();
    this.bucket.reset();
    this.bucket.setRate(this.current.bandwidthBytesPerSec);
  }

  jobs(): SimulatorJobView[] {
    this.settle();
    return this.state.view();
  }

  settle(): void {
    this.state.settle(this.now(), this.current.provisionalResolveMs);
  }

  fires(fault: ProbabilityFault, route: FaultRoute): boolean {
    return this.dice.fires(fault, route, this.current);
  }

  sleep(ms: number): Promise<void> {
    return delay(ms, undefined, { signal: this.lifetime.signal });
  }

  shutdown(): void {
    this.lifetime.abort();
  }
}
