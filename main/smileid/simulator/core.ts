// Everything a route handler needs, in one object: who the partner is, the current behaviour, the job
// state, the fault dice, the shared link and the URL signer. The HTTP server and the in-process API
// (configure/jobs/reset) both act on this, so they cannot drift apart.
import { setTimeout as delay } from 'node:timers/promises';
import { FaultDice } from './faults';
import type { ProbabilityFault } from './faults';
import { applyPatch, parseBehaviourPatch } from './options';
import type { FaultRoute, ResolvedOptions, SimulatorBehaviour } from './options';
import { deliverCallback } from './callback-delivery';
import { meaningOf } from './outcomes';
import { SimulatorState } from './state';
import type { SimJob, SimulatorJobView } from './state';
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
    this.state.onResult((job) => this.resultReady(job));
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

  /**
   * Settles the jobs at `at` even if nobody asks then. Jobs settle lazily otherwise; one whose result goes to a
   * callback must get it without a job_status call. The wait ends with close().
   */
  settleAt(at: number): void {
    this.sleep(Math.max(0, at - this.now())).then(
      () => this.settle(),
      () => undefined, // closed meanwhile
    );
  }

  /** A job got a result code: post it to its callback, and wake up again when a review would end it. */
  private resultReady(job: SimJob): void {
    if (job.extras.callbackUrl === null) return;
    void deliverCallback(
      {
        partnerId: this.partnerId,
        apiKey: this.apiKey,
        now: () => this.now(),
        sleep: (ms) => this.sleep(ms),
        signal: this.signal,
        retryDelaysMs: () => this.current.callbackRetryDelaysMs,
      },
      job,
    );
    const resolveMs = this.current.provisionalResolveMs;
    if (
      resolveMs !== null &&
      job.completedAt !== null &&
      meaningOf(job.resultCode ?? '').outcome === 'provisional'
    ) {
      this.settleAt(job.completedAt + resolveMs);
    }
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
