// Settings migration 3: the kiosk's single PIN becomes its first supervisor (docs/operators.md) — the same hash
// and lockout, now under the operator ID 'supervisor' — and a kiosk that never had a PIN gets no operator yet.
import { describe, expect, it } from 'vitest';
import { migrateStoredFile } from '../../main/settings/migrations';
import { readStoredFile } from '../../main/settings/stored-file';

const PEPPERED = `scrypt-hmac$32768$8$1$32$${Buffer.alloc(16, 1).toString('base64')}$${Buffer.alloc(32, 2).toString('base64')}`;

function version2(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    schemaVersion: 2,
    settings: {},
    pinEverSet: false,
    pinLockReason: null,
    provisioned: false,
    pinFailures: { count: 2, lockedUntil: null, lockouts: 1 },
    ...fields,
  };
}

describe('settings migration 3: named operators', () => {
  it('makes the single PIN the first supervisor, keeping the hash and its lockout where they were', () => {
    const result = migrateStoredFile(version2({ pinHash: PEPPERED, pinEverSet: true }));
    if (result.kind !== 'versioned') throw new Error(result.kind);
    expect(result).toMatchObject({ fromVersion: 2, toVersion: 3 });
    expect(result.file.operators).toEqual([
      {
        operatorId: 'supervisor',
        displayName: 'Supervisor',
        role: 'supervisor',
        enabled: true,
        credential: 'kiosk_pin',
        pinHash: null,
        pinChangeRequired: false,
        pinFailures: { count: 0, lockedUntil: null, lockouts: 0 },
      },
    ]);
    const read = readStoredFile(result.file);
    expect(read.problems).toEqual([]);
    // The PIN that signed in before signs in as the supervisor now: the very same hash and failure count.
    expect(read.stored.pinHash).toBe(PEPPERED);
    expect(read.stored.pinFailures).toEqual({ count: 2, lockedUntil: null, lockouts: 1 });
    expect(read.stored.operators.map((operator) => operator.operatorId)).toEqual(['supervisor']);
  });

  it('keeps the supervisor of a locked kiosk, whose PIN the recovery code resets', () => {
    const result = migrateStoredFile(
      version2({ pinHash: null, pinEverSet: true, pinLockReason: 'pin_hash_invalid' }),
    );
    if (result.kind !== 'versioned') throw new Error(result.kind);
    expect(result.file.operators).toHaveLength(1);
  });

  it('gives a kiosk that never had a PIN no operator until first-run setup sets one', () => {
    const result = migrateStoredFile(version2({ pinHash: null }));
    if (result.kind !== 'versioned') throw new Error(result.kind);
    expect(result.file.operators).toEqual([]);
    expect(readStoredFile(result.file).stored.operators).toEqual([]);
  });

  it('migrates a version-1 file through 2 to 3', () => {
    const result = migrateStoredFile({
      schemaVersion: 1,
      settings: {},
      pinHash: PEPPERED,
      provisioned: true,
      pinFailures: { count: 0, lockedUntil: null },
    });
    if (result.kind !== 'versioned') throw new Error(result.kind);
    expect(result.fromVersion).toBe(1);
    expect(readStoredFile(result.file).stored.operators[0]).toMatchObject({
      operatorId: 'supervisor',
      credential: 'kiosk_pin',
    });
  });
});
