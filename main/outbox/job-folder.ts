// One folder per job under <data>/jobs/<jobId>/, every file sealed with AES-256-GCM under the per-install data
// key (bound to job and file name). A new job is written into a temporary folder, each file fsynced, then the
// folder is renamed into place: a job folder either exists whole or not at all.
//   manifest.bin  the capture's immutable facts and the SHA-256 of each image
//   record.bin    the job's current JobRecord (replaced atomically on each state change)
//   selfie.bin, liveness-N.bin   the JPEGs, deleted once Smile ID gives a final result
import { createHash } from 'node:crypto';
import { mkdir, open as openFile, readdir, readFile, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { writeFile } from 'atomically';
import { z } from 'zod';
import { open, seal } from '../secure/aes-gcm';
import { jobRecordSchema, type JobRecord } from './job-record';

const TEMP_PREFIX = '.tmp-';

export const manifestSchema = z.object({
  v: z.literal(1),
  jobId: z.string(),
  userId: z.string(),
  createdAt: z.number(),
  consentAt: z.number(),
  extraPartnerParams: z.record(z.string(), z.string()),
  images: z.array(z.object({ file: z.string(), sha256: z.string(), bytes: z.number().int() })),
});
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

async function writeDurably(file: string, data: Uint8Array): Promise<void> {
  const handle = await openFile(file, 'w', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncDirectory(folder: string): Promise<void> {
  // Makes a rename durable on power loss. Windows cannot open directories; there NTFS journals the rename.
  if (process.platform === 'win32') return;
  const handle = await openFile(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export class JobFolders {
  constructor(
    readonly root: string,
    private readonly key: Uint8Array,
  ) {}

  folderOf(jobId: string): string {
    return path.join(this.root, jobId);
  }

  private sealFor(jobId: string, file: string, data: Uint8Array): Buffer {
    return seal(this.key, data, `${jobId}/${file}`);
  }

  private openFor(jobId: string, file: string, data: Uint8Array): Buffer {
    return open(this.key, data, `${jobId}/${file}`);
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
    const manifest: Manifest = {
      v: 1,
      jobId,
      userId: record.userId,
      createdAt: record.createdAt,
      consentAt,
      extraPartnerParams: extras,
      images: files.map(([file, bytes]) => ({ file, sha256: sha256(bytes), bytes: bytes.length })),
    };
    const temp = path.join(this.root, `${TEMP_PREFIX}${jobId}`);
    await mkdir(temp, { recursive: true, mode: 0o700 });
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
    const all: [string, Uint8Array][] = [
      ...files,
      ['manifest.bin', encode(manifest)],
      ['record.bin', encode(record)],
    ];
    await Promise.all(
      all.map(([file, data]) => writeDurably(path.join(temp, file), this.sealFor(jobId, file, data))),
    );
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

  /** Decrypts the images and checks each against the manifest's checksum. */
  async readCapture(jobId: string): Promise<StoredCapture> {
    const manifest = await this.readManifest(jobId);
    const images = await Promise.all(
      manifest.images.map(async (image) => {
        const bytes = this.openFor(
          jobId,
          image.file,
          await readFile(path.join(this.folderOf(jobId), image.file)),
        );
        if (sha256(bytes) !== image.sha256)
          throw new JobFolderError(jobId, `${image.file} does not match its checksum`);
        return bytes;
      }),
    );
    const [selfie, ...liveness] = images;
    if (!selfie) throw new JobFolderError(jobId, 'the manifest lists no selfie');
    return { manifest, selfie, liveness };
  }

  /** Deletes the images, and any temp file a crash left mid-write of record.bin (sealed records, no images). */
  async deleteImages(jobId: string): Promise<void> {
    const manifest = await this.readManifest(jobId);
    const folder = this.folderOf(jobId);
    const leftovers = (await readdir(folder)).filter((file) => file.startsWith('record.bin.tmp-'));
    await Promise.all(
      [...manifest.images.map((image) => image.file), ...leftovers].map((file) =>
        unlink(path.join(folder, file)).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        }),
      ),
    );
  }

  async remove(jobId: string): Promise<void> {
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
