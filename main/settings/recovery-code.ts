// The supervisor recovery code: made when the first PIN is set (and again after each use), shown once, kept
// only as a peppered hash. Whoever holds it can set a new PIN — on a kiosk whose PIN was forgotten, or one that
// is locked because its PIN hash can no longer be read. 20 characters of Crockford base32 (100 bits): nobody
// guesses it, so its lockout only keeps the kiosk's CPU from being spent on scrypt.
import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 20;
const GROUP = 5;

/** e.g. `7K2MQ-X9D4A-0ZC3R-HT5WE`. */
export function generateRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return formatRecoveryCode(code);
}

/**
 * The code as hashed: upper case without spaces or dashes, with the letters people confuse mapped as Crockford
 * does (I, L → 1; O → 0). Null when it cannot be a recovery code at all.
 */
export function normaliseRecoveryCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (code.length !== LENGTH) return null;
  for (const character of code) if (!ALPHABET.includes(character)) return null;
  return code;
}

function formatRecoveryCode(code: string): string {
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += GROUP) groups.push(code.slice(i, i + GROUP));
  return groups.join('-');
}
