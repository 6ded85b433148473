// Reading the index files at start-up (index-files.ts): each damaged one is set aside, never deleted; the
// format-1 file is read only when no format-2 settled file was ever written (a first start after the update).
import { keyValueFilePath, type KeyValueFile, type OpenKeyValueFileAt } from '../storage/key-value-file';
import { exists, openOrSetAside } from '../storage/set-aside';
import {
  decodeHotFile,
  decodeLegacyFile,
  decodeSettledFile,
  type HotContent,
  type SettledContent,
} from './index-file-format';
import type { IndexFileSpecs } from './index-files';
import type { IndexSealer } from './index-sealing';

export interface LoadedIndexFiles {
  readonly settledFile: KeyValueFile;
  readonly hotFile: KeyValueFile;
  /** What each file held; null when it did not exist or was set aside. */
  readonly settled: SettledContent | null;
  readonly hot: HotContent | null;
  /** The format-1 records to migrate (validated one by one by the caller), and the file to delete after. */
  readonly legacy: { readonly records: Readonly<Record<string, unknown>>; readonly path: string } | null;
  /** A format-1 file beside a format-2 settled file: a migration was cut short after its write. */
  readonly obsoleteLegacyPath: string | null;
  readonly setAsidePaths: readonly string[];
}

export async function loadIndexFiles(
  open: OpenKeyValueFileAt,
  specs: IndexFileSpecs,
  sealer: IndexSealer,
): Promise<LoadedIndexFiles> {
  const settled = await openOrSetAside(open, specs.settled, decodeSettledFile(sealer));
  const hot = await openOrSetAside(open, specs.hot, decodeHotFile(sealer));
  const setAsidePaths = [settled.setAsidePath, hot.setAsidePath].filter((p): p is string => p !== null);

  let legacy: LoadedIndexFiles['legacy'] = null;
  let obsoleteLegacyPath: string | null = null;
  const legacyPath = keyValueFilePath(specs.legacy);
  if (await exists(legacyPath)) {
    // A settled file that exists, even one set aside just now, was written after the migration: the
    // format-1 file is older than it.
    const settledExisted = settled.content !== null || settled.setAsidePath !== null;
    if (settledExisted) {
      obsoleteLegacyPath = legacyPath;
    } else {
      const opened = await openOrSetAside(open, specs.legacy, decodeLegacyFile);
      if (opened.setAsidePath) setAsidePaths.push(opened.setAsidePath);
      if (opened.content) legacy = { records: opened.content, path: legacyPath };
    }
  }
  return {
    settledFile: settled.file,
    hotFile: hot.file,
    settled: settled.content,
    hot: hot.content,
    legacy,
    obsoleteLegacyPath,
    setAsidePaths,
  };
}
