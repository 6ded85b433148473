// Writes a job folder exactly as the outbox did before per-job keys (folder format 1, manifest v 1): every file
// sealed directly with the per-install data key, bound to "<jobId>/<file>", images checked by plain SHA-256, no
// key.bin. Kiosks in the field hold such folders; the outbox must still open and send them.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { newJobRecord, type JobRecord } from '../../main/outbox/job-record';
import { seal } from '../../main/secure/aes-gcm';
import type { CaptureJpegs } from './fixture-images';

export async function writeFormat1JobFolder(
  dataDir: string,
  installKey: Uint8Array,
  capture: CaptureJpegs,
  userId: string,
  createdAt = Date.now(),
): Promise<JobRecord> {
  const record = newJobRecord(randomUUID(), userId, createdAt);
  const folder = path.join(dataDir, 'jobs', record.jobId);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const images: [string, Uint8Array][] = [
    ['selfie.bin', capture.selfie],
    ...capture.liveness.map((bytes, index): [string, Uint8Array] => [`liveness-${index + 1}.bin`, bytes]),
  ];
  const manifest = {
    v: 1,
    jobId: record.jobId,
    userId,
    createdAt,
    consentAt: createdAt,
    extraPartnerParams: {},
    images: images.map(([file, bytes]) => ({
      file,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
    })),
  };
  const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
  const files: [string, Uint8Array][] = [
    ...images,
    ['manifest.bin', json(manifest)],
    ['record.bin', json(record)],
  ];
  for (const [file, data] of files) {
    await writeFile(path.join(folder, file), seal(installKey, data, `${record.jobId}/${file}`), {
      mode: 0o600,
    });
  }
  return record;
}
