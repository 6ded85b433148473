// `npm run bench [-- section ...]`: runs the benchmark sections (all, or the ones named), prints each one's
// table and merges their results into test/bench/results.json, keeping the sections that were not run.
// A new benchmark is one more entry in SECTIONS: a name (its key in results.json) and a function that
// prints its own table and returns a JSON-able object.
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { benchDetection, printDetectionTable } from './detection';
import { benchOutboxDrain, printOutboxDrainTable } from './outbox-drain';
import { benchOutboxStorage, printOutboxStorageTable } from './outbox-storage';
import { benchSmileIdUpload, printSmileIdUploadTable } from './smileid-upload';
import { benchUiCapture, printUiCaptureTable } from './ui-capture';
import { benchUiMemory, printUiMemoryTable } from './ui-memory';

export interface BenchSection {
  /** The key of this section in results.json. */
  readonly name: string;
  readonly description: string;
  /** Runs the benchmark, prints its table, returns what results.json keeps. */
  readonly run: () => Promise<unknown>;
}

export const SECTIONS: readonly BenchSection[] = [
  {
    name: 'smileIdUpload',
    description: 'bytes PUT and client CPU per enrollment, ours vs smile-identity-core',
    run: async () => {
      const result = await benchSmileIdUpload();
      printSmileIdUploadTable(result);
      return result;
    },
  },
  {
    name: 'outbox-drain',
    description:
      'drain of 100 queued enrollments at 1 Mbit/s + 300 ms vs the link limit and the official SDK loop',
    run: async () => {
      const result = await benchOutboxDrain();
      printOutboxDrainTable(result);
      return result;
    },
  },
  {
    name: 'outbox-storage',
    description:
      'enqueue and state update, each with its index write, at 100 / 1,000 / 10,000 queued jobs side by ' +
      'side (ratios), start-up with 10,000',
    run: async () => {
      const result = await benchOutboxStorage();
      printOutboxStorageTable(result);
      return result;
    },
  },
  {
    name: 'ui-capture',
    description:
      'headless Chromium UI: selfie shutter → review, guidance loop rate, dev host + Chromium RSS ' +
      'after 10 vs 300 enrollments (UI_BENCH_ENROLLMENTS)',
    run: async () => {
      const result = await benchUiCapture();
      printUiCaptureTable(result);
      return result;
    },
  },
  {
    name: 'detection',
    description:
      'headless Chromium, wasm: face recall by size (10–70 % of the frame width), position and camera size ' +
      '(640×480 / 1280×720 / 1920×1080), false faces on no-face scenes, detections/s and guidance frames/s; ' +
      'judged on held-out fixtures and seed, tuning set beside',
    run: async () => {
      const result = await benchDetection();
      printDetectionTable(result);
      return result;
    },
  },
  {
    name: 'ui-memory',
    description:
      'headless Chromium UI: page renderer RSS over 1,000 enrollments (UI_MEMORY_ENROLLMENTS) with renderer ' +
      'recycling every 50 (UI_MEMORY_RECYCLE_EVERY) beside a kiosk without it (UI_MEMORY_CONTROL_ENROLLMENTS)',
    run: async () => {
      const result = await benchUiMemory();
      printUiMemoryTable(result);
      return result;
    },
  },
];

const RESULTS_FILE = path.join(import.meta.dirname, 'results.json');

async function readPrevious(): Promise<Record<string, unknown>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(RESULTS_FILE, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !SECTIONS.some((section) => section.name === name));
  if (unknown.length > 0) {
    console.error(
      `Unknown bench section(s): ${unknown.join(', ')}. Known: ${SECTIONS.map((s) => s.name).join(', ')}`,
    );
    process.exitCode = 2;
    return;
  }
  const selected = wanted.length === 0 ? SECTIONS : SECTIONS.filter((s) => wanted.includes(s.name));

  const results: Record<string, unknown> = {};
  for (const section of selected) {
    console.log(`\n▶ ${section.name}: ${section.description}`);
    const startedAt = performance.now();
    results[section.name] = await section.run();
    console.log(`  (${((performance.now() - startedAt) / 1000).toFixed(1)} s)`);
  }

  const cpus = os.cpus();
  const merged = {
    ...(await readPrevious()),
    generatedAt: new Date().toISOString(),
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? 'unknown',
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    },
    ...results,
  };
  await writeFile(RESULTS_FILE, `${JSON.stringify(merged, null, 2)}\n`);
  console.log(`\nWrote ${path.relative(process.cwd(), RESULTS_FILE)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
