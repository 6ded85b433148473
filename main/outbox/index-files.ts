// The outbox index's files in the data folder (their content: index-file-format.ts):
//   outbox-index-settled.json  every record as of the last compaction; rewritten only by a compaction
//   outbox-index-hot.json      the records changed (and the ids removed) since then; small, rewritten on
//                              every flush, and folded into the settled file once it grows past a limit
//   outbox-index.json          format 1 (one conf-encrypted `{version: 1, jobs}`), read once to migrate
import type { KeyValueFileSpec } from '../storage/key-value-file';

export const SETTLED_INDEX_FILE_NAME = 'outbox-index-settled';
export const HOT_INDEX_FILE_NAME = 'outbox-index-hot';
export const LEGACY_INDEX_FILE_NAME = 'outbox-index';

/** The index holds user IDs, sealed or not: owner-only, like the job folders. */
const OWNER_ONLY = 0o600;

export interface IndexFileSpecs {
  readonly settled: KeyValueFileSpec;
  readonly hot: KeyValueFileSpec;
  /** Format 1, encrypted by conf / electron-store with the data key in hex, as format 1 was written. */
  readonly legacy: KeyValueFileSpec;
}

export function indexFileSpecs(dataDir: string, dataKey: Uint8Array): IndexFileSpecs {
  return {
    settled: { folder: dataDir, name: SETTLED_INDEX_FILE_NAME, fileMode: OWNER_ONLY },
    hot: { folder: dataDir, name: HOT_INDEX_FILE_NAME, fileMode: OWNER_ONLY },
    legacy: {
      folder: dataDir,
      name: LEGACY_INDEX_FILE_NAME,
      encryptionKey: Buffer.from(dataKey).toString('hex'),
      fileMode: OWNER_ONLY,
    },
  };
}
