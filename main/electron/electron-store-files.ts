// The key-value files in the Electron shell: electron-store, opened with the options conf gets in plain Node
// (main/storage/conf-files.ts), so the dev host and the kiosk read and write the same bytes.
import Store from 'electron-store';
import { keyValueFileOptions, type KeyValueFile, type KeyValueFileSpec } from '../storage/key-value-file';
import { settingsFileSpec } from '../storage/settings-file';

export function openElectronStoreFile(spec: KeyValueFileSpec): KeyValueFile {
  return new Store<Record<string, unknown>>({ ...keyValueFileOptions(spec), name: spec.name });
}

export function openElectronStoreSettingsFile(folder: string): KeyValueFile {
  return openElectronStoreFile(settingsFileSpec(folder));
}
