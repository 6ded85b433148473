// Where main keeps its secrets (the Smile ID API key, the per-install data key, the settings file's pepper and
// seal key). Implementations:
//   - main/electron/safe-storage-vault.ts — Electron safeStorage (OS keychain / DPAPI / libsecret), production;
//   - dev-key-file-vault.ts — a 0600 key file, for the dev host and tests only.
export type SecretName = 'smileid.apiKey' | 'outbox.dataKey' | 'settings.keys' | 'settings.recoveryCode';

export interface VaultDescription {
  /** e.g. "safeStorage:gnome_libsecret", "dev-key-file". */
  readonly backend: string;
  /** False where the backend protects secrets only by file permissions. */
  readonly osProtected: boolean;
}

export interface SecretVault {
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string): Promise<void>;
  delete(name: SecretName): Promise<void>;
  describe(): VaultDescription;
}

export class VaultUnavailableError extends Error {
  constructor(
    message: string,
    readonly action: string,
  ) {
    super(message);
    this.name = 'VaultUnavailableError';
  }
}
