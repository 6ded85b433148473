import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JobState } from '../../app/job-states';
import type { KioskEvent } from '../../app/queue';
import { makeCapture, type CaptureJpegs } from '../support/fixture-images';
import { Harness, waitFor } from '../support/outbox-harness';

let capture: CaptureJpegs;
let harness: Harness | undefined;

beforeAll(() => {
  capture = makeCapture();
});

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

function enrollment(userId: string) {
  return { userId, consentAt: Date.now(), selfie: capture.selfie, liveness: capture.liveness };
}

async function start(options: Parameters<typeof Harness.start>[0] = {}) {
  harness = await Harness.start(options);
  return harness;
}

describe('outbox: one enrollment', () => {
  it('goes queued → preparing → uploading → awaiting_result → approved, exactly once, and deletes the images', async () => {
    const h = await start();
    const states: JobState[] = [];
    h.outbox.onEvent((event: KioskEvent) => {
      if (event.type === 'job' && states.at(-1) !== event.job.state) states.push(event.job.state);
    });
    await h.outbox.start();
    const job = await h.outbox.enqueue(enrollment('CUST-0001'));
    expect(job.state).toBe('queued');
    const done = await h.waitForState(job.jobId, 'approved');
    expect(states).toEqual(['queued', 'preparing', 'uploading', 'awaiting_result', 'approved']);
    expect(done).toMatchObject({
      attempts: 1,
      result: { outcome: 'approved', resultCode: '0840' },
      lastError: null,
    });
    const [simJob] = h.sim.jobs();
    expect(simJob).toMatchObject({ jobId: job.jobId, userId: 'CUST-0001', prepUploads: 1, acceptedZips: 1 });
    // The result is saved first, then the images go: wait for the folder to settle.
    const folder = path.join(h.dataDir, 'jobs', job.jobId);
    let files: string[] = [];
    for (let tries = 0; tries < 400; tries++) {
      files = (await readdir(folder)).sort();
      if (files.length === 2) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(files).toEqual(['manifest.bin', 'record.bin']);
  });

  it('records a permanent refusal (2209, user already enrolled) as needs_attention with an operator reason', async () => {
    const h = await start();
    await h.outbox.start();
    const first = await h.outbox.enqueue(enrollment('CUST-0002'));
    await h.waitForState(first.jobId, 'approved');
    const second = await h.outbox.enqueue(enrollment('CUST-0002'));
    const stuck = await h.waitForState(second.jobId, 'needs_attention');
    expect(stuck.lastError).toMatchObject({ code: '2209', errorClass: 'permanent' });
    expect(stuck.lastError?.reason).toMatch(/already enrolled/);
    expect(h.outbox.duplicateOf('CUST-0002')).toBe('enrolled');
  });

  it('continues after 2215 with retry:true and after an expired upload link by re-preparing', async () => {
    const h = await start({ simulator: { duplicateJob2215: 1, expiredUploadUrl: 0 } });
    await h.outbox.start();
    const job = await h.outbox.enqueue(enrollment('CUST-0003'));
    await h.waitForState(job.jobId, 'approved');
    expect(h.sim.jobs()[0]).toMatchObject({ prepUploads: 2, prepUploadRetries: 1, acceptedZips: 1 });

    h.sim.configure({ duplicateJob2215: 0, expiredUploadUrl: 0.5 });
    const next = await h.outbox.enqueue(enrollment('CUST-0004'));
    await h.waitForState(next.jobId, 'approved');
    const simJob = h.sim.jobs().find((j) => j.jobId === next.jobId);
    expect(simJob?.acceptedZips).toBe(1);
  });

  it('moves a transient failure back to queued with a backoff, then delivers', async () => {
    const h = await start({ simulator: { http500: 1, faultScope: ['upload'] } });
    await h.outbox.start();
    const job = await h.outbox.enqueue(enrollment('CUST-0005'));
    const retried = await h.waitForJob(job.jobId, (j) => j.state === 'queued' && j.attempts >= 2);
    // The simulator answers its injected 500s with Smile ID's "unknown system error" body.
    expect(retried.lastError).toMatchObject({ kind: 'api_error', code: '2201', errorClass: 'transient' });
    h.sim.configure({ http500: 0 });
    const done = await h.waitForState(job.jobId, 'approved');
    expect(done.attempts).toBeGreaterThanOrEqual(3);
    expect(h.sim.jobs()[0]?.acceptedZips).toBe(1);
  });

  // Two polling phases on 50 ms timers: about 2 s on an idle machine; the limits only stop a hang on a loaded one.
  it('keeps a provisional result and polls it again until final', { timeout: 120_000 }, async () => {
    const h = await start({
      simulator: { outcomes: [{ pattern: '^REVIEW', resultCode: '0842' }], provisionalResolveMs: 200 },
    });
    await h.outbox.start();
    const job = await h.outbox.enqueue(enrollment('REVIEW-01'));
    const provisional = await h.waitForState(job.jobId, 'provisional', 50_000);
    expect(provisional.result).toMatchObject({
      outcome: 'provisional',
      final: false,
      nextStep: 'wait_for_review',
    });
    const final = await h.waitForState(job.jobId, 'approved', 50_000);
    expect(final.result?.resultCode).toBe('1240');
  });
});

describe('outbox: whole-queue failures', () => {
  it('a tampered job_status signature is never a success: the circuit opens, attempts are given back', async () => {
    const h = await start({ simulator: { tamperedSignature: 1 } });
    await h.outbox.start();
    const job = await h.outbox.enqueue(enrollment('CUST-0101'));
    const status = await waitForHealth(h, (s) => s.circuit.open);
    expect(status.circuit).toMatchObject({ open: true });
    expect(status.circuit.reason).toMatch(/could not be verified/);
    expect(h.outbox.get(job.jobId)).toMatchObject({ state: 'queued', attempts: 0 });
    h.sim.configure({ tamperedSignature: 0 });
    await h.waitForState(job.jobId, 'approved');
    expect((await h.outbox.health()).circuit.open).toBe(false);
  });

  it('a wrong API key pauses the whole queue with one reason; fixing the key sends everything', async () => {
    const h = await start({ apiKey: 'wrong-key-wrong-key' });
    await h.outbox.start();
    const jobs = [];
    for (let i = 0; i < 3; i++) jobs.push(await h.outbox.enqueue(enrollment(`CUST-02${i}0`)));
    const opened = await waitForHealth(h, (s) => s.circuit.open);
    expect(opened.circuit.reason).toMatch(/signature/);
    for (const job of jobs) expect(h.outbox.get(job.jobId)?.attempts).toBe(0);
    expect(h.sim.jobs()).toHaveLength(0);
    h.apiKey = 'test-api-key-0123456789';
    await h.outbox.reconfigure();
    for (const job of jobs) await h.waitForState(job.jobId, 'approved');
    expect(h.sim.jobs()).toHaveLength(3);
  });

  it('measures clock skew and names the clock as the reason when Smile ID refuses stale signatures', async () => {
    const hourAhead = () => new Date(Date.now() + 3_600_000);
    const h = await start({ client: { now: hourAhead } });
    await h.outbox.start();
    await h.outbox.enqueue(enrollment('CUST-0301'));
    const health = await waitForHealth(h, (s) => s.circuit.open);
    expect(health.clockSkewExceeded).toBe(true);
    expect(health.clockSkewMs).toBeLessThan(-3_500_000);
    expect(health.circuit.reason).toMatch(/clock/);
    expect(health.circuit.action).toMatch(/time/);
  });

  it('offline: nothing is lost or spent; when Smile ID is back the job is delivered once', async () => {
    const h = await start();
    const port = h.sim.port;
    await h.sim.close();
    await h.outbox.start();
    const job = await h.outbox.enqueue(enrollment('CUST-0401'));
    await waitForHealth(h, (s) => !s.online);
    expect(h.outbox.get(job.jobId)).toMatchObject({ state: 'queued', attempts: 0 });
    const { startSimulator } = await import('../../main/smileid/simulator/server');
    const revived = await startSimulator({ port, partnerId: '085', apiKey: 'test-api-key-0123456789' });
    try {
      await h.waitForState(job.jobId, 'approved');
      expect(revived.jobs()).toHaveLength(1);
      expect(revived.jobs()[0]?.acceptedZips).toBe(1);
    } finally {
      await revived.close();
    }
  });
});

describe('outbox: limits and guards', () => {
  it('refuses new captures past the offline budget, with a reason', async () => {
    const h = await start({
      connected: false,
      settings: { offlineBudget: { maxOldestQueuedHours: 72, maxQueuedJobs: 2, minFreeDiskMb: 0 } },
    });
    await h.outbox.enqueue(enrollment('CUST-0501'));
    await h.outbox.enqueue(enrollment('CUST-0502'));
    await expect(h.outbox.enqueue(enrollment('CUST-0503'))).rejects.toMatchObject({
      code: 'offline_budget_exceeded',
      message: expect.stringMatching(/2 enrollments are waiting/),
    });
    h.settings = {
      ...h.settings,
      offlineBudget: { maxOldestQueuedHours: 72, maxQueuedJobs: 100, minFreeDiskMb: 10_000_000 },
    };
    await expect(h.outbox.enqueue(enrollment('CUST-0504'))).rejects.toMatchObject({ code: 'disk_full' });
  });

  it('refuses when the oldest waiting capture is older than the budget', async () => {
    let now = Date.UTC(2026, 0, 1);
    const h = await start({
      connected: false,
      outbox: { now: () => now },
      settings: { offlineBudget: { maxOldestQueuedHours: 24, maxQueuedJobs: 100, minFreeDiskMb: 0 } },
    });
    await h.outbox.enqueue(enrollment('CUST-0601'));
    now += 25 * 3_600_000;
    await expect(h.outbox.enqueue(enrollment('CUST-0602'))).rejects.toMatchObject({
      code: 'offline_budget_exceeded',
    });
  });

  it('knows a user ID already waiting on the kiosk', async () => {
    const h = await start({ connected: false });
    expect(h.outbox.duplicateOf('CUST-0701')).toBeNull();
    await h.outbox.enqueue(enrollment('CUST-0701'));
    expect(h.outbox.duplicateOf('CUST-0701')).toBe('queued');
  });

  it('removes final records after the retention period', async () => {
    let now = Date.now();
    const h = await start({
      outbox: { now: () => now, retentionSweepMs: 20 },
      settings: { retentionDays: 1 },
    });
    await h.outbox.start();
    const job = await h.outbox.enqueue(enrollment('CUST-0801'));
    await h.waitForState(job.jobId, 'approved');
    now += 2 * 86_400_000;
    await waitFor(() => (h.outbox.get(job.jobId) ? undefined : true), 5_000, 'retention');
    await expect(readdir(path.join(h.dataDir, 'jobs', job.jobId))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('outbox: restart and recovery', () => {
  it('a queued job survives a restart and is sent after it', async () => {
    const h = await start({ connected: false });
    const job = await h.outbox.enqueue(enrollment('CUST-0901'));
    await h.outbox.stop();
    h.connected = true;
    await h.open();
    await h.outbox.start();
    await h.waitForState(job.jobId, 'approved');
    expect(h.sim.jobs()).toHaveLength(1);
  });

  it('re-indexes an orphan folder (crash after the folder, before the index) ', async () => {
    const h = await start({ connected: false, outbox: { indexFlushMs: 60_000 } });
    const job = await h.outbox.enqueue(enrollment('CUST-1001'));
    // "Crash": the index write was still pending; the folder is complete.
    const reopened = await h.open();
    expect(reopened.openReport.reindexedOrphans).toBe(1);
    expect(reopened.get(job.jobId)?.state).toBe('queued');
  });

  it('marks a record whose folder is gone as needs_attention with that reason', async () => {
    const h = await start({ connected: false });
    const job = await h.outbox.enqueue(enrollment('CUST-1101'));
    await h.outbox.stop();
    await rm(path.join(h.dataDir, 'jobs', job.jobId), { recursive: true });
    const reopened = await h.open();
    expect(reopened.openReport.missingFolders).toBe(1);
    expect(reopened.get(job.jobId)).toMatchObject({ state: 'needs_attention' });
    expect(reopened.get(job.jobId)?.lastError?.reason).toMatch(/files are missing/);
  });

  it.each([
    ['truncated', (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 2))],
    ['garbage', () => Buffer.from('\u0000\u00ffnot a store at all{{{')],
  ])('a %s index file is kept aside and the jobs are recovered from their folders', async (_name, damage) => {
    // Two jobs are fewer than a compaction needs: the hot file holds them (outbox-index.test.ts: the others).
    const h = await start({ connected: false });
    const jobs = [
      await h.outbox.enqueue(enrollment('CUST-1201')),
      await h.outbox.enqueue(enrollment('CUST-1202')),
    ];
    await h.outbox.stop();
    const indexFile = path.join(h.dataDir, 'outbox-index-hot.json');
    await writeFile(indexFile, damage(await readFile(indexFile)));
    const reopened = await h.open();
    expect(reopened.openReport.setAsidePath).toMatch(/outbox-index-hot\.json\.unreadable-/);
    await expect(readFile(reopened.openReport.setAsidePath!)).resolves.toBeInstanceOf(Buffer);
    expect(reopened.openReport.reindexedOrphans).toBe(2);
    for (const job of jobs) expect(reopened.get(job.jobId)?.state).toBe('queued');
  });
});

describe('outbox: data at rest', () => {
  it('leaves no JPEG bytes and no user ID in clear anywhere in the data folder', async () => {
    const h = await start();
    await h.outbox.start();
    const sent = await h.outbox.enqueue(enrollment('CUST-SECRET-1'));
    await h.waitForState(sent.jobId, 'approved');
    await h.outbox.stop();
    h.connected = false;
    await h.open();
    await h.outbox.enqueue(enrollment('CUST-SECRET-2'));
    h.outbox.flushIndex();
    const files = await listFiles(h.dataDir);
    expect(files.length).toBeGreaterThan(10);
    // Each JPEG's header and a slice of its body; a 3-byte SOI alone would match random ciphertext by chance.
    const probes = [capture.selfie, ...capture.liveness].flatMap((jpeg) => [
      Buffer.from(jpeg.subarray(0, 16)),
      Buffer.from(jpeg.subarray(jpeg.length >> 1, (jpeg.length >> 1) + 64)),
    ]);
    probes.push(Buffer.from('CUST-SECRET'));
    for (const file of files) {
      const bytes = await readFile(file);
      for (const probe of probes) expect(bytes.indexOf(probe), `${file} holds clear data`).toBe(-1);
    }
  });
});

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

async function waitForHealth(
  h: Harness,
  predicate: (s: Awaited<ReturnType<Harness['outbox']['health']>>) => boolean,
) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const status = await h.outbox.health();
    if (predicate(status)) return status;
    if (Date.now() > deadline) throw new Error('timed out waiting for health');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
