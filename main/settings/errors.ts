// Typed failures of the settings file and of first-start provisioning. Both stop start-up with a message an
// installer can act on; neither is a KioskError, because neither is an answer to a renderer request.

export type SettingsFileErrorCode =
  /** conf / electron-store could not open or parse the file. */
  | 'unreadable'
  /** Written by a newer app version: migrating down is unknown, so the file is left exactly as it is. */
  | 'newer_version'
  /** A migration threw, or the migration list itself is malformed (a bug in this app). */
  | 'migration_failed'
  /** The file's seal does not match its content, or the seal was removed: it was changed outside the app. */
  | 'tampered'
  /** The file is sealed, but the vault does not hold the key (another install's vault, or a reset one). */
  | 'seal_key_missing';

export class SettingsFileError extends Error {
  constructor(
    readonly code: SettingsFileErrorCode,
    message: string,
    readonly action: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'SettingsFileError';
  }
}

export type ProvisioningSource = 'file' | 'env';

export class ProvisioningError extends Error {
  constructor(
    readonly source: ProvisioningSource,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ProvisioningError';
  }
}
