// Finding 7 of the security review: "Biometrics kept without limit." Jobs in needs_attention or provisional
// kept their sealed photos forever, and deleting photos was an unlink under one install-wide key that never
// changes, so every copy of a sealed photo (a backup, the blocks an unlink frees) stayed readable to whoever got
// that key. The defences: photos of unfinished jobs are purged at settings.maxImageAgeDays (default 30) after
// capture, and each job's photos are sealed under their own key, destroyed in place before the photos go.
// Each case fails if its defence is removed. The outbox's clock is the real one plus an offset: timers keep
// running while the test jumps a month ahead.
import { copyFile, link, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JobSummary, KioskEvent } from '../../app/queue';
import { IMAGES_EXPIRED } from '../../main/outbox/image-expiry';
import { JOB_KEY_FILE, readJobKey } from '../../main/outbox/job-key';
import { DecryptionError, generateKey, open } from '../../main/secure/aes-gcm';
import { makeCapture, type CaptureJpegs } from '../support/fixture-images';
import { writeFormat1JobFolder } from '../support/old-format-job-folder';
import { Harness, makeDataDir, waitFor, type HarnessOptions } from '../support/outbox-harness';

const DAY = 86_400_000;
const PAST_THE_LIMIT = 31 * DAY; // the default maxImageAgeDays is 30
const IMAGE_FILES = ['selfie.bin', ...Array.from({ length: 8 }, (_, i) => `liveness-${i + 1}.bin`)];

let capture: CaptureJpegs;
let harness: Harness | undefined;
let offset = 0;
const cleanup: string[] = [];

beforeAll(() => {
  capture = makeCapture();
});
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  offset = 0;
  for (const folder of cleanup.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function start(options: HarnessOptions = {}): Promise<{ h: Harness; events: JobSummary[] }> {
  const h = await Harness.start({
    ...options,
    outbox: { now: () => Date.now() + offset, retentionSweepMs: 20 },
  });
  harness = h;
  const events: JobSummary[] = [];
  h.outbox.onEvent((event: KioskEvent) => {
    if (event.type === 'job') events.push(event.job);
  });
  await h.outbox.start();
  return { h, events };
}

function enrollment(userId: string) {
  return { userId, consentAt: Date.now(), selfie: capture.selfie, liveness: capture.liveness };
}

function folderOf(h: Harness, jobId: string): string {
  return path.join(h.dataDir, 'jobs', jobId);
}

/** The job's files once only the record and manifest are left (the record is saved before the photos go). */
async function filesOnceSettled(h: Harness, jobId: string): Promise<string[]> {
  for (let tries = 0; tries < 1_000; tries++) {
    const files = (await readdir(folderOf(h, jobId))).sort();
    if (files.length <= 2) return files;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return (await readdir(folderOf(h, jobId))).sort();
}

async function purgeNote(events: JobSummary[], jobId: string): Promise<JobSummary> {
  return waitFor(
    () => events.find((e) => e.jobId === jobId && e.lastError?.kind === IMAGES_EXPIRED),
    20_000,
    `job ${jobId} to say its photos were deleted`,
  );
}

describe('finding 7: biometrics kept without limit', () => {
  it('(a) a needs_attention job older than the limit loses its photos and says so; Retry says why', async () => {
    const { h, events } = await start();
    const first = await h.outbox.enqueue(enrollment('CUST-F7-A'));
    await h.waitForState(first.jobId, 'approved');
    // The same user again: Smile ID refuses it for good (2209), so it waits for the operator with its photos.
    const stuck = await h.outbox.enqueue(enrollment('CUST-F7-A'));
    await h.waitForState(stuck.jobId, 'needs_attention');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await readdir(folderOf(h, stuck.jobId))).toContain('selfie.bin');

    offset = PAST_THE_LIMIT;
    const noted = await purgeNote(events, stuck.jobId);
    expect(noted.state).toBe('needs_attention');
    expect(noted.lastError?.reason).toMatch(/photos were deleted from this kiosk 30 days after capture/);
    expect(noted.lastError?.reason).toMatch(/can no longer be sent/);
    expect(noted.lastError?.action).toMatch(/Enroll the customer again/);
    expect(await filesOnceSettled(h, stuck.jobId)).toEqual(['manifest.bin', 'record.bin']);
    await waitFor(
      () => (h.outbox.get(stuck.jobId)?.lastError?.kind === IMAGES_EXPIRED ? true : undefined),
      5_000,
      'index',
    );
    let refusal: unknown;
    for (let tries = 0; tries < 1_000; tries++) {
      refusal = await h.outbox.retry(stuck.jobId).catch((error: unknown) => error);
      if (!/being deleted right now/.test(String(refusal))) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(refusal).toMatchObject({ code: 'not_allowed', message: noted.lastError?.reason });
    expect(h.sim.jobs()).toHaveLength(1);
  });

  it('(b) a provisional job older than the limit loses its photos, says so, and is still polled to its answer', async () => {
    // Decision: Smile ID's reviewers already hold the photos, so the job stays provisional and keeps asking for
    // the review's outcome; only the kiosk's copy goes.
    const { h, events } = await start({
      simulator: { outcomes: [{ pattern: '^REVIEW', resultCode: '0842' }], provisionalResolveMs: null },
    });
    const job = await h.outbox.enqueue(enrollment('REVIEW-F7-B'));
    await h.waitForState(job.jobId, 'provisional');
    expect(await readdir(folderOf(h, job.jobId))).toContain('selfie.bin');

    offset = PAST_THE_LIMIT;
    const noted = await purgeNote(events, job.jobId);
    expect(noted.state).toBe('provisional');
    expect(noted.lastError?.reason).toMatch(/deleted from this kiosk 30 days after capture/);
    expect(noted.lastError?.reason).toMatch(/answer can still arrive/);
    expect(await filesOnceSettled(h, job.jobId)).toEqual(['manifest.bin', 'record.bin']);

    const callsAfterPurge = h.sim.jobs()[0]!.jobStatusCalls;
    await waitFor(
      () => (h.sim.jobs()[0]!.jobStatusCalls >= callsAfterPurge + 2 ? true : undefined),
      10_000,
      'more polls',
    );
    expect(h.outbox.get(job.jobId)).toMatchObject({
      state: 'provisional',
      lastError: { kind: IMAGES_EXPIRED },
    });
    h.sim.configure({ provisionalResolveMs: 0 });
    const final = await h.waitForState(job.jobId, 'approved');
    expect(final.result?.resultCode).toBe('1240');
    expect(h.sim.jobs()[0]).toMatchObject({ puts: 1, acceptedZips: 1 });
  });

  it.each(['a final result', 'a discard', 'the age limit'] as const)(
    '(c) after %s deletes the photos, copies of the sealed photo files cannot be decrypted with the install key',
    async (deletion) => {
      const { h } = await start({ connected: false });
      const job = await h.outbox.enqueue(enrollment('CUST-F7-C'));
      const folder = folderOf(h, job.jobId);
      // What a backup or a disk image keeps: the sealed photo files, copied aside before the deletion; and
      // key.bin's blocks as an unlink alone would leave them (a second link to its inode).
      const backup = await mkdtemp(path.join(path.dirname(h.dataDir), 'kiosk-f7-backup-'));
      cleanup.push(backup);
      for (const file of IMAGE_FILES) await copyFile(path.join(folder, file), path.join(backup, file));
      const blocks = path.join(backup, 'freed-blocks');
      await mkdir(blocks);
      await link(path.join(folder, JOB_KEY_FILE), path.join(blocks, JOB_KEY_FILE));
      // Before: the copies are genuine sealed photos, readable through the job key.
      const jobKey = await readJobKey(folder, h.dataKey, job.jobId);
      const selfieCopy = await readFile(path.join(backup, 'selfie.bin'));
      expect(open(jobKey, selfieCopy, `${job.jobId}/selfie.bin`).equals(Buffer.from(capture.selfie))).toBe(
        true,
      );

      if (deletion === 'a final result') {
        h.connected = true;
        await h.outbox.reconfigure();
        await h.waitForState(job.jobId, 'approved');
        expect(await filesOnceSettled(h, job.jobId)).toEqual(['manifest.bin', 'record.bin']);
      } else if (deletion === 'a discard') {
        await h.outbox.discard(job.jobId);
        await expect(readdir(folder)).rejects.toMatchObject({ code: 'ENOENT' });
      } else {
        offset = PAST_THE_LIMIT;
        await h.waitForState(job.jobId, 'needs_attention');
        expect(await filesOnceSettled(h, job.jobId)).toEqual(['manifest.bin', 'record.bin']);
      }

      for (const file of IMAGE_FILES) {
        const copy = await readFile(path.join(backup, file));
        expect(() => open(h.dataKey, copy, `${job.jobId}/${file}`), file).toThrow(DecryptionError);
      }
      // The job key is gone from the folder, and its old bytes were overwritten before the unlink.
      await expect(readFile(path.join(folder, JOB_KEY_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
      await expect(readJobKey(blocks, h.dataKey, job.jobId)).rejects.toBeInstanceOf(DecryptionError);
    },
  );

  it('(d) a job folder written the old way (install key only, no key.bin) is still read and sent', async () => {
    const dataDir = await makeDataDir();
    cleanup.push(dataDir);
    const dataKey = generateKey();
    const old = await writeFormat1JobFolder(dataDir, dataKey, capture, 'CUST-F7-D');
    const { h } = await start({ dataDir, dataKey });
    expect(h.outbox.openReport.reindexedOrphans).toBe(1);
    const done = await h.waitForState(old.jobId, 'approved');
    expect(done.result?.resultCode).toBe('0840');
    const [simJob] = h.sim.jobs();
    expect(simJob).toMatchObject({
      jobId: old.jobId,
      userId: 'CUST-F7-D',
      acceptedZips: 1,
      zipProblem: null,
    });
    expect(simJob!.images.map((image) => image.bytes).sort()).toEqual(
      [capture.selfie, ...capture.liveness].map((jpeg) => jpeg.length).sort(),
    );
    expect(await filesOnceSettled(h, old.jobId)).toEqual(['manifest.bin', 'record.bin']);
  });
});
