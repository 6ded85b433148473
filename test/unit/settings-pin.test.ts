import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  lockEnd,
  MAX_PIN_FAILURES,
  NO_PIN_FAILURES,
  PIN_LOCK_MS,
  remainingTries,
} from '../../main/settings/pin-lockout';
import {
  hashPin,
  isValidPinFormat,
  parsePinHash,
  PIN_SCRYPT_PARAMS,
  verifyPin,
} from '../../main/settings/pin';

describe('PIN hashing', () => {
  it('stores scrypt$N$r$p$salt$hash with a 16-byte salt and the agreed parameters', async () => {
    const stored = await hashPin('2468');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    const parsed = parsePinHash(stored)!;
    expect(parsed).toMatchObject(PIN_SCRYPT_PARAMS);
    expect(parsed.salt).toHaveLength(16);
    expect(parsed.hash).toHaveLength(32);
  });

  it('salts each hash: two hashes of the same PIN differ, and both verify', async () => {
    const [first, second] = await Promise.all([hashPin('2468'), hashPin('2468')]);
    expect(first).not.toBe(second);
    expect(await verifyPin('2468', first)).toBe(true);
    expect(await verifyPin('2468', second)).toBe(true);
  });

  it('rejects a wrong PIN', async () => {
    const stored = await hashPin('2468');
    expect(await verifyPin('2469', stored)).toBe(false);
    expect(await verifyPin('', stored)).toBe(false);
    expect(await verifyPin('24680', stored)).toBe(false);
  });

  it('treats a malformed or hostile stored value as "no match" instead of throwing', async () => {
    const stored = await hashPin('2468');
    const [, , r, p, salt, hash] = stored.split('$');
    for (const bad of [
      '',
      'plain-text-pin',
      stored.replace('scrypt', 'bcrypt'),
      `scrypt$${2 ** 30}$${r}$${p}$${salt}$${hash}`, // would need gigabytes
      `scrypt$1000$${r}$${p}$${salt}$${hash}`, // N not a power of two
      `scrypt$32768$${r}$${p}$${salt}$not base64!`,
      `${stored}$extra`,
    ]) {
      expect(parsePinHash(bad), bad).toBeNull();
      expect(await verifyPin('2468', bad)).toBe(false);
    }
  });

  it('accepts 4 to 12 digits as a PIN, like the IPC contract', () => {
    expect(['1234', '123456789012'].every(isValidPinFormat)).toBe(true);
    expect(['123', '1234567890123', '12a4', ' 1234', ''].some(isValidPinFormat)).toBe(false);
  });
});

describe('PIN lockout policy', () => {
  const t0 = 1_000_000;

  it(`locks for five minutes on the ${MAX_PIN_FAILURES}th consecutive failure, then gives fresh tries`, () => {
    let failures = NO_PIN_FAILURES;
    for (let i = 1; i < MAX_PIN_FAILURES; i++) {
      failures = afterFailure(failures, t0);
      expect(remainingTries(failures)).toBe(MAX_PIN_FAILURES - i);
      expect(lockEnd(failures, t0)).toBeNull();
    }
    failures = afterFailure(failures, t0);
    expect(lockEnd(failures, t0)).toBe(t0 + PIN_LOCK_MS);
    expect(lockEnd(failures, t0 + PIN_LOCK_MS - 1)).toBe(t0 + PIN_LOCK_MS);
    expect(lockEnd(failures, t0 + PIN_LOCK_MS)).toBeNull();
    expect(remainingTries(failures)).toBe(MAX_PIN_FAILURES);
    expect(afterFailure(failures, t0 + PIN_LOCK_MS)).toEqual({ count: 1, lockedUntil: null });
  });

  it('does not let a clock set back stretch the lock beyond five minutes from now', () => {
    const locked = { count: 0, lockedUntil: t0 + PIN_LOCK_MS };
    const hourEarlier = t0 - 3_600_000;
    expect(lockEnd(locked, hourEarlier)).toBe(hourEarlier + PIN_LOCK_MS);
  });
});
