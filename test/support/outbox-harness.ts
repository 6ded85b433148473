// An outbox wired to a real simulator on 127.0.0.1 and a temp data folder, with fast timings for tests.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_SETTINGS, type Settings } from '../../app/settings';
import type { JobState } from '../../app/job-states';
import type { JobSummary } from '../../app/queue';
import { SmileIdClient, type SmileIdClientOptions } from '../../main/smileid/client';
import {
  startSimulator,
  type RunningSimulator,
  type SimulatorBehaviourPatch,
} from '../../main/smileid/simulator/server';
import { probeHost } from '../../main/outbox/connectivity';
import { Outbox, type OutboxOptions } from '../../main/outbox/outbox';
import { generateKey } from '../../main/secure/aes-gcm';
import { openConfFile } from '../../main/storage/conf-files';
import { mulberry32 } from '../../main/smileid/simulator/faults';
import { DEVELOPMENT_ENDPOINT_POLICY } from '../../app/smileid/endpoint-policy';

export const PARTNER_ID = '085';
export const API_KEY = 'test-api-key-0123456789';

export const FAST_TIMINGS = {
  pollSchedule: { intervalsMs: [0, 10, 25, 50], deadlineMs: 3_000, maxCalls: 40 },
  backoff: { baseMs: 5, capMs: 100 },
  connectivityProbeMs: 40,
  circuitProbeMs: 80,
  provisionalPollMs: 50,
  indexFlushMs: 20,
} satisfies Partial<OutboxOptions>;

export async function makeDataDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'kiosk-outbox-'));
}

export interface HarnessOptions {
  readonly simulator?: SimulatorBehaviourPatch & { seed?: number };
  readonly settings?: Partial<Settings>;
  readonly outbox?: Partial<OutboxOptions>;
  readonly client?: SmileIdClientOptions;
  readonly apiKey?: string;
  readonly dataDir?: string;
  readonly dataKey?: Uint8Array;
  /** Start with no connection (as if not configured / offline from the start). */
  readonly connected?: boolean;
}

export class Harness {
  settings: Settings;
  apiKey: string;
  clientOptions: SmileIdClientOptions;
  connected: boolean;
  outbox!: Outbox;

  private constructor(
    readonly sim: RunningSimulator,
    readonly dataDir: string,
    readonly dataKey: Uint8Array,
    private readonly options: HarnessOptions,
  ) {
    this.settings = {
      ...DEFAULT_SETTINGS,
      environment: 'custom',
      partnerId: PARTNER_ID,
      ...options.settings,
    };
    this.apiKey = options.apiKey ?? API_KEY;
    this.clientOptions = {
      timeouts: { prepUploadMs: 2_000, uploadMs: 5_000, jobStatusMs: 2_000 },
      ...options.client,
    };
    this.connected = options.connected ?? true;
  }

  static async start(options: HarnessOptions = {}): Promise<Harness> {
    const sim = await startSimulator({
      port: 0,
      partnerId: PARTNER_ID,
      apiKey: API_KEY,
      seed: 7,
      ...options.simulator,
    });
    const harness = new Harness(
      sim,
      options.dataDir ?? (await makeDataDir()),
      options.dataKey ?? generateKey(),
      options,
    );
    await harness.open();
    return harness;
  }

  /** Opens (or re-opens, after `crash`/`stop`) the outbox over the same data folder. */
  async open(extra: Partial<OutboxOptions> = {}): Promise<Outbox> {
    this.outbox = await Outbox.open({
      dataDir: this.dataDir,
      dataKey: this.dataKey,
      openIndexFile: openConfFile,
      connect: async (observer) =>
        this.connected
          ? {
              client: new SmileIdClient(
                { partnerId: PARTNER_ID, apiKey: this.apiKey, apiUrl: this.sim.apiUrl },
                {
                  ...this.clientOptions,
                  onServerTime: observer.onServerTime,
                  endpoints: DEVELOPMENT_ENDPOINT_POLICY,
                },
              ),
              probe: probeHost(this.sim.apiUrl, 1_000),
              training: false,
            }
          : null,
      settings: () => this.settings,
      random: seededRandom(42),
      ...FAST_TIMINGS,
      ...this.options.outbox,
      ...extra,
    });
    return this.outbox;
  }

  /** Waits until `predicate` holds for the job, listening to the outbox's events (no timing assertions). */
  waitForJob(
    jobId: string,
    predicate: (job: JobSummary) => boolean,
    timeoutMs = 20_000,
  ): Promise<JobSummary> {
    return waitFor(
      () => {
        const job = this.outbox.get(jobId);
        return job && predicate(job) ? job : undefined;
      },
      timeoutMs,
      `job ${jobId}`,
    );
  }

  waitForState(jobId: string, state: JobState, timeoutMs?: number): Promise<JobSummary> {
    return this.waitForJob(jobId, (job) => job.state === state, timeoutMs);
  }

  async close(): Promise<void> {
    await this.outbox.stop();
    await this.sim.close();
    if (!this.options.dataDir) await rm(this.dataDir, { recursive: true, force: true });
  }
}

export async function waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A seeded PRNG (the simulator's mulberry32), so randomized tests replay exactly. */
export const seededRandom = mulberry32;
