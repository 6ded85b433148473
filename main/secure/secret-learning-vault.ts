// A vault that tells the log scrubber every secret it reads or stores, so the API key is scrubbed from logs
// from the moment it exists — set at first start, entered later in Settings, or read on a restart — and not
// only when the host happened to read it at start-up.
import type { SecretName, SecretVault } from './secret-vault';

export interface SecretRegistry {
  register(secret: string | null | undefined): void;
}

/** Secrets worth scrubbing: what a log line could quote. The data key and settings keys never leave main. */
const SCRUBBED: ReadonlySet<SecretName> = new Set(['smileid.apiKey']);

export function secretLearningVault(vault: SecretVault, registry: SecretRegistry): SecretVault {
  return {
    async get(name) {
      const value = await vault.get(name);
      if (SCRUBBED.has(name)) registry.register(value);
      return value;
    },
    async set(name, value) {
      if (SCRUBBED.has(name)) registry.register(value);
      await vault.set(name, value);
    },
    delete: (name) => vault.delete(name),
    describe: () => vault.describe(),
  };
}
