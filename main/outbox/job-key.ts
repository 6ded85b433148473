// The per-job data key (crypto-shredding). Each job folder written since folder format 2 has its own random
// AES-256 key; it seals that job's photos, and is kept only in the folder's key.bin, wrapped by the per-install
// data key and bound to the job_id. Destroying key.bin makes every copy of the sealed photos unreadable — a
// copy of the image files, blocks an unlink freed — even to someone holding the install key. Not a copy of the
// whole folder that includes key.bin: that stays readable with the install key, so backups must skip the
// data folder (key.bin is small and overwritten in place, so its own freed blocks do not keep it).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { generateKey } from '../secure/aes-gcm';
import { unwrapKey, wrapKey } from '../secure/key-wrap';
import { shredFile } from './durable-files';

export const JOB_KEY_FILE = 'key.bin';

/** The photos' key is gone: they were deleted (result, discard, expiry) and can never be read again. */
export class JobKeyDestroyedError extends Error {
  readonly reason = "This enrollment's photos were deleted from the kiosk; they cannot be sent any more.";
  readonly action = 'Enroll the customer again (new consent and photos), then discard this entry.';

  constructor(readonly jobId: string) {
    super(`job ${jobId}: the job key is destroyed, its photos cannot be read`);
    this.name = 'JobKeyDestroyedError';
  }
}

function owner(jobId: string): string {
  return `job:${jobId}`;
}

/** A fresh job key and its wrapped form, for key.bin. */
export function newJobKey(installKey: Uint8Array, jobId: string): { key: Buffer; wrapped: Buffer } {
  const key = generateKey();
  return { key, wrapped: wrapKey(installKey, key, owner(jobId)) };
}

export async function readJobKey(folder: string, installKey: Uint8Array, jobId: string): Promise<Buffer> {
  let wrapped: Buffer;
  try {
    wrapped = await readFile(path.join(folder, JOB_KEY_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new JobKeyDestroyedError(jobId);
    throw error;
  }
  // A damaged key.bin is a DecryptionError, reported as damaged files: only a missing one means "deleted".
  return unwrapKey(installKey, wrapped, owner(jobId));
}

/** Destroys the job key (overwrite, unlink, fsync the folder). False if it was already gone. */
export function destroyJobKey(folder: string): Promise<boolean> {
  return shredFile(path.join(folder, JOB_KEY_FILE));
}
