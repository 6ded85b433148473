// How the operator PIN and the recovery code are stored: scrypt with a per-hash salt, then HMAC-SHA256 under a
// pepper that lives only in the vault (settings-keys.ts). A copy of the settings file alone is then worthless to
// an offline guesser, however short the secret: without the pepper no guess can be checked. scrypt still makes
// each guess cost ~0.1 s and ~32 MiB for whoever also has the pepper. The stored form carries its parameters,
// so they can be raised later without invalidating existing hashes.
//   scrypt-hmac$N$r$p$dkLen$saltB64$tagB64      tag = HMAC-SHA256(pepper, scrypt(secret, salt, dkLen))
// A hash written before the pepper existed (`scrypt$N$r$p$salt$hash`) is wrapped without knowing the secret:
// its scrypt output becomes the input of the HMAC (pepperLegacyHash).
import {
  createHmac,
  randomBytes,
  scrypt,
  timingSafeEqual,
  type BinaryLike,
  type ScryptOptions,
} from 'node:crypto';

export const PEPPERED_SCRYPT_ID = 'scrypt-hmac';
const LEGACY_SCRYPT_ID = 'scrypt';

export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const DK_BYTES = 32;
const TAG_BYTES = 32;

// Parameters read from the file are bounded, so an edited file cannot make verification allocate gigabytes.
const MAX_LOG2_N = 20;
const MAX_R = 16;
const MAX_P = 4;

export interface PepperedHash {
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly dkLen: number;
  readonly salt: Buffer;
  readonly tag: Buffer;
}

/** A fresh random salt each time: two hashes of one secret differ. */
export async function hashPeppered(secret: string, pepper: Buffer): Promise<string> {
  const { N, r, p } = SCRYPT_PARAMS;
  const salt = randomBytes(SALT_BYTES);
  const derived = await scryptAsync(secret, salt, DK_BYTES, { N, r, p, maxmem: maxmemFor(N, r) });
  return format({ N, r, p, dkLen: DK_BYTES, salt, tag: hmac(pepper, derived) });
}

/** False for a wrong secret, a wrong pepper, and a stored value that is not a well-formed peppered hash. */
export async function verifyPeppered(secret: string, stored: string, pepper: Buffer): Promise<boolean> {
  const parsed = parsePepperedHash(stored);
  if (!parsed) return false;
  const { N, r, p, dkLen, salt, tag } = parsed;
  const derived = await scryptAsync(secret, salt, dkLen, { N, r, p, maxmem: maxmemFor(N, r) });
  // Constant time, so the response time does not tell how many leading bytes matched.
  return timingSafeEqual(hmac(pepper, derived), tag);
}

export function parsePepperedHash(stored: string): PepperedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 7 || parts[0] !== PEPPERED_SCRYPT_ID) return null;
  const numbers = parseParams(parts.slice(1, 5));
  const salt = decodeBase64(parts[5] ?? '');
  const tag = decodeBase64(parts[6] ?? '');
  if (!numbers || !salt || !tag || tag.length !== TAG_BYTES) return null;
  const [N, r, p, dkLen] = numbers;
  if (!validCost(N, r, p) || dkLen < 16 || dkLen > 64 || salt.length < 8) return null;
  return { N, r, p, dkLen, salt, tag };
}

/**
 * A hash from before the pepper (`scrypt$N$r$p$salt$hash`) in the peppered form, so it verifies the same secret
 * and a copy of the file no longer lets anyone test guesses. Null when `legacy` is not such a hash.
 */
export function pepperLegacyHash(legacy: string, pepper: Buffer): string | null {
  const parsed = parseLegacyHash(legacy);
  if (!parsed) return null;
  const { N, r, p, salt, hash } = parsed;
  return format({ N, r, p, dkLen: hash.length, salt, tag: hmac(pepper, hash) });
}

/** Whether `stored` is a well-formed unpeppered hash, the kind pepperLegacyHash() converts. */
export function isLegacyHash(stored: string): boolean {
  return parseLegacyHash(stored) !== null;
}

function parseLegacyHash(
  stored: string,
): { N: number; r: number; p: number; salt: Buffer; hash: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== LEGACY_SCRYPT_ID) return null;
  const numbers = parseParams(parts.slice(1, 4));
  const salt = decodeBase64(parts[4] ?? '');
  const hash = decodeBase64(parts[5] ?? '');
  if (!numbers || !salt || !hash) return null;
  const [N, r, p] = numbers;
  if (!validCost(N, r, p) || salt.length < 8 || hash.length < 16 || hash.length > 64) return null;
  return { N, r, p, salt, hash };
}

function format(hash: PepperedHash): string {
  const { N, r, p, dkLen, salt, tag } = hash;
  return [PEPPERED_SCRYPT_ID, N, r, p, dkLen, salt.toString('base64'), tag.toString('base64')].join('$');
}

function hmac(pepper: Buffer, data: Buffer): Buffer {
  return createHmac('sha256', pepper).update(data).digest();
}

/** The numeric fields of a stored hash (3 or 4 of them), or null if any is not a small decimal number. */
function parseParams(parts: readonly string[]): [number, number, number, number] | null {
  const values = parts.map((part) => (/^\d{1,8}$/.test(part) ? Number(part) : NaN));
  if (values.some((value) => Number.isNaN(value))) return null;
  return [values[0] ?? 0, values[1] ?? 0, values[2] ?? 0, values[3] ?? 0];
}

function validCost(N: number, r: number, p: number): boolean {
  const log2N = Math.log2(N);
  return (
    Number.isInteger(log2N) &&
    log2N >= 1 &&
    log2N <= MAX_LOG2_N &&
    r >= 1 &&
    r <= MAX_R &&
    p >= 1 &&
    p <= MAX_P
  );
}

// scrypt needs ~128·N·r bytes; Node's default maxmem (32 MiB) is exactly that for N=2^15, r=8 and is refused.
function maxmemFor(N: number, r: number): number {
  return 2 * 128 * N * r;
}

function decodeBase64(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  return Buffer.from(text, 'base64');
}

function scryptAsync(
  password: BinaryLike,
  salt: BinaryLike,
  keylen: number,
  options: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keylen, options, (error, derived) => (error ? reject(error) : resolve(derived)));
  });
}
