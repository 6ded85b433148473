// Per-job data keys in the job folders (main/outbox/job-folder.ts, job-key.ts) on a real file system: the
// photos are sealed under the job's own key, key.bin holds it wrapped by the install key and bound to the job,
// and deleting the photos (or the folder) destroys key.bin in place first. Format-1 folders still read.
import { link, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JobFolders } from '../../main/outbox/job-folder';
import { JOB_KEY_FILE, JobKeyDestroyedError, readJobKey } from '../../main/outbox/job-key';
import { newJobRecord, type JobRecord } from '../../main/outbox/job-record';
import { DecryptionError, generateKey, open, seal } from '../../main/secure/aes-gcm';
import { makeCapture, type CaptureJpegs } from '../support/fixture-images';
import { writeFormat1JobFolder } from '../support/old-format-job-folder';

let capture: CaptureJpegs;
let dataDir: string;
let installKey: Buffer;
let folders: JobFolders;

beforeAll(() => {
  capture = makeCapture();
});
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-job-keys-'));
  installKey = generateKey();
  folders = new JobFolders(path.join(dataDir, 'jobs'), installKey);
  await folders.list();
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function newJob(jobId = `job-${Math.random().toString(16).slice(2)}`): Promise<JobRecord> {
  const record = newJobRecord(jobId, 'CUST-KEYS', Date.now());
  await folders.create(record, capture, record.createdAt, { kiosk_id: 'k1' });
  return record;
}

const IMAGE_FILES = ['selfie.bin', ...Array.from({ length: 8 }, (_, i) => `liveness-${i + 1}.bin`)];

describe('a new job folder (format 2)', () => {
  it('seals the photos under its own key, kept only wrapped in key.bin; record and manifest under the install key', async () => {
    const { jobId } = await newJob();
    const folder = folders.folderOf(jobId);
    expect((await readdir(folder)).sort()).toEqual(
      [JOB_KEY_FILE, 'manifest.bin', 'record.bin', ...IMAGE_FILES].sort(),
    );
    const selfie = await readFile(path.join(folder, 'selfie.bin'));
    expect(() => open(installKey, selfie, `${jobId}/selfie.bin`)).toThrow(DecryptionError);
    const jobKey = await readJobKey(folder, installKey, jobId);
    expect(open(jobKey, selfie, `${jobId}/selfie.bin`).equals(Buffer.from(capture.selfie))).toBe(true);

    const stored = await folders.readCapture(jobId);
    expect(Buffer.from(stored.selfie).equals(Buffer.from(capture.selfie))).toBe(true);
    expect(stored.liveness).toHaveLength(8);
    expect(stored.manifest).toMatchObject({ v: 2, extraPartnerParams: { kiosk_id: 'k1' } });
    // No plain digest of a photo in the manifest: it outlives the key.
    expect(JSON.stringify(stored.manifest)).not.toMatch(/sha256"/);
    expect((await folders.readRecord(jobId)).jobId).toBe(jobId);
  });

  it('binds key.bin to its job: moved into another job folder it does not open that job', async () => {
    const a = await newJob();
    const b = await newJob();
    await writeFile(
      path.join(folders.folderOf(b.jobId), JOB_KEY_FILE),
      await readFile(path.join(folders.folderOf(a.jobId), JOB_KEY_FILE)),
    );
    await expect(folders.readCapture(b.jobId)).rejects.toBeInstanceOf(DecryptionError);
  });

  it('deleteImages destroys key.bin in place (a second link sees only random bytes), then the photos', async () => {
    const { jobId } = await newJob();
    const folder = folders.folderOf(jobId);
    // A second link to key.bin's inode stands for the blocks an unlink alone would leave readable.
    const keep = path.join(dataDir, 'kept');
    await mkdir(keep);
    await link(path.join(folder, JOB_KEY_FILE), path.join(keep, JOB_KEY_FILE));
    const wrappedBefore = await readFile(path.join(keep, JOB_KEY_FILE));

    await folders.deleteImages(jobId);

    expect((await readdir(folder)).sort()).toEqual(['manifest.bin', 'record.bin']);
    const leftover = await readFile(path.join(keep, JOB_KEY_FILE));
    expect(leftover).toHaveLength(wrappedBefore.length);
    expect(leftover.equals(wrappedBefore)).toBe(false);
    await expect(readJobKey(keep, installKey, jobId)).rejects.toBeInstanceOf(DecryptionError);
    await expect(folders.readCapture(jobId)).rejects.toBeInstanceOf(JobKeyDestroyedError);
    // The record and manifest survive: the operator panel shows the record until retention ends.
    expect((await folders.readRecord(jobId)).jobId).toBe(jobId);
    expect((await folders.readManifest(jobId)).v).toBe(2);
  });

  it('deleteImages finishes a deletion a crash cut short after the key went', async () => {
    const { jobId } = await newJob();
    await rm(path.join(folders.folderOf(jobId), JOB_KEY_FILE));
    await writeFile(path.join(folders.folderOf(jobId), 'record.bin.tmp-abc123'), 'partial');
    await folders.deleteImages(jobId);
    expect((await readdir(folders.folderOf(jobId))).sort()).toEqual(['manifest.bin', 'record.bin']);
  });

  it('remove (discard, retention) destroys key.bin in place before the folder goes', async () => {
    const { jobId } = await newJob();
    const keep = path.join(dataDir, 'kept');
    await mkdir(keep);
    await link(path.join(folders.folderOf(jobId), JOB_KEY_FILE), path.join(keep, JOB_KEY_FILE));
    await folders.remove(jobId);
    await expect(readdir(folders.folderOf(jobId))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(readJobKey(keep, installKey, jobId)).rejects.toBeInstanceOf(DecryptionError);
  });

  it('a temporary folder a crash left mid-capture is shredded too', async () => {
    const { jobId } = await newJob('job-temp');
    const temp = path.join(folders.root, '.tmp-job-temp');
    await rename(folders.folderOf(jobId), temp);
    const keep = path.join(dataDir, 'kept');
    await mkdir(keep);
    await link(path.join(temp, JOB_KEY_FILE), path.join(keep, JOB_KEY_FILE));
    expect(await folders.list()).toEqual([]);
    await expect(readJobKey(keep, installKey, jobId)).rejects.toBeInstanceOf(DecryptionError);
  });
});

describe('an old job folder (format 1, sealed with the install key, no key.bin)', () => {
  it('still opens, and its photos are deleted by unlinking them', async () => {
    const record = await writeFormat1JobFolder(dataDir, installKey, capture, 'CUST-OLD');
    const stored = await folders.readCapture(record.jobId);
    expect(stored.manifest.v).toBe(1);
    expect(Buffer.from(stored.selfie).equals(Buffer.from(capture.selfie))).toBe(true);
    expect(stored.liveness.map((bytes) => bytes.length)).toEqual(capture.liveness.map((b) => b.length));
    await folders.deleteImages(record.jobId);
    expect((await readdir(folders.folderOf(record.jobId))).sort()).toEqual(['manifest.bin', 'record.bin']);
    expect(await folders.readRecord(record.jobId)).toEqual(record);
  });

  it('still checks each photo against the manifest', async () => {
    const record = await writeFormat1JobFolder(dataDir, installKey, capture, 'CUST-OLD');
    const folder = folders.folderOf(record.jobId);
    // A liveness frame sealed in the selfie's place: the seal is valid (install key, right name), the checksum is not.
    await writeFile(
      path.join(folder, 'selfie.bin'),
      seal(installKey, capture.liveness[0]!, `${record.jobId}/selfie.bin`),
    );
    await expect(folders.readCapture(record.jobId)).rejects.toThrow(/selfie.bin does not match its checksum/);
  });
});
