// The settings file in plain Node (dev host, tests): conf, the same file electron-store opens in the shell.
import Conf from 'conf';
import type { KeyValueFile } from '../outbox/job-index';
import { SETTINGS_FILE_NAME } from './settings-store';

export function openConfSettingsFile(folder: string): KeyValueFile {
  return new Conf<Record<string, unknown>>({
    cwd: folder,
    configName: SETTINGS_FILE_NAME,
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
  });
}
