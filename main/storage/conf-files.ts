// The key-value files in plain Node (dev host, tests, benchmarks): conf, which electron-store extends, opened
// with the options the Electron shell gives electron-store (main/electron/electron-store-files.ts), so both
// hosts read and write the same bytes.
import Conf from 'conf';
import { keyValueFileOptions, type KeyValueFile, type KeyValueFileSpec } from './key-value-file';
import { settingsFileSpec } from './settings-file';

export function openConfFile(spec: KeyValueFileSpec): KeyValueFile {
  return new Conf<Record<string, unknown>>({ ...keyValueFileOptions(spec), configName: spec.name });
}

export function openConfSettingsFile(folder: string): KeyValueFile {
  return openConfFile(settingsFileSpec(folder));
}
