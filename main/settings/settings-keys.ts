// The settings file's two keys, kept together in the vault as 'settings.keys' and made once per install:
//   - the pepper of the PIN and recovery-code hashes (peppered-hash.ts), so a copied settings file cannot be
//     brute-forced without the vault;
//   - the key of the file's HMAC seal (file-seal.ts), so an edited file is refused instead of trusted.
// `fileSealed` records that a sealed settings file has been written since: from then on a file without a seal
// (or no file at all) means someone removed it, never "a file from before sealing existed".
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { SecretVault } from '../secure/secret-vault';
import { SettingsFileError } from './errors';

const KEY_BYTES = 32;
const VAULT_NAME = 'settings.keys';

export interface SettingsKeys {
  readonly pepper: Buffer;
  readonly macKey: Buffer;
  /** A sealed settings file was written with these keys. */
  readonly fileSealed: boolean;
}

export type SettingsKeyVault = Pick<SecretVault, 'get' | 'set'>;

const base64Key = z
  .string()
  .regex(/^[A-Za-z0-9+/]+={0,2}$/)
  .transform((text) => Buffer.from(text, 'base64'))
  .refine((key) => key.length === KEY_BYTES, `expected ${KEY_BYTES} bytes`);

// What the vault gives back is read like any input from outside the process.
const storedKeysSchema = z
  .string()
  .transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: 'custom', message: 'not JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.object({ pepper: base64Key, macKey: base64Key, fileSealed: z.boolean() }).strict());

/** The keys, or null when this install has none yet (nothing sealed was ever written with them). */
export async function loadSettingsKeys(vault: SettingsKeyVault): Promise<SettingsKeys | null> {
  const stored = await vault.get(VAULT_NAME);
  if (stored === null) return null;
  const parsed = storedKeysSchema.safeParse(stored);
  if (!parsed.success) {
    throw new SettingsFileError(
      'seal_key_missing',
      "The secret store's entry for the settings file's keys is damaged, so the settings file cannot be checked.",
      'Restore the secret store from a backup, or set the kiosk up again (move the settings file and the secret ' +
        'store aside and provision it anew).',
    );
  }
  return parsed.data;
}

/** New random keys, saved before anything is sealed with them. */
export async function createSettingsKeys(vault: SettingsKeyVault): Promise<SettingsKeys> {
  const keys: SettingsKeys = {
    pepper: randomBytes(KEY_BYTES),
    macKey: randomBytes(KEY_BYTES),
    fileSealed: false,
  };
  await save(vault, keys);
  return keys;
}

/** Called once a sealed file is on disk: only then may a missing seal be taken for tampering. */
export async function markFileSealed(vault: SettingsKeyVault, keys: SettingsKeys): Promise<SettingsKeys> {
  if (keys.fileSealed) return keys;
  const sealed = { ...keys, fileSealed: true };
  await save(vault, sealed);
  return sealed;
}

function save(vault: SettingsKeyVault, keys: SettingsKeys): Promise<void> {
  return vault.set(
    VAULT_NAME,
    JSON.stringify({
      pepper: keys.pepper.toString('base64'),
      macKey: keys.macKey.toString('base64'),
      fileSealed: keys.fileSealed,
    }),
  );
}
