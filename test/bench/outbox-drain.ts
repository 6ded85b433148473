// Benchmark: how long the outbox takes to drain a backlog of enrollments over a slow link, compared with the
// link's own limit (the bytes it must carry ÷ its bandwidth) and with the official Node SDK
// (smile-identity-core's WebApi.submit_job, awaited one after the other in a `for` loop).
//
// The simulator runs in a child process (so its CPU and timers do not share our event loop), with ONE shared
// bandwidth cap for all connections and an added latency before each answer. Our outbox enqueues the whole
// backlog while it is not connected and not started (enqueue time is not part of the drain), then starts;
// the drain is the wall time from start() until every job is approved.
//
// Bytes on the link are what the simulator's cap charges: request and response BODIES of prep_upload, the
// zip PUT and job_status (HTTP headers are not throttled by the simulator, so they are not counted). They are
// counted in this process from each request's and answer's Content-Length (node:diagnostics_channel sees
// every http.ClientRequest, axios sends both clients' requests through node:http), and the zip bytes are
// cross-checked against the simulator's own jobs view (zipBytes per job).
//
// The official SDK moves the same captures (images 2 + 6 as base64 in info.json) one job at a time; at this
// bandwidth 100 of them take minutes, so a sample is measured and extrapolated per job (it is a sequential
// loop, so the time is linear in the number of jobs).
import { OFFICIAL_SDK_VERSION, redirectOfficialSdkTo } from '../support/official-sdk';
import { spawnSimulator, type SimulatorChild } from './simulator-child';
import diagnosticsChannel from 'node:diagnostics_channel';
import { mkdtemp, rm } from 'node:fs/promises';
import type { ClientRequest, IncomingMessage } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import smileIdentityCore from 'smile-identity-core';
import { DEFAULT_SETTINGS, type Settings } from '../../app/settings';
import type { KioskEvent } from '../../app/queue';
import { probeHost } from '../../main/outbox/connectivity';
import { Outbox } from '../../main/outbox/outbox';
import { generateKey } from '../../main/secure/aes-gcm';
import { SmileIdClient } from '../../main/smileid/client';
import { openConfFile } from '../../main/storage/conf-files';
import type { PollSchedule } from '../../main/smileid/job-status-poller';
import type { SimulatorJobView } from '../../main/smileid/simulator/server';
import { makeCapture } from '../support/fixture-images';
import type { CaptureJpegs } from '../support/fixture-images';
import { seededRandom } from '../support/outbox-harness';
import { DEVELOPMENT_ENDPOINT_POLICY } from '../../app/smileid/endpoint-policy';

const PARTNER_ID = '085';
const API_KEY = 'K';
/** 1 Mbit/s, shared by every connection. */
const BANDWIDTH_BYTES_PER_SEC = 125_000;
const LATENCY_MS = 300;
const JOBS = 100;
/** Our outbox's default concurrency first; the second row shows what more parallel attempts change. */
const CONCURRENCIES = [2] as const;
/** Official SDK jobs actually sent; the figure for JOBS is extrapolated per job. */
const OFFICIAL_SAMPLE = 20;
/** The simulator's processingDelayMs is 0: the first job_status after the PUT answers complete. */
const POLL: PollSchedule = { intervalsMs: [0, 250, 500, 1000], deadlineMs: 60_000, maxCalls: 60 };
/** A drain that is not done by then is stuck (a bug), not slow: fail the section instead of hanging. */
const DRAIN_TIMEOUT_MS = 30 * 60_000;

export const DRAIN_GOALS = {
  /** Drain wall time as a multiple of the link limit (bytes on the link ÷ bandwidth). */
  maxWallToLinkLimit: 1.15,
  /** Official SDK loop wall time ÷ our drain wall time, for the same jobs. */
  minSpeedUpVsOfficial: 3,
} as const;

async function simulatorJobs(simulatorUrl: string): Promise<SimulatorJobView[]> {
  const response = await fetch(`${simulatorUrl}/__simulator/jobs`);
  if (!response.ok) throw new Error(`GET /__simulator/jobs answered ${response.status}`);
  return (await response.json()) as SimulatorJobView[];
}

async function resetSimulator(simulatorUrl: string): Promise<void> {
  const response = await fetch(`${simulatorUrl}/__simulator/reset`, { method: 'POST' });
  if (!response.ok) throw new Error(`POST /__simulator/reset answered ${response.status}`);
  await response.arrayBuffer();
}

// ---- bytes on the link -------------------------------------------------------------------------------

type WireRoute = 'prep_upload' | 'put' | 'job_status';

interface RouteBytes {
  requests: number;
  requestBodyBytes: number;
  responseBodyBytes: number;
}

/** Body bytes of every Smile ID request this process sends to the simulator (what its bandwidth cap charges). */
class WireCounter {
  private readonly routes: Record<WireRoute, RouteBytes> = {
    prep_upload: emptyRouteBytes(),
    put: emptyRouteBytes(),
    job_status: emptyRouteBytes(),
  };
  /** Requests whose body length was not declared (then the totals undercount; reported, expected 0). */
  unknownLengths = 0;
  private readonly listener = (message: unknown): void => this.observe(message);

  constructor(private readonly hostHeader: string) {
    diagnosticsChannel.subscribe('http.client.response.finish', this.listener);
  }

  close(): void {
    diagnosticsChannel.unsubscribe('http.client.response.finish', this.listener);
  }

  reset(): void {
    for (const bytes of Object.values(this.routes)) Object.assign(bytes, emptyRouteBytes());
    this.unknownLengths = 0;
  }

  snapshot(): Record<WireRoute, RouteBytes> & { totalBodyBytes: number; jsonBodyBytes: number } {
    const copy = {
      prep_upload: { ...this.routes.prep_upload },
      put: { ...this.routes.put },
      job_status: { ...this.routes.job_status },
    };
    const sum = (route: RouteBytes): number => route.requestBodyBytes + route.responseBodyBytes;
    const jsonBodyBytes = sum(copy.prep_upload) + sum(copy.job_status) + copy.put.responseBodyBytes;
    return { ...copy, totalBodyBytes: jsonBodyBytes + copy.put.requestBodyBytes, jsonBodyBytes };
  }

  private observe(message: unknown): void {
    const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
    if (request.getHeader('host') !== this.hostHeader) return;
    const route: WireRoute | null =
      request.method === 'PUT' && request.path.startsWith('/uploads/')
        ? 'put'
        : request.path === '/v1/upload'
          ? 'prep_upload'
          : request.path === '/v1/job_status'
            ? 'job_status'
            : null;
    if (!route) return;
    const requestLength = Number(request.getHeader('content-length') ?? Number.NaN);
    const responseLength = Number(response.headers['content-length'] ?? Number.NaN);
    if (!Number.isFinite(requestLength) || !Number.isFinite(responseLength)) this.unknownLengths++;
    const bytes = this.routes[route];
    bytes.requests++;
    bytes.requestBodyBytes += Number.isFinite(requestLength) ? requestLength : 0;
    bytes.responseBodyBytes += Number.isFinite(responseLength) ? responseLength : 0;
  }
}

function emptyRouteBytes(): RouteBytes {
  return { requests: 0, requestBodyBytes: 0, responseBodyBytes: 0 };
}

// ---- results -----------------------------------------------------------------------------------------

export interface LinkFigures {
  /** Sum of the simulator's zipBytes over the jobs of this run (one accepted zip each). */
  readonly zipBytes: number;
  /** prep_upload and job_status request + response bodies, and the PUT answers' bodies. */
  readonly jsonBodyBytes: number;
  /** zip + JSON bodies: what the simulator's bandwidth cap charges. */
  readonly totalBodyBytes: number;
  /** totalBodyBytes ÷ bandwidth. */
  readonly linkLimitMs: number;
  readonly requests: { readonly prepUpload: number; readonly put: number; readonly jobStatus: number };
  readonly bodyLengthsUnknown: number;
}

export interface DrainRun {
  readonly concurrency: number;
  readonly jobs: number;
  readonly drainMs: number;
  readonly msPerJob: number;
  readonly enqueueMs: number;
  readonly timeline: DrainTimeline;
  readonly link: LinkFigures;
  readonly wallToLinkLimit: number;
  /** Attempts the outbox recorded over all jobs (== jobs when nothing had to be retried). */
  readonly attempts: number;
  /** Official SDK loop (extrapolated to `jobs`) ÷ this drain. */
  readonly speedUpVsOfficial: number;
  /** Official SDK loop ÷ this run's link limit: the speed-up of a drain that kept the link 100% busy. */
  readonly speedUpCeiling: number;
  readonly goalsMet: { readonly linkLimit: boolean; readonly speedUp: boolean };
}

export interface OfficialRun {
  readonly sdk: string;
  /** Jobs actually sent through the SDK loop. */
  readonly officialSample: number;
  readonly sampleWallMs: number;
  readonly msPerJob: number;
  /** msPerJob × jobs: the SDK loop is sequential, so its time is linear in the number of jobs. */
  readonly extrapolatedWallMs: number;
  readonly extrapolatedTo: number;
  readonly link: LinkFigures;
  readonly wallToLinkLimit: number;
}

export interface DrainBenchResult {
  readonly simulator: {
    readonly bandwidthBytesPerSec: number;
    readonly latencyMs: number;
    readonly processingDelayMs: number;
    readonly childProcess: true;
  };
  readonly capture: { readonly images: number; readonly rawJpegBytes: number };
  readonly pollSchedule: PollSchedule;
  readonly ours: readonly DrainRun[];
  readonly official: OfficialRun;
  /** What the link limit counts: body bytes only (the simulator does not throttle HTTP headers). */
  readonly linkLimitCounts: string;
  readonly goals: typeof DRAIN_GOALS;
}

// ---- the runs ----------------------------------------------------------------------------------------

/** Where a drain's wall time goes, from the outbox's own state events (ms from start()). */
export interface DrainTimeline {
  /** start() → the first job enters 'uploading' (prep_upload of the first jobs, with its latency). */
  readonly headMs: number;
  /** The last job leaves 'uploading' → the last approval (job_status with its latency, record writes). */
  readonly tailMs: number;
  /**
   * Time within the drain when no job was in 'uploading' (no PUT in flight). A PUT's interval also holds
   * the simulator's latency after the body arrived, so the link itself is idle somewhat more than this.
   */
  readonly noPutInFlightMs: number;
}

interface OursRaw {
  readonly concurrency: number;
  readonly drainMs: number;
  readonly enqueueMs: number;
  readonly timeline: DrainTimeline;
  readonly link: LinkFigures;
  readonly attempts: number;
}

async function linkFigures(
  simulatorUrl: string,
  jobIds: ReadonlySet<string>,
  wire: ReturnType<WireCounter['snapshot']>,
  unknownLengths: number,
): Promise<LinkFigures> {
  const jobs = (await simulatorJobs(simulatorUrl)).filter((job) => jobIds.has(job.jobId));
  if (jobs.length !== jobIds.size) {
    throw new Error(`the simulator knows ${jobs.length} of the ${jobIds.size} jobs sent`);
  }
  let zipBytes = 0;
  for (const job of jobs) {
    if (job.zipBytes === null || job.acceptedZips !== 1) {
      throw new Error(`job ${job.jobId}: ${job.acceptedZips} accepted zips (${String(job.zipProblem)})`);
    }
    zipBytes += job.zipBytes;
  }
  // Every PUT the client declared should be a zip the simulator received (more if a PUT was repeated).
  const totalBodyBytes = wire.jsonBodyBytes + Math.max(zipBytes, wire.put.requestBodyBytes);
  return {
    zipBytes,
    jsonBodyBytes: wire.jsonBodyBytes,
    totalBodyBytes,
    linkLimitMs: round1((totalBodyBytes / BANDWIDTH_BYTES_PER_SEC) * 1000),
    requests: {
      prepUpload: wire.prep_upload.requests,
      put: wire.put.requests,
      jobStatus: wire.job_status.requests,
    },
    bodyLengthsUnknown: unknownLengths,
  };
}

async function drainOurs(
  simulator: SimulatorChild,
  wire: WireCounter,
  capture: CaptureJpegs,
  concurrency: number,
): Promise<OursRaw> {
  await resetSimulator(simulator.url);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-bench-drain-'));
  const dataKey = generateKey();
  const apiUrl = `${simulator.url}/v1`;
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    environment: 'custom',
    customApiUrl: apiUrl,
    partnerId: PARTNER_ID,
    kioskId: 'bench-kiosk',
    branch: 'bench-branch',
  };
  let connected = false;
  const outbox = await Outbox.open({
    dataDir,
    dataKey,
    openIndexFile: openConfFile,
    connect: async (observer) =>
      connected
        ? {
            client: new SmileIdClient(
              { partnerId: PARTNER_ID, apiKey: API_KEY, apiUrl },
              { onServerTime: observer.onServerTime, endpoints: DEVELOPMENT_ENDPOINT_POLICY },
            ),
            probe: probeHost(apiUrl, 5_000),
            training: false,
          }
        : null,
    settings: () => settings,
    concurrency,
    pollSchedule: POLL,
    random: seededRandom(42),
  });
  try {
    const enqueueStarted = performance.now();
    const jobIds = new Set<string>();
    for (let i = 0; i < JOBS; i++) {
      const job = await outbox.enqueue({
        ...capture,
        userId: `drain-c${concurrency}-user-${String(i).padStart(3, '0')}`,
        consentAt: Date.now(),
      });
      jobIds.add(job.jobId);
    }
    outbox.flushIndex();
    const enqueueMs = performance.now() - enqueueStarted;

    const approved = new Set<string>();
    const uploads = new Map<string, { from: number; to: number | null }>();
    let unsubscribe: () => void = () => undefined;
    let timer: NodeJS.Timeout | undefined;
    const done = new Promise<void>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`drain stuck: ${approved.size} of ${JOBS} approved after the timeout`)),
        DRAIN_TIMEOUT_MS,
      );
      unsubscribe = outbox.onEvent((event: KioskEvent) => {
        if (event.type !== 'job' || !jobIds.has(event.job.jobId)) return;
        const { state, jobId } = event.job;
        const at = performance.now();
        if (state === 'uploading' && !uploads.has(jobId)) uploads.set(jobId, { from: at, to: null });
        const upload = uploads.get(jobId);
        if (state !== 'uploading' && upload && upload.to === null) upload.to = at;
        if (state === 'approved') approved.add(jobId);
        else if (state === 'rejected' || state === 'needs_attention' || state === 'provisional') {
          clearTimeout(timer);
          reject(new Error(`job ${event.job.jobId} ended ${state}: ${JSON.stringify(event.job.lastError)}`));
          return;
        }
        if (approved.size === jobIds.size) {
          clearTimeout(timer);
          resolve();
        }
      });
    });

    wire.reset();
    connected = true;
    const drainStarted = performance.now();
    // If start() throws, `done` is never awaited: its rejection must not be reported as unhandled.
    done.catch(() => undefined);
    try {
      await outbox.start();
      await done;
    } finally {
      clearTimeout(timer);
      unsubscribe();
    }
    const drainEnded = performance.now();
    const drainMs = drainEnded - drainStarted;
    const timeline = drainTimeline(drainStarted, drainEnded, [...uploads.values()]);
    const wireBytes = wire.snapshot();
    const unknown = wire.unknownLengths;

    let attempts = 0;
    for (const jobId of jobIds) attempts += outbox.get(jobId)?.attempts ?? 0;
    const link = await linkFigures(simulator.url, jobIds, wireBytes, unknown);
    return { concurrency, drainMs, enqueueMs, timeline, link, attempts };
  } finally {
    await outbox.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function drainTimeline(
  startedAt: number,
  endedAt: number,
  uploads: readonly { from: number; to: number | null }[],
): DrainTimeline {
  const intervals = uploads.map(({ from, to }) => [from, to ?? endedAt] as const).sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let cursor = startedAt;
  for (const [from, to] of intervals) {
    if (to <= cursor) continue;
    covered += to - Math.max(from, cursor);
    cursor = to;
  }
  const firstUpload = intervals[0]?.[0] ?? endedAt;
  const lastUploadEnd = Math.max(startedAt, ...intervals.map(([, to]) => to));
  return {
    headMs: round1(firstUpload - startedAt),
    tailMs: round1(endedAt - lastUploadEnd),
    noPutInFlightMs: round1(endedAt - startedAt - covered),
  };
}

function sdkImages(capture: CaptureJpegs): { image_type_id: number; image: string }[] {
  return [
    { image_type_id: 2, image: Buffer.from(capture.selfie).toString('base64') },
    ...capture.liveness.map((jpeg) => ({ image_type_id: 6, image: Buffer.from(jpeg).toString('base64') })),
  ];
}

async function officialLoop(
  simulator: SimulatorChild,
  wire: WireCounter,
  capture: CaptureJpegs,
): Promise<OfficialRun> {
  await resetSimulator(simulator.url);
  const stopRedirect = redirectOfficialSdkTo(simulator.url);
  try {
    const webApi = new smileIdentityCore.WebApi(PARTNER_ID, undefined, API_KEY, 0);
    webApi.url = `${simulator.url}/v1`;
    const jobIds = new Set<string>();
    wire.reset();
    const started = performance.now();
    for (let i = 0; i < OFFICIAL_SAMPLE; i++) {
      const jobId = `sdk-drain-job-${i}`;
      // Encoding the JPEGs is part of what a caller of the SDK must do, so it is inside the loop.
      const status = (await webApi.submit_job(
        { user_id: `sdk-drain-user-${String(i).padStart(3, '0')}`, job_id: jobId, job_type: 4 },
        sdkImages(capture),
        { entered: false },
        { return_job_status: true },
      )) as { job_complete?: boolean; result?: { ResultCode?: string } };
      if (!status.job_complete || status.result?.ResultCode !== '0840') {
        throw new Error(`official enrollment ${i} ended ${JSON.stringify(status.result)}`);
      }
      jobIds.add(jobId);
    }
    const sampleWallMs = performance.now() - started;
    const link = await linkFigures(simulator.url, jobIds, wire.snapshot(), wire.unknownLengths);
    const msPerJob = sampleWallMs / OFFICIAL_SAMPLE;
    return {
      sdk: `smile-identity-core ${OFFICIAL_SDK_VERSION}`,
      officialSample: OFFICIAL_SAMPLE,
      sampleWallMs: round1(sampleWallMs),
      msPerJob: round1(msPerJob),
      extrapolatedWallMs: round1(msPerJob * JOBS),
      extrapolatedTo: JOBS,
      link,
      wallToLinkLimit: round3(sampleWallMs / link.linkLimitMs),
    };
  } finally {
    stopRedirect();
  }
}

export async function benchOutboxDrain(): Promise<DrainBenchResult> {
  const capture = makeCapture();
  const rawJpegBytes = capture.selfie.length + capture.liveness.reduce((sum, jpeg) => sum + jpeg.length, 0);
  const simulator = await spawnSimulator([
    '--port',
    '0',
    '--partner-id',
    PARTNER_ID,
    '--api-key',
    API_KEY,
    '--bandwidth',
    String(BANDWIDTH_BYTES_PER_SEC),
    '--latency-ms',
    String(LATENCY_MS),
  ]);
  const wire = new WireCounter(`127.0.0.1:${simulator.port}`);
  try {
    const raws: OursRaw[] = [];
    for (const concurrency of CONCURRENCIES) {
      const raw = await drainOurs(simulator, wire, capture, concurrency);
      console.log(
        `  ours, concurrency ${concurrency}: ${JOBS} approved in ${(raw.drainMs / 1000).toFixed(1)} s ` +
          `(link limit ${(raw.link.linkLimitMs / 1000).toFixed(1)} s)`,
      );
      raws.push(raw);
    }
    const official = await officialLoop(simulator, wire, capture);
    console.log(
      `  official: ${OFFICIAL_SAMPLE} jobs in ${(official.sampleWallMs / 1000).toFixed(1)} s ` +
        `(${(official.msPerJob / 1000).toFixed(2)} s per job)`,
    );
    const ours = raws.map((raw): DrainRun => {
      const wallToLinkLimit = round3(raw.drainMs / raw.link.linkLimitMs);
      const speedUp = round3(official.extrapolatedWallMs / raw.drainMs);
      return {
        concurrency: raw.concurrency,
        jobs: JOBS,
        drainMs: round1(raw.drainMs),
        msPerJob: round1(raw.drainMs / JOBS),
        enqueueMs: round1(raw.enqueueMs),
        timeline: raw.timeline,
        link: raw.link,
        wallToLinkLimit,
        attempts: raw.attempts,
        speedUpVsOfficial: speedUp,
        speedUpCeiling: round3(official.extrapolatedWallMs / raw.link.linkLimitMs),
        goalsMet: {
          linkLimit: wallToLinkLimit <= DRAIN_GOALS.maxWallToLinkLimit,
          speedUp: speedUp >= DRAIN_GOALS.minSpeedUpVsOfficial,
        },
      };
    });
    return {
      simulator: {
        bandwidthBytesPerSec: BANDWIDTH_BYTES_PER_SEC,
        latencyMs: LATENCY_MS,
        processingDelayMs: 0,
        childProcess: true,
      },
      capture: { images: 1 + capture.liveness.length, rawJpegBytes },
      pollSchedule: POLL,
      ours,
      official,
      linkLimitCounts:
        'request + response bodies of prep_upload, PUT and job_status (what the simulator throttles); ' +
        'HTTP headers are not counted',
      goals: DRAIN_GOALS,
    };
  } finally {
    wire.close();
    await simulator.stop();
  }
}

/** Prints the figures and the goals beside them. */
export function printOutboxDrainTable(result: DrainBenchResult): void {
  const ok = (met: boolean): string => (met ? 'met' : 'MISSED');
  const seconds = (ms: number): number => round1(ms / 1000);
  const { official } = result;
  console.log(
    `\nOutbox drain: ${result.ours[0]?.jobs ?? 0} queued enrollments (${result.capture.images} JPEGs, ` +
      `${result.capture.rawJpegBytes} B each) over ${result.simulator.bandwidthBytesPerSec} B/s shared ` +
      `+ ${result.simulator.latencyMs} ms latency per request (simulator in a child process)`,
  );
  const rows: Record<string, Record<string, string | number>> = {};
  for (const run of result.ours) {
    rows[`ours, concurrency ${run.concurrency}`] = {
      jobs: run.jobs,
      'wall s': seconds(run.drainMs),
      'link limit s': seconds(run.link.linkLimitMs),
      'wall / limit': run.wallToLinkLimit,
      'MB on link': mb(run.link.totalBodyBytes),
      'speed-up vs official': run.speedUpVsOfficial,
      'speed-up at link limit': run.speedUpCeiling,
      goals:
        `wall/limit ≤ ${result.goals.maxWallToLinkLimit}: ${ok(run.goalsMet.linkLimit)}; ` +
        `speed-up ≥ ${result.goals.minSpeedUpVsOfficial}: ${ok(run.goalsMet.speedUp)}`,
    };
  }
  rows[`official, measured (${official.officialSample} jobs)`] = {
    jobs: official.officialSample,
    'wall s': seconds(official.sampleWallMs),
    'link limit s': seconds(official.link.linkLimitMs),
    'wall / limit': official.wallToLinkLimit,
    'MB on link': mb(official.link.totalBodyBytes),
    'speed-up vs official': '',
    'speed-up at link limit': '',
    goals: '',
  };
  rows[`official, extrapolated (${official.extrapolatedTo} jobs)`] = {
    jobs: official.extrapolatedTo,
    'wall s': seconds(official.extrapolatedWallMs),
    'link limit s': '',
    'wall / limit': '',
    'MB on link': '',
    'speed-up vs official': 1,
    'speed-up at link limit': '',
    goals: `extrapolated: ${official.msPerJob.toFixed(0)} ms/job × ${official.extrapolatedTo}`,
  };
  console.table(rows);
  console.log(
    `  official: ${official.sdk} submit_job (types 2 + 6 base64, return_job_status) awaited in a for loop; ` +
      `measured on ${official.officialSample} jobs and extrapolated per job to ${official.extrapolatedTo}.`,
  );
  for (const run of result.ours) {
    const link = run.link;
    console.log(
      `  ours c=${run.concurrency}: zip ${link.zipBytes} B + JSON bodies ${link.jsonBodyBytes} B; ` +
        `requests ${link.requests.prepUpload} prep_upload / ${link.requests.put} PUT / ` +
        `${link.requests.jobStatus} job_status; ${run.attempts} attempts; ` +
        `enqueue of the backlog (not in the drain) ${seconds(run.enqueueMs)} s`,
    );
    console.log(
      `    timeline: start → first PUT ${seconds(run.timeline.headMs)} s; last PUT answered → last ` +
        `approval ${seconds(run.timeline.tailMs)} s; no PUT in flight ${seconds(run.timeline.noPutInFlightMs)} s ` +
        `of ${seconds(run.drainMs)} s`,
    );
  }
  console.log(
    `  official: zip ${official.link.zipBytes} B + JSON bodies ${official.link.jsonBodyBytes} B; requests ` +
      `${official.link.requests.prepUpload} prep_upload / ${official.link.requests.put} PUT / ` +
      `${official.link.requests.jobStatus} job_status`,
  );
  console.log(
    `  link limit = bytes on the link ÷ bandwidth, counting ${result.linkLimitCounts}; ` +
      `"speed-up at link limit" = official ÷ our link limit, the most any drain of these bytes could reach`,
  );
}

function mb(bytes: number): number {
  return Math.round(bytes / 10_000) / 100;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
