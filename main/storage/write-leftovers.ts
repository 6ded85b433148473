// conf and electron-store write a file atomically: into `<file>.tmp-*` beside it, then a rename. A crash
// mid-write leaves that temporary file behind; the file itself is still the old one, whole.
import { readdir, unlink } from 'node:fs/promises';
import path from 'node:path';

export async function removeWriteLeftovers(filePath: string): Promise<void> {
  const prefix = `${path.basename(filePath)}.tmp-`;
  const folder = path.dirname(filePath);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    // No folder yet (first start): nothing was ever written there.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const leftovers = names.filter((name) => name.startsWith(prefix));
  await Promise.all(leftovers.map((name) => unlink(path.join(folder, name))));
}
