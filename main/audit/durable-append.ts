// The few file operations the audit log needs to hold across a power cut: a new file's bytes and its name are
// on disk before the caller goes on, and so is a cut. (main/outbox/durable-files.ts does the same for job
// folders; the audit layer keeps its own so it does not depend on the outbox.)
import { open as openFile } from 'node:fs/promises';
import path from 'node:path';

export async function writeDurably(file: string, data: Uint8Array): Promise<void> {
  const handle = await openFile(file, 'w', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await syncDirectory(path.dirname(file));
}

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
  // Makes a new name or an unlink durable. Windows cannot open directories; there NTFS journals it.
  if (process.platform === 'win32') return;
  const handle = await openFile(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
