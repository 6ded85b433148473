// One folder per job under <data>/jobs/<jobId>/, every file sealed with AES-256-GCM bound to job and file name
// ("<jobId>/<file>"), so files cannot be swapped between jobs. A new job is written into a temporary folder,
// each file fsynced, then the folder is renamed into place: a job folder either exists whole or not at all.
//   key.bin       format 2: the job's own AES-256 key, wrapped by the per-install data key (job-key.ts)
//   manifest.bin  the capture's immutable facts, the folder's format and a checksum of each image
//   record.bin    the job's current JobRecord (replaced atomically on each state change)
//   selfie.bin, liveness-N.bin   the JPEGs, deleted on a final result, a discard or when they expire
// Format 2 (manifest v 2) seals the photos under the job key, so deleting them destroys key.bin first
// (crypto-shredding). Format 1 (manifest v 1, folders written before per-job keys) sealed everything under the
// install key: still read and sent, but its photos can only be unlinked.
// The record and the manifest stay under the install key in both formats: they hold no photo and must outlive
// the photos (the operator panel shows the record until retention ends; the manifest tells the format).
import { createHash, createHmac } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { writeFile } from 'atomically';
import { z } from 'zod';
import { open, seal } from '../secure/aes-gcm';
import { syncDirectory, writeDurably } from '../storage/durable-writes';
import { destroyJobKey, JOB_KEY_FILE, newJobKey, readJobKey } from './job-key';
import { jobRecordSchema, type JobRecord } from './job-record';

const TEMP_PREFIX = '.tmp-';
/** What stays in a folder once its photos are deleted: everything else goes (photos, crash leftovers). */
const KEPT_WITHOUT_IMAGES: ReadonlySet<string> = new Set(['manifest.bin', 'record.bin']);
const imageFileName = z.string().regex(/^(selfie|liveness-\d{1,3})\.bin$/, 'an image file of this folder');

const manifestFields = {
  jobId: z.string(),
  userId: z.string(),
  createdAt: z.number(),
  consentAt: z.number(),
  extraPartnerParams: z.record(z.string(), z.string()),
};

export const manifestSchema = z.discriminatedUnion('v', [
  z.object({
    v: z.literal(1),
    ...manifestFields,
    images: z.array(z.object({ file: imageFileName, sha256: z.string(), bytes: z.number().int() })),
  }),
  // The checksum is an HMAC under the job key: no plain digest of a photo outlives the key (one would let a
  // leaked photo be matched to this record).
  z.object({
    v: z.literal(2),
    ...manifestFields,
    images: z.array(z.object({ file: imageFileName, hmacSha256: z.string(), bytes: z.number().int() })),
  }),
]);
export type Manifest = z.infer<typeof manifestSchema>;

export interface Capture {
  readonly selfie: Uint8Array;
  readonly liveness: readonly Uint8Array[];
}

export interface StoredCapture extends Capture {
  readonly manifest: Manifest;
}

export class JobFolderError extends Error {
  constructor(
    readonly jobId: string,
    message: string,
  ) {
    super(`job ${jobId}: ${message}`);
    this.name = 'JobFolderError';
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function hmacSha256(key: Uint8Array, bytes: Uint8Array): string {
  return createHmac('sha256', key).update(bytes).digest('hex');
}

/** Each image file of the manifest with its format's checksum test. */
function imageChecks(
  manifest: Manifest,
  key: Uint8Array,
): { file: string; matches: (bytes: Uint8Array) => boolean }[] {
  if (manifest.v === 1) {
    return manifest.images.map((image) => ({ file: image.file, matches: (b) => sha256(b) === image.sha256 }));
  }
  return manifest.images.map((image) => ({
    file: image.file,
    matches: (b) => hmacSha256(key, b) === image.hmacSha256,
  }));
}

export class JobFolders {
  constructor(
    readonly root: string,
    /** The per-install data key: wraps the job keys, seals records and manifests (and format-1 photos). */
    private readonly installKey: Uint8Array,
  ) {}

  folderOf(jobId: string): string {
    return path.join(this.root, jobId);
  }

  private sealFor(jobId: string, file: string, data: Uint8Array): Buffer {
    return seal(this.installKey, data, `${jobId}/${file}`);
  }

  private openFor(jobId: string, file: string, data: Uint8Array): Buffer {
    return open(this.installKey, data, `${jobId}/${file}`);
  }

  async create(
    record: JobRecord,
    capture: Capture,
    consentAt: number,
    extras: Record<string, string>,
  ): Promise<void> {
    const { jobId } = record;
    const files: [string, Uint8Array][] = [
      ['selfie.bin', capture.selfie],
      ...capture.liveness.map((bytes, index): [string, Uint8Array] => [`liveness-${index + 1}.bin`, bytes]),
    ];
    const jobKey = newJobKey(this.installKey, jobId);
    const manifest: Manifest = {
      v: 2,
      jobId,
      userId: record.userId,
      createdAt: record.createdAt,
      consentAt,
      extraPartnerParams: extras,
      images: files.map(([file, bytes]) => ({
        file,
        hmacSha256: hmacSha256(jobKey.key, bytes),
        bytes: bytes.length,
      })),
    };
    const temp = path.join(this.root, `${TEMP_PREFIX}${jobId}`);
    await mkdir(temp, { recursive: true, mode: 0o700 });
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
    try {
      const all: [string, Uint8Array][] = [
        [JOB_KEY_FILE, jobKey.wrapped],
        ...files.map(([file, data]): [string, Uint8Array] => [
          file,
          seal(jobKey.key, data, `${jobId}/${file}`),
        ]),
        ['manifest.bin', this.sealFor(jobId, 'manifest.bin', encode(manifest))],
        ['record.bin', this.sealFor(jobId, 'record.bin', encode(record))],
      ];
      await Promise.all(all.map(([file, sealed]) => writeDurably(path.join(temp, file), sealed)));
    } finally {
      // Best effort: the plain job key should not linger in this process's memory longer than needed.
      jobKey.key.fill(0);
    }
    await syncDirectory(temp);
    await rename(temp, this.folderOf(jobId));
    await syncDirectory(this.root);
  }

  async writeRecord(record: JobRecord): Promise<void> {
    const file = path.join(this.folderOf(record.jobId), 'record.bin');
    const sealed = this.sealFor(record.jobId, 'record.bin', Buffer.from(JSON.stringify(record), 'utf8'));
    await writeFile(file, sealed, { mode: 0o600 });
  }

  async readRecord(jobId: string): Promise<JobRecord> {
    return jobRecordSchema.parse(JSON.parse(await this.readSealed(jobId, 'record.bin')));
  }

  async readManifest(jobId: string): Promise<Manifest> {
    return manifestSchema.parse(JSON.parse(await this.readSealed(jobId, 'manifest.bin')));
  }

  /**
   * Decrypts the images and checks each against the manifest's checksum. A format-2 folder whose key.bin is
   * gone throws JobKeyDestroyedError: its photos were deleted.
   */
  async readCapture(jobId: string): Promise<StoredCapture> {
    const manifest = await this.readManifest(jobId);
    const folder = this.folderOf(jobId);
    const key = manifest.v === 1 ? this.installKey : await readJobKey(folder, this.installKey, jobId);
    try {
      const images = await Promise.all(
        imageChecks(manifest, key).map(async ({ file, matches }) => {
          const bytes = open(key, await readFile(path.join(folder, file)), `${jobId}/${file}`);
          if (!matches(bytes)) throw new JobFolderError(jobId, `${file} does not match its checksum`);
          return bytes;
        }),
      );
      const [selfie, ...liveness] = images;
      if (!selfie) throw new JobFolderError(jobId, 'the manifest lists no selfie');
      return { manifest, selfie, liveness };
    } finally {
      if (key !== this.installKey) key.fill(0);
    }
  }

  /**
   * Deletes the photos. The job key goes first (overwritten, unlinked, the folder fsynced): from then on no copy
   * of the sealed photos can be decrypted, wherever it lies. Then every file but the record and the manifest
   * (photos, a temp file a crash left mid-write of record.bin). A crash part-way is finished by calling again.
   */
  async deleteImages(jobId: string): Promise<void> {
    const folder = this.folderOf(jobId);
    await destroyJobKey(folder);
    const doomed = (await readdir(folder)).filter((file) => !KEPT_WITHOUT_IMAGES.has(file));
    await Promise.all(
      doomed.map((file) =>
        unlink(path.join(folder, file)).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        }),
      ),
    );
    await syncDirectory(folder);
  }

  /** Removes the folder for good; its job key is destroyed first, as for deleteImages. */
  async remove(jobId: string): Promise<void> {
    await destroyJobKey(this.folderOf(jobId));
    await rm(this.folderOf(jobId), { recursive: true, force: true });
  }

  /** Job ids with a complete folder. Leftover temporary folders (a crash mid-capture, never acknowledged) go. */
  async list(): Promise<string[]> {
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    const entries = await readdir(this.root, { withFileTypes: true });
    const jobIds: string[] = [];
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      if (entry.name.startsWith(TEMP_PREFIX)) {
        // Never acknowledged, but it may hold photos: shredded like any job folder.
        await destroyJobKey(path.join(this.root, entry.name));
        await rm(path.join(this.root, entry.name), { recursive: true, force: true });
      } else {
        jobIds.push(entry.name);
      }
    }
    return jobIds;
  }

  private async readSealed(jobId: string, file: string): Promise<string> {
    const sealed = await readFile(path.join(this.folderOf(jobId), file));
    return this.openFor(jobId, file, sealed).toString('utf8');
  }
}
