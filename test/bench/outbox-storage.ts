// Benchmark: does the outbox's storage stay fast as the backlog grows? A kiosk that cannot send for days
// may hold thousands of enrollments; taking the next capture and recording a state change must not slow
// down with them, and the kiosk must come back quickly after a restart.
//
// One data folder is filled step by step with real queued jobs (small 64 px JPEGs, enqueued through the
// real Outbox.enqueue of a started outbox that has no Smile ID connection, as on an unconfigured kiosk),
// and at 100, 1,000 and 10,000 queued jobs a series of operations is timed, each = enqueue() of a
// real-size capture (1 selfie 640 px + 8 liveness 320 px) followed by one state update of that job
// (retry() on a queued job: queued → queued, its sealed record.bin rewritten and the index updated).
// The measured jobs are discarded afterwards (not timed), so each step starts from exactly N queued jobs.
// Then start-up: Outbox.open over the 10,000 queued jobs until it resolves (median of several opens).
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DEFAULT_SETTINGS, type Settings } from '../../app/settings';
import { openConfIndexFile } from '../../main/outbox/conf-index-file';
import { Outbox, type OpenReport, type OutboxOptions } from '../../main/outbox/outbox';
import { INDEX_FILE_NAME } from '../../main/outbox/job-index';
import { generateKey } from '../../main/secure/aes-gcm';
import { encodeJpeg, makeCapture, readFixture, scaleToLongSide } from '../support/fixture-images';
import type { CaptureJpegs } from '../support/fixture-images';
import { seededRandom } from '../support/outbox-harness';

const SIZES = [100, 1_000, 10_000] as const;
const OPS_PER_SIZE = 200;
/** Untimed operations before each timed series (JIT, caches), discarded like the timed ones. */
const WARMUP_OPS = 20;
const FILL_PARALLELISM = 8;
const FILLER_LONG_SIDE_PX = 64;
const STARTUP_OPENS = 3;

export const STORAGE_GOALS = {
  /** p99 of enqueue + one state update at 10,000 queued ÷ the same at 100 queued. */
  maxP99Ratio10kTo100: 3,
  /** Outbox.open with 10,000 queued jobs, until it resolves. */
  maxStartupMs: 1_000,
} as const;

export interface Percentiles {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export interface SizeFigures {
  /** Jobs already queued when the timed series started. */
  readonly queued: number;
  readonly ops: number;
  /** enqueue + retry, ms. */
  readonly op: Percentiles;
  readonly enqueue: Percentiles;
  readonly stateUpdate: Percentiles;
  /** One synchronous write of the whole index file (outbox.flushIndex() with a change pending), ms. */
  readonly indexFlushMs: number;
  readonly indexFileBytes: number;
  /** Event-loop delay while the series ran (a synchronous index flush blocks every operation in flight). */
  readonly eventLoopDelayMaxMs: number;
}

export interface StorageBenchResult {
  readonly fill: {
    readonly jobs: number;
    readonly ms: number;
    readonly jobsPerSec: number;
    readonly parallelism: number;
    readonly fillerJpegBytes: number;
  };
  readonly measuredCaptureBytes: number;
  readonly sizes: readonly SizeFigures[];
  readonly p99Ratio10kTo100: number;
  readonly startup: {
    readonly queued: number;
    readonly opens: number;
    readonly openMs: readonly number[];
    readonly medianMs: number;
    readonly openReport: OpenReport;
    /** Parts of an open, timed apart (not inside the figures above): where start-up time goes. */
    readonly breakdown: {
      readonly indexFileOpenMs: number;
      readonly jobsReaddirMs: number;
    };
  };
  readonly goals: typeof STORAGE_GOALS;
  readonly goalsMet: { readonly p99Ratio: boolean; readonly startup: boolean };
}

function fillerCapture(): CaptureJpegs {
  const small = scaleToLongSide(readFixture('face-astronaut'), FILLER_LONG_SIDE_PX);
  const selfie = encodeJpeg(small);
  // Nine files per job like a real capture, only smaller.
  return { selfie, liveness: Array.from({ length: 8 }, () => encodeJpeg(small)) };
}

function captureBytes(capture: CaptureJpegs): number {
  return capture.selfie.length + capture.liveness.reduce((sum, jpeg) => sum + jpeg.length, 0);
}

export async function benchOutboxStorage(): Promise<StorageBenchResult> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-bench-storage-'));
  const dataKey = generateKey();
  const keyHex = Buffer.from(dataKey).toString('hex');
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    kioskId: 'bench-kiosk',
    branch: 'bench-branch',
    // The default budget refuses captures past 5,000 waiting; this bench needs more.
    offlineBudget: { ...DEFAULT_SETTINGS.offlineBudget, maxQueuedJobs: 100_000 },
  };
  const options: OutboxOptions = {
    dataDir,
    dataKey,
    openIndexFile: () => openConfIndexFile(dataDir, keyHex),
    // Not configured: nothing is sent, every job stays queued.
    connect: async () => null,
    settings: () => settings,
    random: seededRandom(42),
  };
  const filler = fillerCapture();
  const measured = makeCapture();

  try {
    let outbox = await Outbox.open(options);
    await outbox.start();

    let queued = 0;
    let fillMs = 0;
    const fill = async (target: number): Promise<void> => {
      const started = performance.now();
      const worker = async (): Promise<void> => {
        while (queued < target) {
          const n = queued++;
          await outbox.enqueue({ ...filler, userId: `filler-${n}`, consentAt: Date.now() });
        }
      };
      await Promise.all(Array.from({ length: FILL_PARALLELISM }, worker));
      fillMs += performance.now() - started;
    };

    let opCounter = 0;
    /** One timed operation: enqueue a real-size capture, then one state update of that job. */
    const operation = async (): Promise<{ jobId: string; enqueueMs: number; updateMs: number }> => {
      const n = opCounter++;
      const started = performance.now();
      const job = await outbox.enqueue({ ...measured, userId: `measured-${n}`, consentAt: Date.now() });
      const enqueued = performance.now();
      const updated = await outbox.retry(job.jobId);
      const ended = performance.now();
      if (updated.state !== 'queued') throw new Error(`retry left job ${job.jobId} ${updated.state}`);
      return { jobId: job.jobId, enqueueMs: enqueued - started, updateMs: ended - enqueued };
    };
    const discardAll = async (jobIds: readonly string[]): Promise<void> => {
      for (const jobId of jobIds) await outbox.discard(jobId);
      outbox.flushIndex();
    };

    const sizes: SizeFigures[] = [];
    for (const size of SIZES) {
      await fill(size);
      outbox.flushIndex();

      const warm: string[] = [];
      for (let i = 0; i < WARMUP_OPS; i++) warm.push((await operation()).jobId);
      await discardAll(warm);

      const jobIds: string[] = [];
      const totals: number[] = [];
      const enqueues: number[] = [];
      const updates: number[] = [];
      const loopDelay = monitorEventLoopDelay({ resolution: 10 });
      loopDelay.enable();
      for (let i = 0; i < OPS_PER_SIZE; i++) {
        const { jobId, enqueueMs, updateMs } = await operation();
        jobIds.push(jobId);
        enqueues.push(enqueueMs);
        updates.push(updateMs);
        totals.push(enqueueMs + updateMs);
      }
      loopDelay.disable();

      // Diagnostics, untimed above: one full index write with a change pending, and the file's size.
      const lastJobId = jobIds.at(-1);
      if (lastJobId) await outbox.retry(lastJobId);
      const flushStarted = performance.now();
      outbox.flushIndex();
      const indexFlushMs = performance.now() - flushStarted;
      const indexFileBytes = (await stat(path.join(dataDir, `${INDEX_FILE_NAME}.json`))).size;

      await discardAll(jobIds);
      sizes.push({
        queued: size,
        ops: totals.length,
        op: percentiles(totals),
        enqueue: percentiles(enqueues),
        stateUpdate: percentiles(updates),
        indexFlushMs: round2(indexFlushMs),
        indexFileBytes,
        eventLoopDelayMaxMs: round2(loopDelay.max / 1e6),
      });
      console.log(
        `  ${size} queued: p50 ${round2(percentile(totals, 50))} ms, p99 ${round2(percentile(totals, 99))} ms ` +
          `(filled so far in ${(fillMs / 1000).toFixed(1)} s)`,
      );
    }

    // Start-up with the largest backlog: each open after the previous outbox stopped.
    await outbox.stop();
    const largest = SIZES[SIZES.length - 1]!;
    const openMs: number[] = [];
    let openReport: OpenReport | null = null;
    for (let i = 0; i < STARTUP_OPENS; i++) {
      const started = performance.now();
      outbox = await Outbox.open(options);
      openMs.push(performance.now() - started);
      openReport = outbox.openReport;
      const counts = (await outbox.health()).counts;
      await outbox.stop();
      if (counts.queued !== largest) {
        throw new Error(`start-up found ${counts.queued} queued jobs, expected ${largest}`);
      }
    }
    const indexOpenStarted = performance.now();
    const indexSize = Object.keys(
      (openConfIndexFile(dataDir, keyHex).store as { jobs?: object }).jobs ?? {},
    ).length;
    const indexFileOpenMs = performance.now() - indexOpenStarted;
    if (indexSize !== largest) throw new Error(`the index file holds ${indexSize} jobs, expected ${largest}`);
    const readdirStarted = performance.now();
    await readdir(path.join(dataDir, 'jobs'), { withFileTypes: true });
    const jobsReaddirMs = performance.now() - readdirStarted;

    const first = sizes[0]!;
    const last = sizes[sizes.length - 1]!;
    const p99Ratio = round3(last.op.p99 / first.op.p99);
    const medianMs = round2(median(openMs));
    return {
      fill: {
        jobs: queued,
        ms: round1(fillMs),
        jobsPerSec: round1(queued / (fillMs / 1000)),
        parallelism: FILL_PARALLELISM,
        fillerJpegBytes: captureBytes(filler),
      },
      measuredCaptureBytes: captureBytes(measured),
      sizes,
      p99Ratio10kTo100: p99Ratio,
      startup: {
        queued: largest,
        opens: STARTUP_OPENS,
        openMs: openMs.map(round2),
        medianMs,
        openReport: openReport!,
        breakdown: { indexFileOpenMs: round2(indexFileOpenMs), jobsReaddirMs: round2(jobsReaddirMs) },
      },
      goals: STORAGE_GOALS,
      goalsMet: {
        p99Ratio: p99Ratio <= STORAGE_GOALS.maxP99Ratio10kTo100,
        startup: medianMs <= STORAGE_GOALS.maxStartupMs,
      },
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Prints the figures and the goals beside them. */
export function printOutboxStorageTable(result: StorageBenchResult): void {
  const ok = (met: boolean): string => (met ? 'met' : 'MISSED');
  console.log(
    `\nOutbox storage: enqueue (${result.measuredCaptureBytes} B capture) + one state update (retry), ` +
      `${result.sizes[0]?.ops ?? 0} operations per backlog size, one after the other`,
  );
  const rows: Record<string, Record<string, string | number>> = {};
  for (const size of result.sizes) {
    rows[`${size.queued} queued`] = {
      ops: size.ops,
      'p50 ms': size.op.p50,
      'p99 ms': size.op.p99,
      'max ms': size.op.max,
      'enqueue p50/p99': `${size.enqueue.p50} / ${size.enqueue.p99}`,
      'update p50/p99': `${size.stateUpdate.p50} / ${size.stateUpdate.p99}`,
      'index flush ms': size.indexFlushMs,
      'index KB': Math.round(size.indexFileBytes / 1024),
      'loop delay max ms': size.eventLoopDelayMaxMs,
    };
  }
  console.table(rows);
  console.table({
    'p99(10,000) / p99(100)': {
      value: result.p99Ratio10kTo100,
      goal: `≤ ${result.goals.maxP99Ratio10kTo100}: ${ok(result.goalsMet.p99Ratio)}`,
    },
    [`start-up, ${result.startup.queued} queued (median of ${result.startup.opens} opens)`]: {
      value: `${result.startup.medianMs} ms`,
      goal: `≤ ${result.goals.maxStartupMs} ms: ${ok(result.goalsMet.startup)}`,
    },
  });
  const { openReport, breakdown, openMs } = result.startup;
  console.log(
    `  opens: ${openMs.join(' / ')} ms; openReport: ${JSON.stringify(openReport)}\n` +
      `  apart: index file open (conf: read + decrypt + parse) ${breakdown.indexFileOpenMs} ms, ` +
      `readdir of jobs/ ${breakdown.jobsReaddirMs} ms\n` +
      `  fill: ${result.fill.jobs} jobs (${result.fill.fillerJpegBytes} B of 64 px JPEGs each) through ` +
      `Outbox.enqueue, ${result.fill.parallelism} in flight, in ${(result.fill.ms / 1000).toFixed(1)} s ` +
      `(${result.fill.jobsPerSec} jobs/s)`,
  );
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

function percentiles(values: readonly number[]): Percentiles {
  return {
    p50: round2(percentile(values, 50)),
    p99: round2(percentile(values, 99)),
    max: round2(Math.max(...values)),
  };
}

function median(values: readonly number[]): number {
  return percentile(values, 50);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
