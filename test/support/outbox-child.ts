// A kiosk main process reduced to its outbox, run as a child process by test/integration/outbox-crash.test.ts
// so that the test can SIGKILL it at any moment and start it again over the same data folder.
//
// Run with `node --import tsx test/support/outbox-child.ts` (not the tsx CLI: that one runs the script in a
// grandchild, which a SIGKILL of the CLI leaves running). Inputs, all from the environment:
//   OUTBOX_DATA_DIR, OUTBOX_DATA_KEY (hex), OUTBOX_API_URL, OUTBOX_PARTNER_ID, OUTBOX_API_KEY
//   OUTBOX_MODE        'enqueue' (default) or 'drain'
//   OUTBOX_RUN         the run number (seeds the outbox's jitter, names the user ids)
//   OUTBOX_JOBS        enqueue mode: how many captures to enqueue this run
//   OUTBOX_USER_PREFIX enqueue mode: user ids are `<prefix>-<run>-<n>`, unique over the whole test
//   OUTBOX_IMAGES_DIR  enqueue mode, optional: selfie.jpg and liveness-1..8.jpg to enqueue (saves the ~0.2 s
//                      of encoding them from the PNG fixture in every run)
//   OUTBOX_DRAIN_TIMEOUT_MS  drain mode: give up (exit 1) after this long; default 120 s
// Output, one line per fact on stdout, written synchronously so that a line printed is a line the parent gets
// even if the next instruction is never run:
//   OPEN <openReport as JSON>     the outbox opened (and reconciled the data folder)
//   STARTED                       the scheduler runs
//   ACK <jobId> <userId>          enqueue() resolved: the capture is durable, the kiosk may say "saved"
//   STATE <jobId> <state>         a job event
//   ENQUEUED <n>                  enqueue mode: every capture of this run is acknowledged; then runs until killed
//   IDLE                          enqueue mode: after ENQUEUED, every job on disk is approved or otherwise final
//   DRAINED <n>                   drain mode: every job on disk is approved; the outbox stopped; exit 0
//   STUCK <json>                  drain mode: a job can never be approved, or the guard ran out; exit 1
import { readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { FINAL_STATES } from '../../app/job-states';
import { DEFAULT_SETTINGS, type Settings } from '../../app/settings';
import type { JobSummary } from '../../app/queue';
import { probeHost } from '../../main/outbox/connectivity';
import { Outbox } from '../../main/outbox/outbox';
import { SmileIdClient } from '../../main/smileid/client';
import { openConfFile } from '../../main/storage/conf-files';
import { encodeJpeg, readFixture, scaleToLongSide } from './fixture-images';
import { FAST_TIMINGS, seededRandom } from './outbox-harness';
import { DEVELOPMENT_ENDPOINT_POLICY } from '../../app/smileid/endpoint-policy';

function env(name: string, fallback?: string): string {
  const value = process.env[name] ?? fallback;
  if (value === undefined || value === '') throw new Error(`outbox-child: ${name} is not set`);
  return value;
}

function say(line: string): void {
  // Synchronous on purpose: once this returns the line is in the pipe, whatever happens to this process.
  let bytes = Buffer.from(`${line}\n`, 'utf8');
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(writeSync(1, bytes));
    } catch (error) {
      // A non-blocking pipe the parent has not emptied yet: try again.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

const dataDir = env('OUTBOX_DATA_DIR');
const keyHex = env('OUTBOX_DATA_KEY');
const apiUrl = env('OUTBOX_API_URL');
const partnerId = env('OUTBOX_PARTNER_ID');
const apiKey = env('OUTBOX_API_KEY');
const mode = env('OUTBOX_MODE', 'enqueue');
const run = Number(env('OUTBOX_RUN', '0'));

const settings: Settings = { ...DEFAULT_SETTINGS, environment: 'custom', partnerId };

const outbox = await Outbox.open({
  dataDir,
  dataKey: Buffer.from(keyHex, 'hex'),
  openIndexFile: openConfFile,
  connect: async (observer) => ({
    client: new SmileIdClient(
      { partnerId, apiKey, apiUrl },
      {
        timeouts: { prepUploadMs: 1_000, uploadMs: 2_000, jobStatusMs: 1_000 },
        onServerTime: observer.onServerTime,
        endpoints: DEVELOPMENT_ENDPOINT_POLICY,
      },
    ),
    probe: probeHost(apiUrl, 500),
    training: false,
  }),
  settings: () => settings,
  concurrency: 2,
  random: seededRandom(1_000 + run),
  ...FAST_TIMINGS,
});
say(`OPEN ${JSON.stringify(outbox.openReport)}`);
outbox.onEvent((event) => {
  if (event.type === 'job') say(`STATE ${event.job.jobId} ${event.job.state}`);
});
await outbox.start();
say('STARTED');

if (mode === 'drain') {
  await drain(Number(env('OUTBOX_DRAIN_TIMEOUT_MS', '120000')));
} else if (mode === 'enqueue') {
  await enqueueThisRun(Number(env('OUTBOX_JOBS')), env('OUTBOX_USER_PREFIX'));
} else {
  throw new Error(`outbox-child: unknown OUTBOX_MODE ${mode}`);
}

async function enqueueThisRun(jobs: number, prefix: string): Promise<void> {
  const { selfie, liveness } = loadImages(process.env.OUTBOX_IMAGES_DIR);
  for (let n = 0; n < jobs; n++) {
    const userId = `${prefix}-${String(run).padStart(3, '0')}-${n}`;
    const job = await outbox.enqueue({ userId, consentAt: Date.now(), selfie, liveness });
    say(`ACK ${job.jobId} ${userId}`);
  }
  say(`ENQUEUED ${jobs}`);
  // Tells the parent whether a kill found this process with work left (for its summary only).
  const sayIdleOnce = (): boolean => {
    if (
      !outbox.snapshot().every((job) => FINAL_STATES.includes(job.state) || job.state === 'needs_attention')
    )
      return false;
    say('IDLE');
    return true;
  };
  if (!sayIdleOnce()) {
    const unsubscribe = outbox.onEvent((event) => {
      if (event.type === 'job' && sayIdleOnce()) unsubscribe();
    });
  }
  // The outbox's own timers are unref'd (the Electron app keeps the real process alive): so does this, until
  // the parent kills it.
  setInterval(() => undefined, 60_000);
}

/** Small real JPEGs keep the test about durability, not bandwidth (as in outbox-exactly-once.test.ts). */
function loadImages(folder: string | undefined): { selfie: Uint8Array; liveness: Uint8Array[] } {
  if (folder) {
    const read = (file: string) => new Uint8Array(readFileSync(path.join(folder, file)));
    return {
      selfie: read('selfie.jpg'),
      liveness: Array.from({ length: 8 }, (_, index) => read(`liveness-${index + 1}.jpg`)),
    };
  }
  const source = scaleToLongSide(readFixture('face-astronaut'), 96);
  return {
    selfie: encodeJpeg(source),
    liveness: Array.from({ length: 8 }, () => encodeJpeg(scaleToLongSide(source, 48))),
  };
}

async function drain(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const jobs = outbox.snapshot();
    const open = jobs.filter((job) => job.state !== 'approved');
    if (open.length === 0) {
      await outbox.stop(); // also writes the index file, so a later open sees the final states
      say(`DRAINED ${jobs.length}`);
      process.exit(0);
    }
    // needs_attention and rejected never become approved by themselves: no point waiting for them.
    const hopeless = open.filter((job) => job.state === 'needs_attention' || job.state === 'rejected');
    if (hopeless.length > 0 || Date.now() > deadline) {
      say(`STUCK ${JSON.stringify((hopeless.length > 0 ? hopeless : open).map(describe))}`);
      await outbox.stop();
      process.exit(1);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function describe(job: JobSummary) {
  return { jobId: job.jobId, state: job.state, attempts: job.attempts, lastError: job.lastError };
}
