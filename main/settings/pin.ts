// The operator PIN: what one looks like and how it is stored. A 4-digit PIN has only 10^4 values, so the hash
// cannot stop an offline guesser by itself; scrypt makes each guess cost ~0.1 s and ~32 MiB, and the lockout
// (pin-lockout.ts) limits online guesses. The stored form carries its parameters so they can be raised later
// without invalidating existing PINs.
import { randomBytes, scrypt, timingSafeEqual, type BinaryLike, type ScryptOptions } from 'node:crypto';
import { OPERATOR_PIN_PATTERN, OPERATOR_PIN_RULE } from '../../app/ipc/channels';

export { OPERATOR_PIN_PATTERN, OPERATOR_PIN_RULE };

export const PIN_SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const HASH_BYTES = 32;

// Parameters read from the file are bounded, so an edited file cannot make verification allocate gigabytes.
const MAX_LOG2_N = 20;
const MAX_R = 16;
const MAX_P = 4;

export interface PinHash {
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

export function isValidPinFormat(pin: string): boolean {
  return OPERATOR_PIN_PATTERN.test(pin);
}

/** `scrypt$N$r$p$saltB64$hashB64`, with a fresh random salt: two hashes of one PIN differ. */
export async function hashPin(pin: string): Promise<string> {
  const { N, r, p } = PIN_SCRYPT_PARAMS;
  const salt = randomBytes(SALT_BYTES);
  const hash = await scryptAsync(pin, salt, HASH_BYTES, { N, r, p, maxmem: maxmemFor(N, r) });
  return ['scrypt', N, r, p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** False for a wrong PIN and for a stored value that is not a well-formed hash. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parsed = parsePinHash(stored);
  if (!parsed) return false;
  const { N, r, p, salt, hash } = parsed;
  const candidate = await scryptAsync(pin, salt, hash.length, { N, r, p, maxmem: maxmemFor(N, r) });
  // Constant time, so the response time does not tell how many leading bytes matched.
  return timingSafeEqual(candidate, hash);
}

export function parsePinHash(stored: string): PinHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map((part) => (/^\d{1,8}$/.test(part) ? Number(part) : NaN));
  const salt = decodeBase64(parts[4] ?? '');
  const hash = decodeBase64(parts[5] ?? '');
  if (N === undefined || r === undefined || p === undefined || !salt || !hash) return null;
  const log2N = Math.log2(N);
  if (!Number.isInteger(log2N) || log2N < 1 || log2N > MAX_LOG2_N) return null;
  if (!(r >= 1 && r <= MAX_R && p >= 1 && p <= MAX_P)) return null;
  if (salt.length < 8 || hash.length < 16 || hash.length > 64) return null;
  return { N, r, p, salt, hash };
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
