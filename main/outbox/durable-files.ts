// File operations of the job folders that must hold across a power loss: a write is on disk before the caller
// goes on, and a destroyed file cannot be brought back from its old blocks by an undelete.
import { randomBytes } from 'node:crypto';
import { open as openFile, unlink } from 'node:fs/promises';
import path from 'node:path';

export async function writeDurably(file: string, data: Uint8Array): Promise<void> {
  const handle = await openFile(file, 'w', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function syncDirectory(folder: string): Promise<void> {
  // Makes a rename or unlink durable on power loss. Windows cannot open directories; there NTFS journals it.
  if (process.platform === 'win32') return;
  const handle = await openFile(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

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
