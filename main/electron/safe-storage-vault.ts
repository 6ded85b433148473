// The production vault: secrets encrypted with Electron safeStorage (DPAPI on Windows, the keychain on macOS,
// libsecret/kwallet on Linux) and kept as base64 blobs in `<userData>/vault.json`. On Linux without a keyring
// Electron falls back to "basic_text" — a hard-coded key, i.e. no protection — which is refused unless the
// operator explicitly allowed weak storage in settings.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFile } from 'atomically';
import { safeStorage } from 'electron';
import { z } from 'zod';
import { SerialQueue } from '../secure/serial-queue';
import { isBackendAcceptable } from '../secure/storage-policy';
import {
  VaultUnavailableError,
  type SecretName,
  type SecretVault,
  type VaultDescription,
} from '../secure/secret-vault';

const storeSchema = z.record(z.string(), z.string());
export const VAULT_FILE = 'vault.json';

export class SafeStorageVault implements SecretVault {
  private readonly writes = new SerialQueue();

  constructor(
    private readonly folder: string,
    private readonly allowWeakStorage: () => boolean,
  ) {}

  describe(): VaultDescription {
    const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os';
    return { backend: `safeStorage:${backend}`, osProtected: backend !== 'basic_text' };
  }

  async get(name: SecretName): Promise<string | null> {
    this.assertUsable();
    const sealed = (await this.readStore())[name];
    return sealed === undefined ? null : safeStorage.decryptString(Buffer.from(sealed, 'base64'));
  }

  set(name: SecretName, value: string): Promise<void> {
    return this.writes.run(async () => {
      this.assertUsable();
      const store = await this.readStore();
      store[name] = safeStorage.encryptString(value).toString('base64');
      await writeFile(path.join(this.folder, VAULT_FILE), JSON.stringify(store), { mode: 0o600 });
    });
  }

  delete(name: SecretName): Promise<void> {
    return this.writes.run(async () => {
      const { [name]: _removed, ...rest } = await this.readStore();
      await writeFile(path.join(this.folder, VAULT_FILE), JSON.stringify(rest), { mode: 0o600 });
    });
  }

  private assertUsable(): void {
    const verdict = isBackendAcceptable(
      process.platform,
      safeStorage.isEncryptionAvailable(),
      process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null,
      this.allowWeakStorage(),
    );
    if (!verdict.ok) throw new VaultUnavailableError(verdict.reason, verdict.action);
  }

  private async readStore(): Promise<Record<string, string>> {
    try {
      return storeSchema.parse(JSON.parse(await readFile(path.join(this.folder, VAULT_FILE), 'utf8')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
  }
}
