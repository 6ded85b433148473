// Benchmark: does recording a job cost more as the backlog grows? A kiosk that cannot send for days may hold
// thousands of enrollments; taking the next capture and recording a state change must not slow down with them,
// and the kiosk must come back quickly after a restart.
//
// What is timed is the cost the index write adds to each change, not only the part of it that happens to land
// inside a timed call. The outbox coalesces index writes on a timer (indexFlushMs, 500 ms), so timing enqueue()
// alone mostly misses the write — it lands between calls, or on whichever call is running when the timer fires,
// so a p99 over 200 calls depends on how many timer writes fell inside it (1.03× in one run, 6× in another).
// Here every change is followed by outbox.flushIndex(), timed with it: the write the change caused, every time.
//
// Three data folders are filled with real queued jobs (small 64 px JPEGs through the real Outbox.enqueue of a
// started outbox with no Smile ID connection, as on an unconfigured kiosk): 100, 1,000 and 10,000. Then the
// three are measured side by side, in rounds: each round does one operation on each backlog, in a rotating
// order, so drift in the machine (other processes, page cache, CPU clock) falls on all three alike. One
// operation = enqueue() of a real-size capture (1 selfie 640 px + 8 liveness 320 px) + the index write, then
// one state update of that job (retry() on a queued job: queued → queued, its sealed record.bin rewritten) +
// the index write. The job is then discarded (untimed), so each backlog stays at exactly its size.
// Apart from the timed series, for each backlog: opening the index alone, and one compaction (the rewrite of
// the settled file that every HOT_LIMIT changed jobs cost), with its share per change.
// Then start-up: Outbox.open over the 10,000 queued jobs until it resolves (median of several opens).
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_SETTINGS, type Settings } from '../../app/settings';
import { indexFileSpecs } from '../../main/outbox/index-files';
import { HOT_LIMIT, JobIndex } from '../../main/outbox/job-index';
import { Outbox, type OpenReport, type OutboxOptions } from '../../main/outbox/outbox';
import { generateKey } from '../../main/secure/aes-gcm';
import { openConfFile } from '../../main/storage/conf-files';
import { encodeJpeg, makeCapture, readFixture, scaleToLongSide } from '../support/fixture-images';
import type { CaptureJpegs } from '../support/fixture-images';
import { seededRandom } from '../support/outbox-harness';

const SIZES = [100, 1_000, 10_000] as const;
const OPS_PER_SIZE = 200;
/** Untimed rounds before the timed ones (JIT, caches), discarded like the timed ones. */
const WARMUP_ROUNDS = 20;
const FILL_PARALLELISM = 8;
const FILLER_LONG_SIDE_PX = 64;
const STARTUP_OPENS = 3;

export const STORAGE_GOALS = {
  /** p99 of enqueue + its index write at 10,000 queued ÷ the same at 100 queued. */
  maxP99Ratio10kTo100: 3,
  /** What the change aims for. */
  aimP99Ratio10kTo100: 1.5,
  /** Outbox.open with 10,000 queued jobs, until it resolves. */
  maxStartupMs: 1_000,
} as const;

export interface Percentiles {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export interface SizeFigures {
  /** Jobs queued while the operations ran. */
  readonly queued: number;
  readonly ops: number;
  /** enqueue() + the index write it caused, ms. */
  readonly enqueue: Percentiles;
  /** retry() (one state change) + the index write it caused, ms. */
  readonly stateUpdate: Percentiles;
  /** The index writes alone (outbox.flushIndex() after each change, both kinds), ms. */
  readonly indexWrite: Percentiles;
  /** Each outbox-index* file in the data folder and its size after the series. */
  readonly indexFiles: Readonly<Record<string, number>>;
  /** Timed apart, after the series: JobIndex.open alone, and one compaction. */
  readonly indexOpenMs: number;
  readonly compaction: {
    readonly ms: number;
    /** A compaction comes once per `hotLimit` changed jobs: its cost spread over them. */
    readonly msPerChange: number;
    readonly hotLimit: number;
  };
}

/** A figure at 1,000 and 10,000 queued divided by the same figure at 100, from the same run. */
export interface Ratios {
  readonly '1000/100': number;
  readonly '10000/100': number;
}

export interface FigureRatios {
  readonly enqueue: Ratios;
  readonly stateUpdate: Ratios;
  readonly indexWrite: Ratios;
}

export interface StorageBenchResult {
  readonly method: string;
  readonly fill: {
    readonly jobs: number;
    readonly ms: number;
    readonly jobsPerSec: number;
    readonly parallelism: number;
    readonly fillerJpegBytes: number;
  };
  readonly measuredCaptureBytes: number;
  readonly sizes: readonly SizeFigures[];
  /** p99 is the goal's figure; p50, less moved by the odd slow disk flush, is shown beside it. */
  readonly p99Ratios: FigureRatios;
  readonly p50Ratios: FigureRatios;
  readonly p99Ratio10kTo100: number;
  readonly startup: {
    readonly queued: number;
    readonly opens: number;
    readonly openMs: readonly number[];
    readonly medianMs: number;
    readonly openReport: OpenReport;
    /** Part of an open, timed apart (not inside the figures above): where start-up time goes. */
    readonly breakdown: { readonly jobsReaddirMs: number };
  };
  readonly goals: typeof STORAGE_GOALS;
  readonly goalsMet: { readonly p99Ratio: boolean; readonly p99RatioAim: boolean; readonly startup: boolean };
}

const METHOD =
  'one run, the three backlogs side by side in rotating rounds; each change timed together with the index ' +
  'write it causes (outbox.flushIndex() after it), not left to the coalescing timer';

function fillerCapture(): CaptureJpegs {
  const small = scaleToLongSide(readFixture('face-astronaut'), FILLER_LONG_SIDE_PX);
  const selfie = encodeJpeg(small);
  // Nine files per job like a real capture, only smaller.
  return { selfie, liveness: Array.from({ length: 8 }, () => encodeJpeg(small)) };
}

function captureBytes(capture: CaptureJpegs): number {
  return capture.selfie.length + capture.liveness.reduce((sum, jpeg) => sum + jpeg.length, 0);
}

interface Backlog {
  readonly size: number;
  readonly dataDir: string;
  readonly options: OutboxOptions;
  outbox: Outbox;
  readonly enqueues: number[];
  readonly updates: number[];
  readonly writes: number[];
}

export async function benchOutboxStorage(): Promise<StorageBenchResult> {
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    kioskId: 'bench-kiosk',
    branch: 'bench-branch',
    // The default budget refuses captures past 5,000 waiting; this bench needs more.
    offlineBudget: { ...DEFAULT_SETTINGS.offlineBudget, maxQueuedJobs: 100_000 },
  };
  const filler = fillerCapture();
  const measured = makeCapture();
  const backlogs: Backlog[] = [];

  try {
    for (const size of SIZES) {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), `kiosk-bench-storage-${size}-`));
      const options: OutboxOptions = {
        dataDir,
        dataKey: generateKey(),
        openIndexFile: openConfFile,
        // Not configured: nothing is sent, every job stays queued.
        connect: async () => null,
        settings: () => settings,
        random: seededRandom(42),
      };
      const outbox = await Outbox.open(options);
      await outbox.start();
      backlogs.push({ size, dataDir, options, outbox, enqueues: [], updates: [], writes: [] });
    }

    let filled = 0;
    const fillStarted = performance.now();
    for (const backlog of backlogs) {
      let queued = 0;
      const worker = async (): Promise<void> => {
        while (queued < backlog.size) {
          const n = queued++;
          await backlog.outbox.enqueue({ ...filler, userId: `filler-${n}`, consentAt: Date.now() });
        }
      };
      await Promise.all(Array.from({ length: FILL_PARALLELISM }, worker));
      backlog.outbox.flushIndex();
      filled += backlog.size;
      console.log(
        `  filled ${backlog.size} queued (${((performance.now() - fillStarted) / 1000).toFixed(1)} s)`,
      );
    }
    const fillMs = performance.now() - fillStarted;

    let opCounter = 0;
    /** One operation on one backlog; timed figures go to the backlog's series when `record`. */
    const operation = async (backlog: Backlog, record: boolean): Promise<void> => {
      const { outbox } = backlog;
      const n = opCounter++;
      const started = performance.now();
      const job = await outbox.enqueue({ ...measured, userId: `measured-${n}`, consentAt: Date.now() });
      const enqueued = performance.now();
      outbox.flushIndex();
      const enqueueWritten = performance.now();
      const updated = await outbox.retry(job.jobId);
      const retried = performance.now();
      outbox.flushIndex();
      const updateWritten = performance.now();
      if (updated.state !== 'queued') throw new Error(`retry left job ${job.jobId} ${updated.state}`);
      // Untimed: back to exactly `size` queued jobs.
      await outbox.discard(job.jobId);
      outbox.flushIndex();
      if (!record) return;
      backlog.enqueues.push(enqueueWritten - started);
      backlog.updates.push(updateWritten - enqueueWritten);
      backlog.writes.push(enqueueWritten - enqueued, updateWritten - retried);
    };

    for (let round = 0; round < WARMUP_ROUNDS + OPS_PER_SIZE; round++) {
      for (let i = 0; i < backlogs.length; i++) {
        await operation(backlogs[(round + i) % backlogs.length]!, round >= WARMUP_ROUNDS);
      }
    }

    for (const backlog of backlogs) await backlog.outbox.stop();
    const sizes: SizeFigures[] = [];
    for (const backlog of backlogs) {
      const indexFiles = await indexFileSizes(backlog.dataDir);
      const openStarted = performance.now();
      const { index } = await JobIndex.open({
        openFile: openConfFile,
        specs: indexFileSpecs(backlog.dataDir, backlog.options.dataKey),
        dataKey: backlog.options.dataKey,
        flushDelayMs: 60_000,
      });
      const indexOpenMs = performance.now() - openStarted;
      const compactionStarted = performance.now();
      index.compact();
      const compactionMs = performance.now() - compactionStarted;
      sizes.push({
        queued: backlog.size,
        ops: backlog.enqueues.length,
        enqueue: percentiles(backlog.enqueues),
        stateUpdate: percentiles(backlog.updates),
        indexWrite: percentiles(backlog.writes),
        indexFiles,
        indexOpenMs: round2(indexOpenMs),
        compaction: {
          ms: round2(compactionMs),
          msPerChange: round3(compactionMs / HOT_LIMIT),
          hotLimit: HOT_LIMIT,
        },
      });
    }
    const ratiosOf = (pick: (size: SizeFigures) => number): Ratios => {
      const [small, middle, large] = sizes.map(pick);
      return { '1000/100': round3(middle! / small!), '10000/100': round3(large! / small!) };
    };
    const figureRatios = (pick: (figure: Percentiles) => number): FigureRatios => ({
      enqueue: ratiosOf((size) => pick(size.enqueue)),
      stateUpdate: ratiosOf((size) => pick(size.stateUpdate)),
      indexWrite: ratiosOf((size) => pick(size.indexWrite)),
    });
    const p99Ratios = figureRatios((figure) => figure.p99);
    const p50Ratios = figureRatios((figure) => figure.p50);

    // Start-up with the largest backlog: each open after the previous outbox stopped.
    const largest = backlogs[backlogs.length - 1]!;
    const openMs: number[] = [];
    let openReport: OpenReport | null = null;
    for (let i = 0; i < STARTUP_OPENS; i++) {
      const started = performance.now();
      largest.outbox = await Outbox.open(largest.options);
      openMs.push(performance.now() - started);
      openReport = largest.outbox.openReport;
      const counts = (await largest.outbox.health()).counts;
      await largest.outbox.stop();
      if (counts.queued !== largest.size) {
        throw new Error(`start-up found ${counts.queued} queued jobs, expected ${largest.size}`);
      }
    }
    const readdirStarted = performance.now();
    await readdir(path.join(largest.dataDir, 'jobs'), { withFileTypes: true });
    const jobsReaddirMs = performance.now() - readdirStarted;

    const p99Ratio = p99Ratios.enqueue['10000/100'];
    const medianMs = round2(median(openMs));
    return {
      method: METHOD,
      fill: {
        jobs: filled,
        ms: round1(fillMs),
        jobsPerSec: round1(filled / (fillMs / 1000)),
        parallelism: FILL_PARALLELISM,
        fillerJpegBytes: captureBytes(filler),
      },
      measuredCaptureBytes: captureBytes(measured),
      sizes,
      p99Ratios,
      p50Ratios,
      p99Ratio10kTo100: p99Ratio,
      startup: {
        queued: largest.size,
        opens: STARTUP_OPENS,
        openMs: openMs.map(round2),
        medianMs,
        openReport: openReport!,
        breakdown: { jobsReaddirMs: round2(jobsReaddirMs) },
      },
      goals: STORAGE_GOALS,
      goalsMet: {
        p99Ratio: p99Ratio <= STORAGE_GOALS.maxP99Ratio10kTo100,
        p99RatioAim: p99Ratio <= STORAGE_GOALS.aimP99Ratio10kTo100,
        startup: medianMs <= STORAGE_GOALS.maxStartupMs,
      },
    };
  } finally {
    for (const backlog of backlogs) await rm(backlog.dataDir, { recursive: true, force: true });
  }
}

async function indexFileSizes(dataDir: string): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const name of (await readdir(dataDir)).sort()) {
    if (name.startsWith('outbox-index')) sizes[name] = (await stat(path.join(dataDir, name))).size;
  }
  return sizes;
}

/** Prints the figures, the ratios and the goals beside them. */
export function printOutboxStorageTable(result: StorageBenchResult): void {
  const ok = (met: boolean): string => (met ? 'met' : 'MISSED');
  console.log(
    `\nOutbox storage: enqueue (${result.measuredCaptureBytes} B capture) and one state update (retry), each ` +
      `with the index write it causes; ${result.sizes[0]?.ops ?? 0} operations per backlog, ${result.method}`,
  );
  const rows: Record<string, Record<string, string | number>> = {};
  for (const size of result.sizes) {
    rows[`${size.queued} queued`] = {
      'enqueue p50 / p99 / max ms': `${size.enqueue.p50} / ${size.enqueue.p99} / ${size.enqueue.max}`,
      'update p50 / p99 / max ms': `${size.stateUpdate.p50} / ${size.stateUpdate.p99} / ${size.stateUpdate.max}`,
      'index write p50 / p99 / max ms': `${size.indexWrite.p50} / ${size.indexWrite.p99} / ${size.indexWrite.max}`,
      'index files KB': Object.entries(size.indexFiles)
        .map(
          ([name, bytes]) =>
            `${name.replace(/^outbox-index-?|\.json$/g, '') || 'one'} ${Math.round(bytes / 1024)}`,
        )
        .join(', '),
      'index open ms': size.indexOpenMs,
      'compaction ms (per change)': `${size.compaction.ms} (${size.compaction.msPerChange})`,
    };
  }
  console.table(rows);
  const ratioRows: Record<string, Record<string, number>> = {};
  for (const [figure, ratios] of Object.entries(result.p99Ratios)) ratioRows[`p99 ${figure}`] = { ...ratios };
  for (const [figure, ratios] of Object.entries(result.p50Ratios)) ratioRows[`p50 ${figure}`] = { ...ratios };
  console.log('Ratios, same run (each figure ÷ the same figure at 100 queued):');
  console.table(ratioRows);
  console.table({
    'enqueue p99(10,000) / p99(100)': {
      value: result.p99Ratio10kTo100,
      goal: `≤ ${result.goals.maxP99Ratio10kTo100}: ${ok(result.goalsMet.p99Ratio)}; aim ≤ ${result.goals.aimP99Ratio10kTo100}: ${ok(result.goalsMet.p99RatioAim)}`,
    },
    [`start-up, ${result.startup.queued} queued (median of ${result.startup.opens} opens)`]: {
      value: `${result.startup.medianMs} ms`,
      goal: `≤ ${result.goals.maxStartupMs} ms: ${ok(result.goalsMet.startup)}`,
    },
  });
  const { openReport, breakdown, openMs } = result.startup;
  console.log(
    `  opens: ${openMs.join(' / ')} ms; openReport: ${JSON.stringify(openReport)}\n` +
      `  apart: readdir of jobs/ ${breakdown.jobsReaddirMs} ms\n` +
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
