// DEV AND TEST ONLY. Secrets encrypted with AES-256-GCM under a random key kept in `dev-vault.key` (mode 0600)
// beside them in `dev-vault.json`. Anyone who can read the data folder as this user can read the secrets, so
// real kiosks use the Electron safeStorage vault instead (main/electron/safe-storage-vault.ts).
import { chmod, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFile } from 'atomically';
import { z } from 'zod';
import { SerialQueue } from './serial-queue';
import { generateKey, KEY_BYTES, open, seal } from './aes-gcm';
import type { SecretName, SecretVault, VaultDescription } from './secret-vault';

const storeSchema = z.record(z.string(), z.string());

export const DEV_VAULT_KEY_FILE = 'dev-vault.key';
export const DEV_VAULT_FILE = 'dev-vault.json';

export class DevKeyFileVault implements SecretVault {
  private key: Buffer | null = null;
  // Serialises writes so two set() calls cannot lose one another's secret.
  private readonly writes = new SerialQueue();

  constructor(private readonly folder: string) {}

  describe(): VaultDescription {
    return { backend: 'dev-key-file', osProtected: false };
  }

  async get(name: SecretName): Promise<string | null> {
    const store = await this.readStore();
    const sealed = store[name];
    if (sealed === undefined) return null;
    return open(await this.loadKey(), Buffer.from(sealed, 'base64'), name).toString('utf8');
  }

  set(name: SecretName, value: string): Promise<void> {
    return this.writes.run(async () => {
      const store = await this.readStore();
      store[name] = seal(await this.loadKey(), Buffer.from(value, 'utf8'), name).toString('base64');
      await this.writeStore(store);
    });
  }

  delete(name: SecretName): Promise<void> {
    return this.writes.run(async () => {
      const { [name]: _removed, ...rest } = await this.readStore();
      await this.writeStore(rest);
    });
  }

  private async loadKey(): Promise<Buffer> {
    if (this.key) return this.key;
    const file = path.join(this.folder, DEV_VAULT_KEY_FILE);
    try {
      const key = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
      if (key.length !== KEY_BYTES) throw new Error(`${file} does not hold a ${KEY_BYTES}-byte key`);
      this.key = key;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await mkdir(this.folder, { recursive: true });
      const key = generateKey();
      await writeFile(file, key.toString('base64'), { mode: 0o600 });
      await chmod(file, 0o600);
      this.key = key;
    }
    return this.key;
  }

  private async readStore(): Promise<Record<string, string>> {
    try {
      return storeSchema.parse(JSON.parse(await readFile(path.join(this.folder, DEV_VAULT_FILE), 'utf8')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
  }

  private async writeStore(store: Record<string, string>): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    await writeFile(path.join(this.folder, DEV_VAULT_FILE), JSON.stringify(store), { mode: 0o600 });
  }
}
