// The operator PIN: what a new one must look like, which older ones still sign in, and how it is stored. A new
// PIN has 6 to 12 digits; a PIN of 4 or 5 digits set before that rule still verifies, but only to choose a new
// one (verifyPin in the settings store says a change is required). The hash is scrypt peppered with a key from
// the vault (peppered-hash.ts), and the lockout (pin-lockout.ts) limits online guesses.
import { LEGACY_PIN_PATTERN, OPERATOR_PIN_PATTERN, OPERATOR_PIN_RULE } from '../../app/ipc/channels';
import { hashPeppered, parsePepperedHash, verifyPeppered, type PepperedHash } from './peppered-hash';

export { OPERATOR_PIN_PATTERN, OPERATOR_PIN_RULE };
export { SCRYPT_PARAMS as PIN_SCRYPT_PARAMS } from './peppered-hash';

/** A PIN that may be set now. */
export function isValidPinFormat(pin: string): boolean {
  return OPERATOR_PIN_PATTERN.test(pin);
}

/** A PIN worth checking against the hash: the current rule, or an older, shorter PIN that must be changed. */
export function isCheckablePin(pin: string): boolean {
  return LEGACY_PIN_PATTERN.test(pin);
}

/** A right PIN that no longer meets the rule: it signs in only to set a new one. */
export function pinNeedsChange(pin: string): boolean {
  return !isValidPinFormat(pin);
}

export function hashPin(pin: string, pepper: Buffer): Promise<string> {
  return hashPeppered(pin, pepper);
}

/** False for a wrong PIN, another kiosk's pepper, and a stored value that is not a well-formed hash. */
export function verifyPin(pin: string, stored: string, pepper: Buffer): Promise<boolean> {
  return verifyPeppered(pin, stored, pepper);
}

export function parsePinHash(stored: string): PepperedHash | null {
  return parsePepperedHash(stored);
}
