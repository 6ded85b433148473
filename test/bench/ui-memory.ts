// Benchmark: does the kiosk page's memory stay bounded over a long day of enrollments? The ui-capture
// section saw the page's renderer grow ~0.23 MB per enrollment; renderer recycling (the page reloads itself
// to home, when idle there, every recycleRendererAfterEnrollments enrollments) is meant to bound that.
//
// Two kiosks run SIDE BY SIDE in one run, so both see the same machine and the same load, and the comparison
// costs no extra time: each is a dev host child (dev-host-child.ts, own data folder, training mode) and its
// own headless Chromium with the same .y4m fake camera as ui-capture, driven through the real screens: home →
// user ID → consent → guided capture → review → submit → result → Done → home.
//   - "recycling": recycleRendererAfterEnrollments = UI_MEMORY_RECYCLE_EVERY (default 50, so ~20 recycles
//     in 1,000 enrollments);
//   - "control": both recycle limits at their maximum, out of reach of the run.
//
// What makes 1,000 affordable, and what it costs in realism:
//   - the two kiosks overlap (one run instead of two);
//   - Done is pressed as soon as the result screen shows, as a customer in a hurry does, instead of waiting
//     for Smile ID's answer: the job still goes through the outbox in the dev host and its state events still
//     reach the page (at home); ~2 s saved per enrollment;
//   - no wait for the camera service to exit before a sample (ui-capture waits ~3 s): only the page's own
//     renderer process is measured here, not the camera service.
//   The guided capture itself is NOT shortened: its pacing (8 liveness frames ≥ 300 ms apart, the smile
//   lead) is a constant of renderer/capture/capture-sequence.ts, not a setting, so it runs as on a kiosk.
//
// Measured, per kiosk, on the page's renderer process (found through the browser's own CDP
// SystemInfo.getProcessInfo: the biggest renderer that is not the browser UI's), VmRSS and its RssAnon part:
//   - after every enrollment, back at home, no forced GC: the peaks;
//   - at fixed points — after 0 (loaded, nothing captured yet), START_AFTER (the start: detector loaded and
//     warm) and every SAMPLE_EVERY enrollments — with garbage collected first (CDP
//     HeapProfiler.collectGarbage), the JS heap in use (CDP Runtime.getHeapUsage) and the whole browser's RSS
//     beside it. A fixed point is taken BEFORE a recycle that is due then (the recycle waits for the home
//     screen's quiet time; a sample takes about a second, and a reload during one is flagged), so for the
//     recycling kiosk the fixed points are the tops of its cycles; a second sample after the recycle shows
//     what the reload gave back.
// Growth per enrollment is the least-squares slope of the fixed points from the start on; the goal is on the
// highest fixed point with recycling against the start.
//
// The renderer must be built (npm run build:renderer); the section checks, as ui-capture does.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { SettingsPatch } from '../../app/settings';
import { DEFAULT_STATIC_DIR } from '../../main/devhost/start';
import { RECYCLE_QUIET_MS } from '../../renderer/store/recycle-policy';
import { openKioskBrowser, type KioskBrowser } from '../e2e/support/browser';
import { makeVideos } from '../e2e/support/y4m';
import { checkRendererBuilt, firstLine, mb, round, runTag } from './bench-helpers';
import { browserMemory, type BrowserMemory, type RendererMemory } from './chromium-processes';
import { DevHostChild } from './dev-host-child';

export const UI_MEMORY_GOALS = {
  /** With recycling, the page renderer's RSS stays within this of its RSS at the start, all run long. */
  maxRssAboveStartMB: 64,
} as const;

const DEFAULT_ENROLLMENTS = 1_000;
const DEFAULT_RECYCLE_EVERY = 50;
/** The start: after this many enrollments the detector is loaded and the page warm. */
const START_AFTER = 10;
const SAMPLE_EVERY = 50;
const SETTLE_AFTER_GC_MS = 500;
const STEP_TIMEOUT_MS = 60_000;
/** A due recycle comes after the home screen's quiet time, then the reload: far less than this. */
const RECYCLE_TIMEOUT_MS = RECYCLE_QUIET_MS + 60_000;
/** This many failures in a row means the kiosk is stuck, not flaky: stop instead of burning an hour. */
const MAX_CONSECUTIVE_FAILURES = 5;
const TMP_DIR = path.resolve(import.meta.dirname, '.tmp');
const RECYCLING_OUT_OF_REACH: SettingsPatch = {
  recycleRendererAfterEnrollments: 10_000,
  recycleRendererAboveHeapMb: 4096,
};
const CAPTURE_READY = '[data-testid=capture-start]:enabled';

type Variant = 'recycling' | 'control';

interface FixedSample {
  afterEnrollments: number;
  /** Enrollments since the page last loaded, when sampled. */
  enrollmentsSinceLoad: number;
  pageRenderer: RendererMemory | null;
  /** The browser UI's renderer and the spare one. */
  otherRenderersRssMB: number;
  browserTotalRssMB: number;
  jsHeapUsedMB: number | null;
  pageLoadsSoFar: number;
  /** The page loaded while it was being sampled: the sample may mix the old page and the new. */
  reloadedWhileSampling: boolean;
  /** The recycle that was due at this point, once done (GC first as well). */
  afterRecycle: {
    pageRendererRssMB: number | null;
    pageRendererAnonMB: number | null;
    jsHeapUsedMB: number | null;
  } | null;
}

interface Reading {
  afterEnrollments: number;
  rssMB: number;
}

interface RssSummary {
  /** At the START_AFTER fixed point. */
  startMB: number | null;
  /** The highest fixed point from the start on (for the recycling kiosk: the tops of its cycles). */
  maxMB: number | null;
  endMB: number | null;
  /** Least-squares slope over the fixed points from the start on. */
  growthPerEnrollmentMB: number | null;
  /** (end − start) / enrollments between them. */
  endMinusStartPerEnrollmentMB: number | null;
  /** The same slope for the renderer's own anonymous memory (RssAnon). */
  anonGrowthPerEnrollmentMB: number | null;
  /** The highest per-enrollment reading from the start on (no forced GC, so higher than the fixed points). */
  peakWithoutGcMB: number | null;
}

export interface UiMemoryKioskRun {
  variant: Variant;
  settings: { recycleRendererAfterEnrollments: number; recycleRendererAboveHeapMb: number };
  enrollments: {
    requested: number;
    completed: number;
    failed: number;
    failures: string[];
    /** Why the run ended before `requested` (the kiosk was stuck), or null. */
    stoppedEarly: string | null;
  };
  recycles: {
    /** Page loads the recycler made (reloads after a failure are not counted). */
    observed: number;
    /** What the setting implies for this run. */
    expected: number;
    atEnrollments: number[];
    /** Loads nobody asked for: a recycle where none was due, or in the control. */
    unexpected: number;
  };
  /** Every pid the page's renderer had: one means the reloads kept the same process. */
  pageRendererPids: number[];
  rss: RssSummary;
  samples: FixedSample[];
  /** The highest per-enrollment reading in each block of SAMPLE_EVERY enrollments (no forced GC). */
  blockPeaks: { upToEnrollment: number; maxRssMB: number }[];
  durationS: number;
  secondsPerEnrollment: number;
}

export interface UiMemoryResult {
  goals: typeof UI_MEMORY_GOALS;
  runs: UiMemoryKioskRun[];
  /** control growth per enrollment ÷ recycling growth per enrollment (null without a control). */
  growthRatioControlToRecycling: number | null;
  loadAverage: { atStart: number; atEnd: number };
  durationS: number;
  goalsMet: { maxRssWithRecycling: boolean };
  notes: string[];
}

// ---------------------------------------------------------------------------------------------------------

export async function benchUiMemory(): Promise<UiMemoryResult> {
  const enrollments = countFromEnv('UI_MEMORY_ENROLLMENTS', DEFAULT_ENROLLMENTS, START_AFTER);
  const recycleEvery = countFromEnv('UI_MEMORY_RECYCLE_EVERY', DEFAULT_RECYCLE_EVERY, 1);
  const controlEnrollments = countFromEnv('UI_MEMORY_CONTROL_ENROLLMENTS', enrollments, 0);
  const loadAtStart = round(os.loadavg()[0] ?? 0, 2);
  await checkRendererBuilt();
  const videos = await makeVideos(TMP_DIR);
  // The recycling kiosk reloads its page all run long: from a private copy of the build, so a rebuild of
  // dist/renderer during the run (by anyone) cannot hand it half a build or a different one.
  const staticDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-bench-memory-renderer-'));
  await cp(DEFAULT_STATIC_DIR, staticDir, { recursive: true });
  const startedAt = performance.now();
  const tag = runTag();
  const runs = await Promise.all([
    runKiosk('recycling', enrollments, recycleEvery, videos.face, staticDir, tag),
    ...(controlEnrollments > 0
      ? [runKiosk('control', controlEnrollments, null, videos.face, staticDir, tag)]
      : []),
  ]).finally(() => rm(staticDir, { recursive: true, force: true }));
  const recycling = runs.find((run) => run.variant === 'recycling')!;
  const control = runs.find((run) => run.variant === 'control');
  const ratio =
    control?.rss.growthPerEnrollmentMB != null &&
    recycling.rss.growthPerEnrollmentMB !== null &&
    recycling.rss.growthPerEnrollmentMB > 0
      ? round(control.rss.growthPerEnrollmentMB / recycling.rss.growthPerEnrollmentMB, 1)
      : null;
  const { startMB, maxMB } = recycling.rss;
  return {
    goals: UI_MEMORY_GOALS,
    runs,
    growthRatioControlToRecycling: ratio,
    loadAverage: { atStart: loadAtStart, atEnd: round(os.loadavg()[0] ?? 0, 2) },
    durationS: round((performance.now() - startedAt) / 1000, 1),
    goalsMet: {
      maxRssWithRecycling:
        recycling.enrollments.stoppedEarly === null &&
        startMB !== null &&
        maxMB !== null &&
        maxMB <= startMB + UI_MEMORY_GOALS.maxRssAboveStartMB,
    },
    notes: [
      'both kiosks ran at the same time, each with its own dev host child and its own Chromium, serving a ' +
        'copy of dist/renderer taken at the start',
      'Done was pressed as soon as the result screen showed; the job went on in the dev host and its events ' +
        'reached the page at home',
      'the guided capture ran at its real pace (a constant of the capture sequence, not a setting)',
      'per-enrollment readings: page renderer VmRSS back at home, no forced GC; fixed points: garbage ' +
        'collected first, before a recycle due at that point (the top of a cycle), and again after it',
    ],
  };
}

export function printUiMemoryTable(result: UiMemoryResult): void {
  const show = (value: number | null, unit = 'MB') => (value === null ? 'n/a' : `${value} ${unit}`);
  const rows: Record<string, Record<string, string>> = {};
  for (const run of result.runs) {
    rows[`${run.variant} (recycle after ${run.settings.recycleRendererAfterEnrollments})`] = {
      enrollments:
        `${run.enrollments.completed}/${run.enrollments.requested}` +
        (run.enrollments.stoppedEarly === null ? '' : ' (stopped early)'),
      'RSS start': show(run.rss.startMB),
      'RSS max': show(run.rss.maxMB),
      'RSS end': show(run.rss.endMB),
      'peak, no GC': show(run.rss.peakWithoutGcMB),
      'growth/enrollment': show(run.rss.growthPerEnrollmentMB),
      '(end−start)/enrollment': show(run.rss.endMinusStartPerEnrollmentMB),
      'anon growth/enrollment': show(run.rss.anonGrowthPerEnrollmentMB),
      recycles: `${run.recycles.observed} (expected ${run.recycles.expected}, unexpected ${run.recycles.unexpected})`,
      'renderer pids': run.pageRendererPids.join(' '),
      's/enrollment': String(run.secondsPerEnrollment),
    };
  }
  console.log(
    `\nPage renderer RSS (VmRSS of the kiosk page's renderer process) over consecutive enrollments, the two ` +
      `kiosks side by side; start = after ${START_AFTER} enrollments, growth = least-squares slope of the ` +
      `fixed points (every ${SAMPLE_EVERY}, GC first) from the start on`,
  );
  console.table(rows);
  const recycling = result.runs.find((run) => run.variant === 'recycling');
  if (recycling) {
    const { startMB, maxMB } = recycling.rss;
    console.log(
      `  goal: with recycling, max RSS ≤ start + ${result.goals.maxRssAboveStartMB} MB ` +
        `(${show(maxMB)} vs ${show(startMB === null ? null : round(startMB + result.goals.maxRssAboveStartMB, 1))}): ` +
        (result.goalsMet.maxRssWithRecycling ? 'met' : 'MISSED'),
    );
  }
  if (result.growthRatioControlToRecycling !== null) {
    console.log(`  growth per enrollment, control ÷ recycling: ${result.growthRatioControlToRecycling}×`);
  }
  const sampleRows: Record<string, Record<string, string>> = {};
  for (const run of result.runs) {
    for (const sample of run.samples) {
      const row = (sampleRows[`after ${sample.afterEnrollments}`] ??= {});
      row[`${run.variant} renderer (anon)`] =
        `${show(sample.pageRenderer?.rssMB ?? null)} (${show(sample.pageRenderer?.anonMB ?? null)})` +
        (sample.reloadedWhileSampling ? ' reloaded while sampled' : '');
      row[`${run.variant} JS heap`] = show(sample.jsHeapUsedMB);
      row[`${run.variant} since load`] = String(sample.enrollmentsSinceLoad);
      if (sample.afterRecycle) {
        row[`${run.variant} after recycle`] =
          `${show(sample.afterRecycle.pageRendererRssMB)} (${show(sample.afterRecycle.pageRendererAnonMB)})`;
      }
    }
  }
  console.log('  fixed points (GC first):');
  console.table(sampleRows);
  for (const run of result.runs) {
    if (run.enrollments.failures.length > 0) {
      console.log(`  ${run.variant} failures:\n    ${run.enrollments.failures.join('\n    ')}`);
    }
    if (run.enrollments.stoppedEarly !== null) {
      console.log(`  ${run.variant} stopped early: ${run.enrollments.stoppedEarly}`);
    }
  }
  console.log(
    `  ${result.durationS} s in all; 1-min load average ${result.loadAverage.atStart} at the start, ` +
      `${result.loadAverage.atEnd} at the end (${os.cpus().length} CPUs)`,
  );
  for (const note of result.notes) console.log(`  note: ${note}`);
}

// ---------------------------------------------------------------------------------------------------------
// One kiosk's run

/** The page's loads, so the run can tell a recycle (or an unexpected reload) and wait for one. */
class LoadWatch {
  count = 0;
  private waiters: (() => void)[] = [];

  constructor(page: Page) {
    page.on('load', () => {
      this.count += 1;
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  async waitBeyond(count: number, timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (this.count <= count) {
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`the page did not reload within ${timeoutMs / 1000} s`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

async function runKiosk(
  variant: Variant,
  requested: number,
  recycleEvery: number | null,
  video: string,
  staticDir: string,
  tag: string,
): Promise<UiMemoryKioskRun> {
  const settings =
    recycleEvery === null
      ? RECYCLING_OUT_OF_REACH
      : { ...RECYCLING_OUT_OF_REACH, recycleRendererAfterEnrollments: recycleEvery };
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `kiosk-bench-memory-${variant}-`));
  let host: DevHostChild | null = null;
  let ui: KioskBrowser | null = null;
  try {
    host = await DevHostChild.start(dataDir, { settings, staticDir });
    ui = await openKioskBrowser(host.openUrl, video);
    const { page } = ui;
    await page.getByTestId('new-enrollment').waitFor({ timeout: STEP_TIMEOUT_MS });
    const browserCdp = await ui.browser.newBrowserCDPSession();
    const pageCdp = await page.context().newCDPSession(page);
    const loads = new LoadWatch(page);
    const openUrl = host.openUrl;

    const samples: FixedSample[] = [];
    const readings: Reading[] = [];
    const pids = new Set<number>();
    const failures: string[] = [];
    const recycleAt: number[] = [];
    let recoveryLoads = 0;
    let completed = 0;
    let consecutiveFailures = 0;
    let sinceLoad = 0;
    // A stuck kiosk ends its own run, not the other kiosk's: what was measured so far is still reported.
    let stoppedEarly: string | null = null;
    const remember = (renderer: RendererMemory | null) => {
      if (renderer) pids.add(renderer.pid);
    };

    samples.push(await fixedSample(0, 0, browserCdp, pageCdp, loads));
    const startedAt = performance.now();
    let blockStartedAt = startedAt;
    for (let index = 1; index <= requested; index++) {
      const userId = `UIM-${variant === 'recycling' ? 'R' : 'C'}-${tag}-${String(index).padStart(4, '0')}`;
      const loadsBefore = loads.count;
      const atFixedPoint = index === START_AFTER || index % SAMPLE_EVERY === 0 || index === requested;
      try {
        await enrollOnce(page, userId);
        completed += 1;
        consecutiveFailures = 0;
        sinceLoad += 1;
        const { pageRenderer } = await browserMemory(browserCdp);
        remember(pageRenderer);
        if (pageRenderer) readings.push({ afterEnrollments: index, rssMB: pageRenderer.rssMB });
        // Fixed points are taken BEFORE a due recycle, so for the recycling kiosk they are the top of its
        // cycle: the recycle waits for the home screen's quiet time, and a sample takes about a second.
        const fixed = atFixedPoint ? await fixedSample(index, sinceLoad, browserCdp, pageCdp, loads) : null;
        if (fixed) {
          remember(fixed.pageRenderer);
          samples.push(fixed);
        }
        if (recycleEvery !== null && sinceLoad >= recycleEvery) {
          await loads.waitBeyond(loadsBefore, RECYCLE_TIMEOUT_MS);
          await page.getByTestId('new-enrollment').waitFor({ timeout: STEP_TIMEOUT_MS });
          recycleAt.push(index);
          sinceLoad = 0;
          if (fixed) {
            const after = await fixedSample(index, 0, browserCdp, pageCdp, loads);
            remember(after.pageRenderer);
            fixed.afterRecycle = {
              pageRendererRssMB: after.pageRenderer?.rssMB ?? null,
              pageRendererAnonMB: after.pageRenderer?.anonMB ?? null,
              jsHeapUsedMB: after.jsHeapUsedMB,
            };
          }
        }
        if (fixed && (index % SAMPLE_EVERY === 0 || index === requested)) {
          const done = index % SAMPLE_EVERY === 0 ? SAMPLE_EVERY : index % SAMPLE_EVERY;
          console.log(
            `  [${variant}] ${index}/${requested}: page renderer ${fixed.pageRenderer?.rssMB ?? '?'} MB ` +
              `(anon ${fixed.pageRenderer?.anonMB ?? '?'} MB, pid ${fixed.pageRenderer?.pid ?? '?'}, ` +
              `${fixed.enrollmentsSinceLoad} since load), JS heap ${fixed.jsHeapUsedMB ?? '?'} MB, ` +
              `browser ${fixed.browserTotalRssMB} MB, recycles ${recycleAt.length}` +
              (fixed.afterRecycle ? ` (after this one: ${fixed.afterRecycle.pageRendererRssMB} MB)` : '') +
              `, ${round((performance.now() - blockStartedAt) / 1000 / done, 2)} s/enrollment`,
          );
          blockStartedAt = performance.now();
        }
      } catch (error) {
        failures.push(`#${index} ${userId}: ${firstLine(error)}`);
        consecutiveFailures += 1;
        const loadsBeforeRecovery = loads.count;
        try {
          await recover(page, openUrl);
        } catch (stuck) {
          stoppedEarly = firstLine(stuck);
          break;
        }
        recoveryLoads += loads.count - loadsBeforeRecovery;
        sinceLoad = 0;
      }
      if (consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
        stoppedEarly = `${consecutiveFailures} enrollments failed in a row; last: ${failures.at(-1)}`;
        break;
      }
    }
    if (stoppedEarly !== null) console.error(`  [${variant}] stopped early: ${stoppedEarly}`);
    const durationS = round((performance.now() - startedAt) / 1000, 1);
    // Every load is a recycle the run waited for, a reload after a failure, or one nobody asked for.
    const unexpected = loads.count - recoveryLoads - recycleAt.length;
    return {
      variant,
      settings: {
        recycleRendererAfterEnrollments: settings.recycleRendererAfterEnrollments ?? 0,
        recycleRendererAboveHeapMb: settings.recycleRendererAboveHeapMb ?? 0,
      },
      enrollments: {
        requested,
        completed,
        failed: failures.length,
        failures: failures.slice(0, 20),
        stoppedEarly,
      },
      recycles: {
        observed: recycleAt.length,
        expected: recycleEvery === null ? 0 : Math.floor(completed / recycleEvery),
        atEnrollments: recycleAt,
        unexpected,
      },
      pageRendererPids: [...pids],
      rss: summarise(samples, readings),
      samples,
      blockPeaks: blockPeaks(readings),
      durationS,
      secondsPerEnrollment: round(durationS / Math.max(1, completed + failures.length), 2),
    };
  } finally {
    await ui?.close().catch((error: unknown) => console.error(`closing Chromium: ${firstLine(error)}`));
    await host?.close().catch((error: unknown) => console.error(`closing the dev host: ${firstLine(error)}`));
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Home → user ID → consent → guided capture → review → submit → result → Done → home. */
async function enrollOnce(page: Page, userId: string): Promise<void> {
  await page.getByTestId('new-enrollment').click();
  await page.getByTestId('user-id-input').fill(userId);
  await page.getByTestId('user-id-submit').click();
  await page.getByTestId('consent-accept').click();
  await page.locator(CAPTURE_READY).waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.getByTestId('capture-start').click();
  await page.getByTestId('review-submit').click({ timeout: STEP_TIMEOUT_MS });
  await page.getByTestId('result-status').waitFor({ timeout: STEP_TIMEOUT_MS });
  if ((await page.getByTestId('result-status').getAttribute('data-state')) === 'error') {
    throw new Error('the submit was refused');
  }
  await page.getByTestId('result-done').click();
  await page.getByTestId('new-enrollment').waitFor({ timeout: STEP_TIMEOUT_MS });
}

/** After a failure: load the app again (same host, same token) and start again from home. */
async function recover(page: Page, openUrl: string): Promise<void> {
  try {
    await page.goto(openUrl);
    await page.getByTestId('new-enrollment').waitFor({ timeout: STEP_TIMEOUT_MS });
  } catch (error) {
    throw new Error(`could not bring the kiosk back home after a failure: ${firstLine(error)}`, {
      cause: error,
    });
  }
}

async function fixedSample(
  afterEnrollments: number,
  enrollmentsSinceLoad: number,
  browserCdp: CDPSession,
  pageCdp: CDPSession,
  loads: LoadWatch,
): Promise<FixedSample> {
  const loadsBefore = loads.count;
  await pageCdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_AFTER_GC_MS));
  const memory: BrowserMemory = await browserMemory(browserCdp);
  const heap = await pageCdp.send('Runtime.getHeapUsage').catch(() => null);
  return {
    afterEnrollments,
    enrollmentsSinceLoad,
    pageRenderer: memory.pageRenderer,
    otherRenderersRssMB: memory.otherRenderersRssMB,
    browserTotalRssMB: memory.totalRssMB,
    jsHeapUsedMB: heap ? mb(heap.usedSize) : null,
    pageLoadsSoFar: loads.count,
    reloadedWhileSampling: loads.count !== loadsBefore,
    afterRecycle: null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Figures

function summarise(samples: readonly FixedSample[], readings: readonly Reading[]): RssSummary {
  const fromStart = samples.filter(
    (sample): sample is FixedSample & { pageRenderer: RendererMemory } =>
      sample.afterEnrollments >= START_AFTER && sample.pageRenderer !== null,
  );
  const start = fromStart[0];
  const end = fromStart.at(-1);
  const rss = fromStart.map((sample) => sample.pageRenderer.rssMB);
  const peaks = readings.filter((reading) => reading.afterEnrollments >= START_AFTER).map((r) => r.rssMB);
  const slopeOf = (pick: (sample: (typeof fromStart)[number]) => number) => {
    const slope = leastSquaresSlope(fromStart.map((sample) => [sample.afterEnrollments, pick(sample)]));
    return slope === null ? null : round(slope, 3);
  };
  return {
    startMB: start?.pageRenderer.rssMB ?? null,
    maxMB: rss.length > 0 ? Math.max(...rss) : null,
    endMB: end?.pageRenderer.rssMB ?? null,
    growthPerEnrollmentMB: slopeOf((sample) => sample.pageRenderer.rssMB),
    endMinusStartPerEnrollmentMB:
      start && end && end.afterEnrollments > start.afterEnrollments
        ? round(
            (end.pageRenderer.rssMB - start.pageRenderer.rssMB) /
              (end.afterEnrollments - start.afterEnrollments),
            3,
          )
        : null,
    anonGrowthPerEnrollmentMB: slopeOf((sample) => sample.pageRenderer.anonMB),
    peakWithoutGcMB: peaks.length > 0 ? Math.max(...peaks) : null,
  };
}

function leastSquaresSlope(points: readonly (readonly [number, number])[]): number | null {
  if (points.length < 2) return null;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / points.length;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const [x, y] of points) {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  }
  return variance === 0 ? null : covariance / variance;
}

function blockPeaks(readings: readonly Reading[]): { upToEnrollment: number; maxRssMB: number }[] {
  const peaks = new Map<number, number>();
  for (const { afterEnrollments, rssMB } of readings) {
    const block = Math.ceil(afterEnrollments / SAMPLE_EVERY) * SAMPLE_EVERY;
    peaks.set(block, Math.max(peaks.get(block) ?? 0, rssMB));
  }
  return [...peaks].map(([upToEnrollment, maxRssMB]) => ({ upToEnrollment, maxRssMB }));
}

function countFromEnv(name: string, fallback: number, least: number): number {
  const raw = process.env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < least) {
    throw new Error(`${name} must be a whole number ≥ ${least}, not "${raw}"`);
  }
  return value;
}
