// Opening a key-value file that may be damaged (truncated by a power cut, overwritten with garbage, encrypted
// under another key, or not in the expected format): the damaged file is moved aside for a human to look at,
// never deleted, and an empty file of the same name is opened in its place.
import { access, rename } from 'node:fs/promises';
import {
  keyValueFilePath,
  type KeyValueFile,
  type KeyValueFileSpec,
  type OpenKeyValueFileAt,
} from './key-value-file';

export interface OpenedKeyValueFile<T> {
  readonly file: KeyValueFile;
  /** What the file held, decoded; null when it did not exist or was set aside. */
  readonly content: T | null;
  /** Where the damaged file was moved, if it was. */
  readonly setAsidePath: string | null;
}

/**
 * Opens the file and decodes what it holds. `decode` validates (zod) and may decrypt; it throws when the file
 * is not what it should be, and the file is then set aside.
 */
export async function openOrSetAside<T>(
  open: OpenKeyValueFileAt,
  spec: KeyValueFileSpec,
  decode: (store: Record<string, unknown>) => T,
): Promise<OpenedKeyValueFile<T>> {
  const filePath = keyValueFilePath(spec);
  const existed = await exists(filePath);
  try {
    // conf and electron-store read (and decrypt) the file in their constructor already.
    const file = open(spec);
    if (!existed) return { file, content: null, setAsidePath: null };
    return { file, content: decode(file.store), setAsidePath: null };
  } catch (error) {
    // An I/O error (permissions, disk) is not damage: report it rather than set the file aside.
    if ((error as NodeJS.ErrnoException).code !== undefined) throw error;
  }
  const setAsidePath = `${filePath}.unreadable-${Date.now()}`;
  await rename(filePath, setAsidePath);
  return { file: open(spec), content: null, setAsidePath };
}

export async function exists(filePath: string): Promise<boolean> {
  try {
    await access(filePath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
