// The outbox index: every job's record (no images), in one electron-store file (conf when running in plain
// Node — the same file format). Reads come from memory. Writes are coalesced: the job folder's record.bin is
// the durable truth written on every change, so the index file is a fast start-up cache that may lag by one
// flush interval; start-up reconciles it with the folders (recovery.ts).
import { readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { jobRecordSchema, type JobRecord } from './job-record';

export const INDEX_FILE_NAME = 'outbox-index';

/** The part of Conf / ElectronStore the index uses: both read and replace the whole store through `.store`. */
export interface KeyValueFile {
  store: Record<string, unknown>;
  readonly path: string;
}

export type OpenKeyValueFile = () => KeyValueFile;

const indexFileSchema = z.object({ version: z.literal(1), jobs: z.record(z.string(), z.unknown()) });

export interface IndexOpenReport {
  /** Where an unreadable index file was moved to, if it was. */
  readonly setAsidePath: string | null;
  /** Records that did not validate and were dropped (their folders bring them back). */
  readonly invalidRecords: number;
}

export class JobIndex {
  private readonly records = new Map<string, JobRecord>();
  private flushTimer: NodeJS.Timeout | null = null;
  private dirty = false;

  private constructor(
    private file: KeyValueFile,
    private readonly flushDelayMs: number,
  ) {}

  static async open(
    openFile: OpenKeyValueFile,
    filePath: string,
    flushDelayMs: number,
  ): Promise<{ index: JobIndex; report: IndexOpenReport }> {
    let file: KeyValueFile;
    let setAsidePath: string | null = null;
    let raw: unknown;
    try {
      // conf and electron-store read (and decrypt) the file in their constructor already.
      file = openFile();
      raw = file.store;
    } catch (error) {
      // Truncated, garbage or undecryptable: keep it for a human to look at, start an empty index; the job
      // folders hold every record, so recovery rebuilds it.
      // An I/O error (permissions, disk) is not damage: report it rather than set the file aside.
      if ((error as NodeJS.ErrnoException).code !== undefined) throw error;
      setAsidePath = `${filePath}.unreadable-${Date.now()}`;
      await rename(filePath, setAsidePath);
      file = openFile();
      raw = {};
    }
    await removeTempLeftovers(filePath);
    const index = new JobIndex(file, flushDelayMs);
    const parsed = indexFileSchema.safeParse(raw);
    let invalidRecords = 0;
    if (parsed.success) {
      for (const [jobId, value] of Object.entries(parsed.data.jobs)) {
        const record = jobRecordSchema.safeParse(value);
        if (record.success && record.data.jobId === jobId) index.records.set(jobId, record.data);
        else invalidRecords++;
      }
    }
    return { index, report: { setAsidePath, invalidRecords } };
  }

  get size(): number {
    return this.records.size;
  }

  get(jobId: string): JobRecord | undefined {
    return this.records.get(jobId);
  }

  all(): IterableIterator<JobRecord> {
    return this.records.values();
  }

  ids(): IterableIterator<string> {
    return this.records.keys();
  }

  put(record: JobRecord): void {
    this.records.set(record.jobId, record);
    this.scheduleFlush();
  }

  delete(jobId: string): void {
    if (this.records.delete(jobId)) this.scheduleFlush();
  }

  /** Writes the index file now (on shutdown, and in tests). */
  flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (!this.dirty) return;
    this.dirty = false;
    this.file.store = { version: 1, jobs: Object.fromEntries(this.records) };
  }

  private scheduleFlush(): void {
    this.dirty = true;
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => this.flush(), this.flushDelayMs);
    this.flushTimer.unref();
  }
}

/** A crash mid-write leaves `<file>.tmp-*` beside the index (atomic writes go through a temp file). */
async function removeTempLeftovers(filePath: string): Promise<void> {
  const prefix = `${path.basename(filePath)}.tmp-`;
  const folder = path.dirname(filePath);
  const leftovers = (await readdir(folder)).filter((name) => name.startsWith(prefix));
  await Promise.all(leftovers.map((name) => unlink(path.join(folder, name))));
}
