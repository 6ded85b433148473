// The index file in plain Node (dev host, tests, benchmarks): conf, which electron-store extends, so the
// file is the same one the Electron shell opens with electron-store (`name` there is `configName` here).
import Conf from 'conf';
import { INDEX_FILE_NAME, type KeyValueFile } from './job-index';

export function openConfIndexFile(folder: string, encryptionKey: string): KeyValueFile {
  return new Conf<Record<string, unknown>>({
    cwd: folder,
    configName: INDEX_FILE_NAME,
    encryptionKey,
    encryptionAlgorithm: 'aes-256-gcm',
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
    configFileMode: 0o600,
  });
}
