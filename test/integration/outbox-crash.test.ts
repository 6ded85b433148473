// The outbox in a child process, SIGKILLed at random moments 50 times and restarted over the same data folder
// (issue: "nothing lost, nothing duplicated"). Each run enqueues a few captures and prints an ACK line once
// enqueue() resolved — the moment the kiosk tells the customer "saved". A last run drains the queue. Then:
// every acknowledged capture is on disk and approved, and the simulator holds exactly one job per job folder.
//
// Kills land before the outbox opened, while it reconciles the folder, between enqueue writes, mid-request
// (light faults and latency widen those windows) and mid-poll: 20 % of the delays count from the spawn,
// the others from the child's STARTED line, so the spread does not depend on how fast tsx starts here.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../app/settings';
import { Outbox, type OpenReport } from '../../main/outbox/outbox';
import { startSimulator, type RunningSimulator } from '../../main/smileid/simulator/server';
import { openConfFile } from '../../main/storage/conf-files';
import { encodeJpeg, readFixture, scaleToLongSide } from '../support/fixture-images';
import { API_KEY, PARTNER_ID, seededRandom } from '../support/outbox-harness';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CHILD_SCRIPT = path.join(ROOT, 'test/support/outbox-child.ts');
const SEED = 20260317;
const RUNS = 50;
const JOBS_PER_RUN = 3;
const USER_PREFIX = 'CRASH';
// A fixed per-install key: a failed run's data folder can be opened again by hand.
const DATA_KEY = '6f7574626f782d63726173682d746573742d6b65792d303132333435363738ab';
// Light faults, so that some kills land while a request is being retried or its answer is lost; latency and
// a processing delay keep requests and job_status polls in flight long enough to be hit.
const SIMULATOR_BEHAVIOUR = { dropResponse: 0.05, reset: 0.02, latencyMs: 10, processingDelayMs: 40 };
// Delay before the kill: from the spawn (start-up, opening, reconciling) or from STARTED (enqueue, sending).
const FROM_SPAWN = { share: 0.2, minMs: 100, maxMs: 1_500 };
const FROM_STARTED = { minMs: 0, maxMs: 700 };
const DRAIN_GUARD_MS = 60_000;

type Phase = 'starting' | 'enqueuing' | 'sending' | 'idle';
const IN_FLIGHT = new Set(['preparing', 'uploading', 'awaiting_result']);

const live = new Set<ChildRun>();

/** One child process running the outbox, its stdout split into lines. */
class ChildRun {
  readonly lines: string[] = [];
  stderr = '';
  ended = false;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcessByStdio<null, Readable, Readable>;

  constructor(env: Record<string, string>) {
    // `node --import tsx`, not node_modules/.bin/tsx: the tsx CLI runs the script in a grandchild, which a
    // SIGKILL of the CLI leaves running (and still writing to the data folder). Detached, so that the kill
    // can take the whole process group.
    this.child = spawn(process.execPath, ['--import', 'tsx', CHILD_SCRIPT], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    live.add(this);
    let partial = '';
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop()!;
      this.lines.push(...parts);
    });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    this.exit = new Promise((resolve) => {
      this.child.once('error', (error) => {
        this.stderr += `spawn error: ${String(error)}\n`;
        this.ended = true;
        live.delete(this);
        resolve({ code: null, signal: null });
      });
      // 'close', not 'exit': every line the child wrote has been read by then.
      this.child.once('close', (code, signal) => {
        this.ended = true;
        live.delete(this);
        resolve({ code, signal });
      });
    });
  }

  has(prefix: string): boolean {
    return this.lines.some((line) => line.startsWith(prefix));
  }

  /** Waits for a line starting with `prefix`; gives up when the child ends or after `timeoutMs`. */
  async waitForLine(prefix: string, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.has(prefix)) {
      if (this.ended || Date.now() > deadline) return false;
      await sleep(5);
    }
    return true;
  }

  kill(): void {
    if (this.ended || this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, 'SIGKILL');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }

  /** Where the kill found the child, from what it printed. */
  phase(): Phase {
    if (!this.has('STARTED')) return 'starting';
    if (!this.has('ENQUEUED')) return 'enqueuing';
    return this.has('IDLE') ? 'idle' : 'sending';
  }

  /** Jobs whose last event in this run was an in-flight state: attempts the kill cut short. */
  attemptsCutShort(): number {
    const last = new Map<string, string>();
    for (const line of this.lines) {
      const [kind, jobId, state] = line.split(' ');
      if (kind === 'STATE') last.set(jobId!, state!);
    }
    return [...last.values()].filter((state) => IN_FLIGHT.has(state)).length;
  }

  acks(): { jobId: string; userId: string }[] {
    return this.lines
      .filter((line) => line.startsWith('ACK '))
      .map((line) => {
        const [, jobId, userId] = line.split(' ');
        return { jobId: jobId!, userId: userId! };
      });
  }

  openReport(): OpenReport | null {
    const line = this.lines.find((l) => l.startsWith('OPEN '));
    return line ? (JSON.parse(line.slice('OPEN '.length)) as OpenReport) : null;
  }

  describe(): string {
    return `stdout:\n${this.lines.join('\n')}\nstderr:\n${this.stderr}`;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

let sim: RunningSimulator;
let workDir: string;
let dataDir: string;
let imagesDir: string;
let passed = false;

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    partnerId: PARTNER_ID,
    apiKey: API_KEY,
    seed: SEED,
    ...SIMULATOR_BEHAVIOUR,
  });
  workDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-outbox-crash-'));
  dataDir = path.join(workDir, 'data');
  imagesDir = path.join(workDir, 'images');
  await mkdir(dataDir);
  await mkdir(imagesDir);
  // Small real JPEGs, encoded once here rather than in each of the 51 children.
  const source = scaleToLongSide(readFixture('face-astronaut'), 96);
  await writeFile(path.join(imagesDir, 'selfie.jpg'), encodeJpeg(source));
  const frame = encodeJpeg(scaleToLongSide(source, 48));
  for (let n = 1; n <= 8; n++) await writeFile(path.join(imagesDir, `liveness-${n}.jpg`), frame);
});

afterAll(async () => {
  for (const child of [...live]) child.kill();
  await Promise.all([...live].map((child) => child.exit));
  await sim.close();
  if (passed) await rm(workDir, { recursive: true, force: true });
  else console.log(`outbox crash test: data kept in ${workDir}`);
});

describe('outbox in a child process killed with SIGKILL', () => {
  // ~90 s on an idle 2-core machine; the limit is generous because a loaded one takes several times longer.
  it(`loses and duplicates nothing over ${RUNS} kills and restarts`, { timeout: 600_000 }, async () => {
    console.log(
      `outbox crash test: seed ${SEED}, ${RUNS} runs of ${JOBS_PER_RUN} captures, simulator ${JSON.stringify(SIMULATOR_BEHAVIOUR)}`,
    );
    const startedAt = Date.now();
    const random = seededRandom(SEED);
    const between = (min: number, max: number) => Math.round(min + random() * (max - min));
    const childEnv = (run: number, extra: Record<string, string>): Record<string, string> => ({
      OUTBOX_DATA_DIR: dataDir,
      OUTBOX_DATA_KEY: DATA_KEY,
      OUTBOX_API_URL: sim.apiUrl,
      OUTBOX_PARTNER_ID: PARTNER_ID,
      OUTBOX_API_KEY: API_KEY,
      OUTBOX_RUN: String(run),
      ...extra,
    });

    const acked = new Map<string, string>(); // jobId → userId
    const phases: Record<Phase, number> = { starting: 0, enqueuing: 0, sending: 0, idle: 0 };
    let attemptsCutShort = 0;
    let reindexedOrphans = 0;
    for (let run = 0; run < RUNS; run++) {
      const fromSpawn = random() < FROM_SPAWN.share;
      const delayMs = fromSpawn
        ? between(FROM_SPAWN.minMs, FROM_SPAWN.maxMs)
        : between(FROM_STARTED.minMs, FROM_STARTED.maxMs);
      const child = new ChildRun(
        childEnv(run, {
          OUTBOX_MODE: 'enqueue',
          OUTBOX_JOBS: String(JOBS_PER_RUN),
          OUTBOX_USER_PREFIX: USER_PREFIX,
          OUTBOX_IMAGES_DIR: imagesDir,
        }),
      );
      try {
        if (!fromSpawn) await child.waitForLine('STARTED', 30_000);
        await sleep(delayMs);
      } finally {
        child.kill();
      }
      const exit = await child.exit;
      // Ended by the kill, not by itself (a crash of its own would be a bug, or a broken test set-up).
      expect(exit.signal, `run ${run} was not ended by SIGKILL\n${child.describe()}`).toBe('SIGKILL');

      for (const { jobId, userId } of child.acks()) {
        expect(acked.has(jobId), `job ${jobId} acknowledged twice`).toBe(false);
        acked.set(jobId, userId);
      }
      const report = child.openReport();
      if (report) {
        // A SIGKILL never leaves a half-written job folder, record or index behind.
        expect(report, `run ${run} opened a damaged data folder\n${child.describe()}`).toMatchObject({
          setAsidePath: null,
          invalidRecords: 0,
          missingFolders: 0,
          unreadableFolders: 0,
        });
        reindexedOrphans += report.reindexedOrphans;
      }
      phases[child.phase()]++;
      attemptsCutShort += child.attemptsCutShort();
    }
    const killsDoneAt = Date.now();

    const drain = new ChildRun(
      childEnv(RUNS, { OUTBOX_MODE: 'drain', OUTBOX_DRAIN_TIMEOUT_MS: String(DRAIN_GUARD_MS) }),
    );
    let guard: NodeJS.Timeout | undefined;
    const drainExit = await Promise.race([
      drain.exit,
      new Promise<null>((resolve) => (guard = setTimeout(() => resolve(null), DRAIN_GUARD_MS + 15_000))),
    ]);
    clearTimeout(guard);
    if (drainExit === null) drain.kill();
    expect(drainExit, `the drain run did not end\n${drain.describe()}`).not.toBeNull();
    expect(drainExit!.code, `the drain run failed\n${drain.describe()}`).toBe(0);
    expect(drain.has('DRAINED '), drain.describe()).toBe(true);
    expect(drain.openReport()).toMatchObject({
      setAsidePath: null,
      invalidRecords: 0,
      missingFolders: 0,
      unreadableFolders: 0,
    });
    const drainedAt = Date.now();

    // The data folder as the next start of the kiosk would find it.
    const settings: Settings = { ...DEFAULT_SETTINGS, environment: 'custom', partnerId: PARTNER_ID };
    const outbox = await Outbox.open({
      dataDir,
      dataKey: Buffer.from(DATA_KEY, 'hex'),
      openIndexFile: openConfFile,
      connect: async () => null,
      settings: () => settings,
    });
    const finalJobs = outbox.snapshot();
    const openReport = outbox.openReport;
    await outbox.stop();
    expect(openReport).toEqual({
      setAsidePath: null,
      invalidRecords: 0,
      reindexedOrphans: 0,
      missingFolders: 0,
      unreadableFolders: 0,
    });

    // Nothing lost: every acknowledged capture is there, under its user id, and approved.
    const finalById = new Map(finalJobs.map((job) => [job.jobId, job]));
    for (const [jobId, userId] of acked) {
      const job = finalById.get(jobId);
      expect(job, `acknowledged job ${jobId} (${userId}) is missing`).toBeDefined();
      expect(job!.userId).toBe(userId);
      expect(job!.state).toBe('approved');
    }
    // Only captures of this test, each once (a folder created but not yet acknowledged when the kill came
    // is a capture too: it must be sent like any other).
    expect(finalJobs.every((job) => job.state === 'approved')).toBe(true);
    expect(new Set(finalJobs.map((job) => job.userId)).size).toBe(finalJobs.length);
    for (const job of finalJobs) expect(job.userId).toMatch(new RegExp(`^${USER_PREFIX}-\\d{3}-\\d$`));

    // On disk: one folder per job, no temporary job folder left, and no image kept after approval. A kill in
    // the middle of replacing record.bin (or the index file) leaves atomically's temporary file behind: harmless
    // (the rename never happened), counted for the summary.
    const isWriteLeftover = (file: string) => /\.tmp-[0-9a-f]+$/.test(file);
    const folders = (await readdir(path.join(dataDir, 'jobs'))).sort();
    expect(folders).toEqual([...finalById.keys()].sort());
    let writeLeftovers = (await readdir(dataDir)).filter(isWriteLeftover).length;
    for (const folder of folders) {
      const files = await readdir(path.join(dataDir, 'jobs', folder));
      writeLeftovers += files.filter(isWriteLeftover).length;
      expect(files.filter((file) => !isWriteLeftover(file)).sort(), `job ${folder}`).toEqual([
        'manifest.bin',
        'record.bin',
      ]);
    }

    // Nothing duplicated: Smile ID holds exactly one job per job on disk, one per user id, each processed.
    const simJobs = sim.jobs();
    const simIds = new Set(simJobs.map((job) => job.jobId));
    for (const job of simJobs) expect(finalById.has(job.jobId), `unknown job ${job.jobId}`).toBe(true);
    for (const jobId of acked.keys())
      expect(simIds.has(jobId), `job ${jobId} never reached Smile ID`).toBe(true);
    expect(simIds.size).toBe(simJobs.length);
    expect(simJobs).toHaveLength(finalJobs.length);
    expect(new Set(simJobs.map((job) => job.userId)).size).toBe(simJobs.length);
    for (const job of simJobs) {
      expect(job.state, `simulator job ${job.jobId}`).toBe('complete');
      expect(job.result?.resultCode, `simulator job ${job.jobId}`).toBe('0840');
      expect(job.acceptedZips).toBeGreaterThanOrEqual(1);
      expect(job.images).toHaveLength(9);
    }

    const summary = {
      acked: acked.size,
      onDisk: finalJobs.length,
      enqueuedButNotAcked: finalJobs.length - acked.size,
      simulatorJobs: simJobs.length,
      prepUploads: simJobs.reduce((sum, job) => sum + job.prepUploads, 0),
      prepUploadRetries: simJobs.reduce((sum, job) => sum + job.prepUploadRetries, 0),
      puts: simJobs.reduce((sum, job) => sum + job.puts, 0),
      jobsWithMoreThanOnePut: simJobs.filter((job) => job.puts > 1).length,
      jobsWithMoreThanOneAcceptedZip: simJobs.filter((job) => job.acceptedZips > 1).length,
      killPhases: phases,
      attemptsCutShort,
      reindexedOrphans,
      writeLeftovers,
      drained: drain.lines.find((line) => line.startsWith('DRAINED ')),
    };
    console.log(`outbox crash test: ${JSON.stringify(summary)}`);
    console.log(
      `outbox crash test: ${RUNS} kills in ${killsDoneAt - startedAt} ms, drain in ${drainedAt - killsDoneAt} ms`,
    );
    passed = true;
  });
});
