// The maximum age of the photos of unfinished jobs, through the whole outbox against the simulator: the sweep
// and the attempt both enforce it, a job in the middle of an attempt is never touched, a job whose upload
// Smile ID confirmed still gets its answer without photos, and Retry never tries to send photos that are gone.
// The outbox's clock is the real one plus an offset, so timers keep running while the test jumps days ahead.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JobSummary, KioskEvent } from '../../app/queue';
import { IMAGES_EXPIRED } from '../../main/outbox/image-expiry';
import { makeCapture, type CaptureJpegs } from '../support/fixture-images';
import { Harness, waitFor, type HarnessOptions } from '../support/outbox-harness';

const DAY = 86_400_000;
let capture: CaptureJpegs;
let harness: Harness | undefined;
let offset = 0;

beforeAll(() => {
  capture = makeCapture();
});
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  offset = 0;
});

function enrollment(userId: string) {
  return { userId, consentAt: Date.now(), selfie: capture.selfie, liveness: capture.liveness };
}

async function start(options: HarnessOptions & { sweepMs?: number }): Promise<Harness> {
  harness = await Harness.start({
    ...options,
    outbox: { now: () => Date.now() + offset, retentionSweepMs: options.sweepMs ?? 20, ...options.outbox },
  });
  return harness;
}

/** Every job event, in order. */
function record(h: Harness): JobSummary[] {
  const seen: JobSummary[] = [];
  h.outbox.onEvent((event: KioskEvent) => {
    if (event.type === 'job') seen.push(event.job);
  });
  return seen;
}

async function filesOf(h: Harness, jobId: string): Promise<string[]> {
  return (await readdir(path.join(h.dataDir, 'jobs', jobId))).sort();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retry, once the purge (which holds the job and refuses Retry meanwhile) has finished. */
async function retryOnceIdle(h: Harness, jobId: string): Promise<JobSummary> {
  for (let tries = 0; ; tries++) {
    try {
      return await h.outbox.retry(jobId);
    } catch (error) {
      if (tries > 1_000 || !/being deleted right now/.test(String(error))) throw error;
      await sleep(5);
    }
  }
}

/** The job's files once only the record and manifest are left (the record is saved before the photos go). */
async function photosGone(h: Harness, jobId: string): Promise<string[]> {
  for (let tries = 0; tries < 1_000; tries++) {
    const files = await filesOf(h, jobId);
    if (files.length <= 2) return files;
    await sleep(5);
  }
  return filesOf(h, jobId);
}

describe('outbox: photos of unfinished jobs expire', () => {
  it('the sweep purges a waiting job at settings.maxImageAgeDays, not before; Retry then says why', async () => {
    const h = await start({ connected: false, settings: { maxImageAgeDays: 2 } });
    await h.outbox.start();
    const job = await h.outbox.enqueue(enrollment('CUST-EXP-1'));
    offset = DAY;
    await sleep(150);
    expect(h.outbox.get(job.jobId)).toMatchObject({ state: 'queued', lastError: null });
    expect(await filesOf(h, job.jobId)).toContain('selfie.bin');

    offset = 2 * DAY;
    const purged = await h.waitForState(job.jobId, 'needs_attention');
    expect(purged.lastError).toMatchObject({ kind: IMAGES_EXPIRED, errorClass: 'permanent' });
    expect(purged.lastError?.reason).toMatch(/deleted from this kiosk 2 days after capture/);
    expect(await photosGone(h, job.jobId)).toEqual(['manifest.bin', 'record.bin']);

    await expect(retryOnceIdle(h, job.jobId)).rejects.toMatchObject({
      code: 'not_allowed',
      message: expect.stringMatching(/2 days after capture.*can no longer be sent/),
      action: expect.stringMatching(/Enroll the customer again/),
    });
    expect(h.outbox.get(job.jobId)?.state).toBe('needs_attention');
    await h.outbox.discard(job.jobId);
    expect(h.outbox.get(job.jobId)).toBeUndefined();
  });

  it('an attempt never sends expired photos, even when the job comes due before the sweep sees it', async () => {
    const h = await start({ connected: false, sweepMs: 3_600_000 });
    await h.outbox.start();
    const job = await h.outbox.enqueue(enrollment('CUST-EXP-2'));
    offset = 31 * DAY;
    h.connected = true;
    await h.outbox.reconfigure();
    const stuck = await h.waitForState(job.jobId, 'needs_attention');
    expect(stuck.lastError?.reason).toMatch(/30 days after capture/);
    expect(h.sim.jobs()).toHaveLength(0);
  });

  it('never touches a job in the middle of its upload; its result deletes the photos as usual', async () => {
    const h = await start({ simulator: { latencyMs: 1_500, faultScope: ['put'] } });
    const events = record(h);
    await h.outbox.start();
    const job = await h.outbox.enqueue(enrollment('CUST-EXP-3'));
    await h.waitForState(job.jobId, 'uploading');
    offset = 31 * DAY;
    const done = await h.waitForState(job.jobId, 'approved');
    expect(done.lastError).toBeNull();
    expect(
      events.filter((e) => e.state === 'needs_attention' || e.lastError?.kind === IMAGES_EXPIRED),
    ).toEqual([]);
    expect(h.sim.jobs()[0]).toMatchObject({ puts: 1, acceptedZips: 1, state: 'complete' });
  });

  it('a job whose upload Smile ID confirmed loses its photos but keeps its turn and gets its answer', async () => {
    // job_status fails (HTTP 500) after the zip is in: the job goes back to queued with uploadConfirmed.
    const h = await start({ simulator: { http500: 1, faultScope: ['job_status'] } });
    const events = record(h);
    await h.outbox.start();
    const job = await h.outbox.enqueue(enrollment('CUST-EXP-4'));
    await waitFor(() => (h.sim.jobs()[0]?.acceptedZips === 1 ? true : undefined), 10_000, 'zip accepted');
    offset = 31 * DAY;
    await waitFor(() => events.find((e) => e.lastError?.kind === IMAGES_EXPIRED), 20_000, 'photos purged');
    const noted = events.find((e) => e.lastError?.kind === IMAGES_EXPIRED)!;
    expect(noted.state).toBe('queued');
    expect(noted.lastError?.reason).toMatch(/Smile ID had already received them/);
    h.sim.configure({ http500: 0 });
    await h.waitForState(job.jobId, 'approved');
    expect(events.some((e) => e.state === 'needs_attention')).toBe(false);
    expect(h.sim.jobs()[0]).toMatchObject({ puts: 1, acceptedZips: 1 });
    expect(await photosGone(h, job.jobId)).toEqual(['manifest.bin', 'record.bin']);
  });
});
