import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  lockDurationMs,
  lockEnd,
  MAX_PIN_FAILURES,
  NO_PIN_FAILURES,
  PIN_LOCK_STEPS_MS,
  remainingTries,
} from '../../main/settings/pin-lockout';
import {
  hashPin,
  isCheckablePin,
  isValidPinFormat,
  parsePinHash,
  PIN_SCRYPT_PARAMS,
  pinNeedsChange,
  verifyPin,
} from '../../main/settings/pin';
import { generateRecoveryCode, normaliseRecoveryCode } from '../../main/settings/recovery-code';

const pepper = randomBytes(32);

describe('PIN hashing', () => {
  it('stores scrypt-hmac$N$r$p$dkLen$salt$tag with a 16-byte salt and the agreed parameters', async () => {
    const stored = await hashPin('246810', pepper);
    expect(stored).toMatch(/^scrypt-hmac\$32768\$8\$1\$32\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    const parsed = parsePinHash(stored)!;
    expect(parsed).toMatchObject(PIN_SCRYPT_PARAMS);
    expect(parsed.salt).toHaveLength(16);
    expect(parsed.tag).toHaveLength(32);
  });

  it('salts each hash: two hashes of the same PIN differ, and both verify', async () => {
    const [first, second] = await Promise.all([hashPin('246810', pepper), hashPin('246810', pepper)]);
    expect(first).not.toBe(second);
    expect(await verifyPin('246810', first, pepper)).toBe(true);
    expect(await verifyPin('246810', second, pepper)).toBe(true);
  });

  it('rejects a wrong PIN', async () => {
    const stored = await hashPin('246810', pepper);
    expect(await verifyPin('246811', stored, pepper)).toBe(false);
    expect(await verifyPin('', stored, pepper)).toBe(false);
    expect(await verifyPin('2468100', stored, pepper)).toBe(false);
  });

  it('treats a malformed or hostile stored value as "no match" instead of throwing', async () => {
    const stored = await hashPin('246810', pepper);
    const [, , r, p, dkLen, salt, tag] = stored.split('$');
    for (const bad of [
      '',
      'plain-text-pin',
      stored.replace('scrypt-hmac', 'bcrypt'),
      `scrypt-hmac$${2 ** 30}$${r}$${p}$${dkLen}$${salt}$${tag}`, // would need gigabytes
      `scrypt-hmac$1000$${r}$${p}$${dkLen}$${salt}$${tag}`, // N not a power of two
      `scrypt-hmac$32768$${r}$${p}$${dkLen}$${salt}$not base64!`,
      `${stored}$extra`,
    ]) {
      expect(parsePinHash(bad), bad).toBeNull();
      expect(await verifyPin('246810', bad, pepper)).toBe(false);
    }
  });

  it('accepts 6 to 12 digits as a new PIN, like the IPC contract; 4 and 5 digits only to sign in and change', () => {
    expect(['123456', '123456789012'].every(isValidPinFormat)).toBe(true);
    expect(['1234', '12345', '1234567890123', '12a456', ' 123456', ''].some(isValidPinFormat)).toBe(false);
    expect(['1234', '12345', '123456'].every(isCheckablePin)).toBe(true);
    expect(pinNeedsChange('1234')).toBe(true);
    expect(pinNeedsChange('123456')).toBe(false);
  });
});

describe('PIN lockout policy', () => {
  const t0 = 1_000_000;

  it(`locks on the ${MAX_PIN_FAILURES}th consecutive failure, then gives fresh tries`, () => {
    let failures = NO_PIN_FAILURES;
    for (let i = 1; i < MAX_PIN_FAILURES; i++) {
      failures = afterFailure(failures, t0);
      expect(remainingTries(failures)).toBe(MAX_PIN_FAILURES - i);
      expect(lockEnd(failures, t0)).toBeNull();
    }
    failures = afterFailure(failures, t0);
    const first = PIN_LOCK_STEPS_MS[0]!;
    expect(lockEnd(failures, t0)).toBe(t0 + first);
    expect(lockEnd(failures, t0 + first - 1)).toBe(t0 + first);
    expect(lockEnd(failures, t0 + first)).toBeNull();
    expect(remainingTries(failures)).toBe(MAX_PIN_FAILURES);
    expect(afterFailure(failures, t0 + first)).toEqual({ count: 1, lockedUntil: null, lockouts: 1 });
  });

  it('makes each further lock longer (1, 5, 15, 60 minutes, then 4 hours each time)', () => {
    expect(PIN_LOCK_STEPS_MS.map((ms) => ms / 60_000)).toEqual([1, 5, 15, 60, 240]);
    let failures = NO_PIN_FAILURES;
    let now = t0;
    const locks: number[] = [];
    for (let lock = 0; lock < 7; lock++) {
      for (let i = 0; i < MAX_PIN_FAILURES; i++) failures = afterFailure(failures, now);
      locks.push((failures.lockedUntil! - now) / 60_000);
      now = failures.lockedUntil!;
    }
    expect(locks).toEqual([1, 5, 15, 60, 240, 240, 240]);
    expect(lockDurationMs(99)).toBe(240 * 60_000);
  });

  it('does not let a clock set back stretch the lock beyond its own length from now', () => {
    const locked = { count: 0, lockedUntil: t0 + 15 * 60_000, lockouts: 3 };
    const hourEarlier = t0 - 3_600_000;
    expect(lockEnd(locked, hourEarlier)).toBe(hourEarlier + 15 * 60_000);
  });
});

describe('recovery codes', () => {
  it('are 20 characters of Crockford base32 in groups, and normalise case, dashes and look-alikes', () => {
    const code = generateRecoveryCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
    expect(normaliseRecoveryCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code.replace(/-/g, ''));
    expect(normaliseRecoveryCode('ABCDE-FGHJK-MNPQR-STVWI')).toBe('ABCDEFGHJKMNPQRSTVW1');
    expect(normaliseRecoveryCode('o0000-00000-00000-0000L')).toBe('00000000000000000001');
    expect(normaliseRecoveryCode('too short')).toBeNull();
    expect(normaliseRecoveryCode('UUUUU-UUUUU-UUUUU-UUUUU')).toBeNull();
    expect(new Set(Array.from({ length: 50 }, generateRecoveryCode)).size).toBe(50);
  });
});
