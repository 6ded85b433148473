// The outbox index: every job's record (no images), kept in memory and cached on disk for a fast start-up.
// Reads come from memory. Writes are coalesced: the job folder's record.bin is the durable truth written on
// every change, so the index files are a start-up cache that may lag by one flush interval; start-up reconciles
// them with the folders (recovery.ts).
//
// A write must not cost more as the queue grows, so the index is two files (index-files.ts): the records
// changed since the last compaction go to the small hot file, rewritten on each flush; every other record
// stays in the settled file, rewritten only when the hot file outgrows HOT_LIMIT (then both are rewritten:
// the compaction). Both are sealed under a key derived once, when the index opens (index-sealing.ts).
import { unlink } from 'node:fs/promises';
import { silentLogger, type Logger } from '../log';
import { keyValueFilePath, type KeyValueFile, type OpenKeyValueFileAt } from '../storage/key-value-file';
import { removeWriteLeftovers } from '../storage/write-leftovers';
import { encodeHotFile, encodeSettledFile } from './index-file-format';
import type { IndexFileSpecs } from './index-files';
import { loadIndexFiles } from './index-loading';
import { IndexSealer } from './index-sealing';
import { jobRecordSchema, type JobRecord } from './job-record';

/**
 * How many changed records (and removed ids) the hot file may hold before a flush compacts. A hot write
 * costs in proportion to this; a compaction costs in proportion to the whole index, once per this many
 * changed jobs.
 */
export const HOT_LIMIT = 128;

export interface IndexOpenReport {
  /** Where an unreadable index file was moved to, if it was (the first one, if several: all are logged). */
  readonly setAsidePath: string | null;
  /** Records that did not validate and were dropped (their folders bring them back). */
  readonly invalidRecords: number;
}

export interface JobIndexOptions {
  readonly openFile: OpenKeyValueFileAt;
  readonly specs: IndexFileSpecs;
  /** The per-install data key: the index's sealing key is derived from it. */
  readonly dataKey: Uint8Array;
  readonly flushDelayMs: number;
  readonly log?: Logger;
}

export class JobIndex {
  private readonly records = new Map<string, JobRecord>();
  /** The ids the settled file holds. */
  private settledIds = new Set<string>();
  /** The settled file's generation: a hot file of another one does not apply to it. */
  private generation = 0;
  /** Ids whose current record belongs in the hot file: changed since the last compaction. */
  private readonly hot = new Set<string>();
  /** Ids removed since the last compaction that the settled file still holds. */
  private readonly removed = new Set<string>();
  private flushTimer: NodeJS.Timeout | null = null;
  private dirty = false;

  private constructor(
    private readonly settledFile: KeyValueFile,
    private readonly hotFile: KeyValueFile,
    private readonly sealer: IndexSealer,
    private readonly flushDelayMs: number,
  ) {}

  static async open(options: JobIndexOptions): Promise<{ index: JobIndex; report: IndexOpenReport }> {
    const log = options.log ?? silentLogger;
    const { specs } = options;
    // Derived once here: no write or read after this derives a key again.
    const sealer = new IndexSealer(options.dataKey);
    const loaded = await loadIndexFiles(options.openFile, specs, sealer);
    for (const setAside of loaded.setAsidePaths) log.warn('index_unreadable_set_aside', { path: setAside });
    await Promise.all(
      [specs.settled, specs.hot, specs.legacy].map((spec) => removeWriteLeftovers(keyValueFilePath(spec))),
    );

    const index = new JobIndex(loaded.settledFile, loaded.hotFile, sealer, options.flushDelayMs);
    let invalidRecords = 0;
    const take = (records: Readonly<Record<string, unknown>>, then?: (jobId: string) => void) => {
      for (const [jobId, value] of Object.entries(records)) {
        const record = jobRecordSchema.safeParse(value);
        if (record.success && record.data.jobId === jobId) {
          index.records.set(jobId, record.data);
          then?.(jobId);
        } else {
          invalidRecords++;
        }
      }
    };
    if (loaded.settled) {
      index.generation = loaded.settled.generation;
      index.settledIds = new Set(Object.keys(loaded.settled.records));
      take(loaded.settled.records);
    }
    if (loaded.hot && loaded.hot.generation === index.generation) {
      take(loaded.hot.records, (jobId) => index.hot.add(jobId));
      for (const jobId of loaded.hot.removed) {
        if (!index.settledIds.has(jobId)) continue;
        index.records.delete(jobId);
        index.hot.delete(jobId);
        index.removed.add(jobId);
      }
    }
    if (loaded.legacy) {
      // Written out in format 2 at once, then the old file goes: a crash before that leaves it, and the next
      // start migrates it again.
      take(loaded.legacy.records);
      index.compact();
      await unlink(loaded.legacy.path);
      log.info('index_migrated', { fromFormat: 1, records: index.records.size });
    }
    // Left by a migration cut short after the new files were written: they hold everything it held.
    if (loaded.obsoleteLegacyPath) await unlink(loaded.obsoleteLegacyPath);
    return { index, report: { setAsidePath: loaded.setAsidePaths[0] ?? null, invalidRecords } };
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
    this.hot.add(record.jobId);
    this.removed.delete(record.jobId);
    this.scheduleFlush();
  }

  delete(jobId: string): void {
    if (!this.records.delete(jobId)) return;
    this.hot.delete(jobId);
    if (this.settledIds.has(jobId)) this.removed.add(jobId);
    this.scheduleFlush();
  }

  /** Writes the index files now (on shutdown, and in tests). */
  flush(): void {
    this.cancelFlush();
    if (!this.dirty) return;
    this.dirty = false;
    if (this.hot.size + this.removed.size > HOT_LIMIT) this.compact();
    else this.writeHot();
  }

  /**
   * Rewrites the settled file with every record under the next generation, then empties the hot file. A crash
   * in between leaves a hot file of the old generation, which the next open ignores: the settled file already
   * holds everything it held.
   */
  compact(): void {
    this.cancelFlush();
    this.dirty = false;
    const generation = this.generation + 1;
    this.settledFile.store = encodeSettledFile(this.sealer, generation, this.records.values());
    this.generation = generation;
    this.settledIds = new Set(this.records.keys());
    this.hot.clear();
    this.removed.clear();
    this.writeHot();
  }

  private writeHot(): void {
    const records: JobRecord[] = [];
    for (const jobId of this.hot) {
      const record = this.records.get(jobId);
      if (record) records.push(record);
    }
    this.hotFile.store = encodeHotFile(this.sealer, this.generation, records, this.removed);
  }

  private scheduleFlush(): void {
    this.dirty = true;
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => this.flush(), this.flushDelayMs);
    this.flushTimer.unref();
  }

  private cancelFlush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
  }
}
