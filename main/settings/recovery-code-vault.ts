// Where the supervisor recovery code's hash is kept: in the vault, not in the settings file, so it outlives the
// file — a settings file that was deleted, or moved aside after failing its seal, leaves the kiosk locked, and
// the recovery code is then still the way back in. Only the peppered hash is stored (peppered-hash.ts).
import { z } from 'zod';
import type { SecretVault } from '../secure/secret-vault';
import { parsePepperedHash } from './peppered-hash';

const VAULT_NAME = 'settings.recoveryCode';

// Read like any input from outside the process: an entry that is not a peppered hash counts as no code.
const storedHashSchema = z.string().refine((value) => parsePepperedHash(value) !== null);

export async function loadRecoveryCodeHash(vault: Pick<SecretVault, 'get'>): Promise<string | null> {
  const parsed = storedHashSchema.safeParse(await vault.get(VAULT_NAME));
  return parsed.success ? parsed.data : null;
}

export function saveRecoveryCodeHash(vault: Pick<SecretVault, 'set'>, hash: string): Promise<void> {
  return vault.set(VAULT_NAME, hash);
}
