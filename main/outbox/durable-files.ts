// File operations of the job folders that must hold across a power loss: the durable writes of
// main/storage/durable-writes.ts, and a destroyed file cannot be brought back from its old blocks by an undelete.
import { randomBytes } from 'node:crypto';
import { open as openFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { syncDirectory } from '../storage/durable-writes';

/**
 * Overwrites a file in place with random bytes (fsynced), then unlinks it and fsyncs its folder. An unlink
 * alone leaves the bytes in the freed blocks (and in every other link to the inode). In-place overwrite is what
 * the file system offers; a copy-on-write file system or an SSD's wear levelling may still keep an old block,
 * which is why only small key files are shredded and everything they protect is encrypted under them.
 * False if there was no such file (already destroyed).
 */
export async function shredFile(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await openFile(file, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    await handle.write(randomBytes(Math.max(size, 1)), 0, Math.max(size, 1), 0);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await unlink(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await syncDirectory(path.dirname(file));
  return true;
}
