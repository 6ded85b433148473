// The file operations that must hold across a power cut, shared by the outbox's job folders and the audit log:
// a write (or a cut) is on disk before the caller goes on, and so is a new name or an unlink once its folder
// is synced.
import { open as openFile } from 'node:fs/promises';

/** Writes the whole file (0600) and fsyncs it. A new name needs syncDirectory too. */
export async function writeDurably(file: string, data: Uint8Array): Promise<void> {
  const handle = await openFile(file, 'w', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Cuts the file to `length` bytes and fsyncs it. */
export async function truncateDurably(file: string, length: number): Promise<void> {
  const handle = await openFile(file, 'r+');
  try {
    await handle.truncate(length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function syncDirectory(folder: string): Promise<void> {
  // Makes a rename, a new name or an unlink durable. Windows cannot open directories; there NTFS journals it.
  if (process.platform === 'win32') return;
  const handle = await openFile(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
