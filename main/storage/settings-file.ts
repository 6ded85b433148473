// Where the kiosk's settings live: one key-value file in the data folder, in clear (it holds no secret: the
// API key is in the vault, the PIN only as a hash).
import type { KeyValueFileSpec } from './key-value-file';

/** conf's `configName` / electron-store's `name`: the file is `<folder>/kiosk-settings.json`. */
export const SETTINGS_FILE_NAME = 'kiosk-settings';

export function settingsFileSpec(folder: string): KeyValueFileSpec {
  // Owner-only: it holds the PIN's and the recovery code's (peppered) hashes and the lockout counter.
  return { folder, name: SETTINGS_FILE_NAME, fileMode: 0o600 };
}
