// Free space on the data folder's volume, for the offline budget and the health status.
import { statfs } from 'node:fs/promises';
import type { Logger } from '../log';

/** Bytes an unprivileged process may still write there, or null when the platform cannot tell. */
export async function freeDiskBytes(folder: string, log: Logger): Promise<number | null> {
  try {
    const stats = await statfs(folder);
    return stats.bavail * stats.bsize;
  } catch (error) {
    log.warn('statfs_failed', { error: String(error) });
    return null;
  }
}
