// What the format-2 index files hold. In both, the records are one sealed value (index-sealing.ts): the JSON
// around it holds only the format and the settled file's generation, so no user ID is ever in clear. A hot file
// of another generation than the settled file is left over from a compaction cut short after the settled file
// was written: that file holds all it held. Format 1 is read only, to migrate it.
import { z } from 'zod';
import { HOT_INDEX_FILE_NAME, SETTLED_INDEX_FILE_NAME } from './index-files';
import type { IndexSealer } from './index-sealing';
import type { JobRecord } from './job-record';

const INDEX_FORMAT = 2;

const sealedFileSchema = z.object({
  format: z.literal(INDEX_FORMAT),
  generation: z.number().int().nonnegative(),
  sealed: z.string(),
});

/** Job id → record, each validated on its own by the caller (one bad record does not cost the others). */
const recordsSchema = z.record(z.string(), z.unknown());
const hotContentSchema = z.object({
  records: recordsSchema,
  /** Ids removed since the compaction that the settled file still holds. */
  removed: z.array(z.string()),
});

export interface SettledContent {
  readonly generation: number;
  readonly records: Readonly<Record<string, unknown>>;
}

export interface HotContent extends SettledContent {
  readonly removed: readonly string[];
}

/** Decodes a file's store into its content, or throws when the file is not one this key wrote whole. */
export type IndexFileDecoder<T> = (store: Record<string, unknown>) => T;

export function decodeSettledFile(sealer: IndexSealer): IndexFileDecoder<SettledContent> {
  return (store) => {
    const file = sealedFileSchema.parse(store);
    const records = recordsSchema.parse(sealer.open(file.sealed, settledContext(file.generation)));
    return { generation: file.generation, records };
  };
}

export function decodeHotFile(sealer: IndexSealer): IndexFileDecoder<HotContent> {
  return (store) => {
    const file = sealedFileSchema.parse(store);
    const content = hotContentSchema.parse(sealer.open(file.sealed, hotContext(file.generation)));
    return { generation: file.generation, ...content };
  };
}

export function encodeSettledFile(
  sealer: IndexSealer,
  generation: number,
  records: Iterable<JobRecord>,
): Record<string, unknown> {
  const content = Object.fromEntries([...records].map((record) => [record.jobId, record]));
  return { format: INDEX_FORMAT, generation, sealed: sealer.seal(content, settledContext(generation)) };
}

export function encodeHotFile(
  sealer: IndexSealer,
  generation: number,
  records: Iterable<JobRecord>,
  removed: Iterable<string>,
): Record<string, unknown> {
  const content = {
    records: Object.fromEntries([...records].map((record) => [record.jobId, record])),
    removed: [...removed],
  };
  return { format: INDEX_FORMAT, generation, sealed: sealer.seal(content, hotContext(generation)) };
}

/** Format 1: the records in clear JSON inside conf's whole-file encryption. */
const legacyFileSchema = z.object({ version: z.literal(1), jobs: recordsSchema });

export function decodeLegacyFile(store: Record<string, unknown>): Readonly<Record<string, unknown>> {
  return legacyFileSchema.parse(store).jobs;
}

function settledContext(generation: number): string {
  return `${SETTLED_INDEX_FILE_NAME}/${generation}`;
}

function hotContext(generation: number): string {
  return `${HOT_INDEX_FILE_NAME}/${generation}`;
}
