// Finding 5 of the security review: "Weak PIN economics." A 4-digit PIN, a flat lock of five tries per five
// minutes (about 1,440 guesses a day, the whole 4-digit space in a week), and an unpeppered scrypt hash in a
// world-readable settings file that anyone who could copy it could brute-force offline. Now: new PINs have 6 to
// 12 digits (older short PINs sign in only to be changed), locks escalate (1, 5, 15, 60 minutes, then 4 hours)
// and survive restarts, the hash is peppered with a key only the vault holds, the file is 0600, and it is
// sealed with an HMAC, so resetting the lockout counter (or anything else) in the file stops the kiosk.
import { randomBytes, scryptSync } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DevKeyFileVault } from '../../main/secure/dev-key-file-vault';
import { ProvisioningError, SettingsFileError } from '../../main/settings/errors';
import { parsePinHash, verifyPin } from '../../main/settings/pin';
import { PIN_LOCK_STEPS_MS } from '../../main/settings/pin-lockout';
import { SettingsStore } from '../../main/settings/settings-store';
import { openConfSettingsFile } from '../../main/storage/conf-files';
import { keyValueFileOptions } from '../../main/storage/key-value-file';
import { settingsFileSpec } from '../../main/storage/settings-file';
import { startCore, type CoreHarness } from '../support/core-harness';

const PIN = '246810';
const MINUTE = 60_000;
const ownerOnly = process.platform === 'win32' ? it.skip : it;

let folder: string;
let h: CoreHarness | undefined;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'kiosk-finding5-'));
});
afterEach(async () => {
  await h?.close();
  h = undefined;
  await rm(folder, { recursive: true, force: true });
});

const settingsPath = () => path.join(folder, 'kiosk-settings.json');

/** The store as the kiosk opens it, with the clock in the test's hands. */
function openStore(clock: { now: number }, vault = new DevKeyFileVault(folder)): Promise<SettingsStore> {
  return SettingsStore.open(() => openConfSettingsFile(folder), vault, { now: () => clock.now });
}

/** A hash as versions before the pepper wrote it: scrypt$N$r$p$salt$hash. */
function legacyHash(pin: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', 2 ** 15, 8, 1, salt.toString('base64'), hash.toString('base64')].join('$');
}

async function vaultPepper(vault: DevKeyFileVault): Promise<Buffer> {
  const keys = JSON.parse((await vault.get('settings.keys'))!) as { pepper: string };
  return Buffer.from(keys.pepper, 'base64');
}

describe('security finding 5: PIN economics', () => {
  it('accepts only 6 to 12 digits for a new PIN, however it is set', async () => {
    h = await startCore();
    for (const newPin of ['1234', '12345', '1234567890123']) {
      expect(await h.failure('setPin', { newPin })).toMatchObject({ code: 'invalid_request' });
    }
    const store = h.core.settings;
    await expect(store.setPin('12345')).rejects.toMatchObject({ code: 'invalid_request' });
    expect(store.pinState()).toBe('unset');
    await h.close();
    h = undefined;

    const refused = await startCore({ KIOSK_OPERATOR_PIN: '1234' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ProvisioningError);
    expect((refused as Error).message).toMatch(/6 to 12 digits/);
  });

  it('signs an old 4-digit PIN in only to choose a new one', async () => {
    await writeFile(
      settingsPath(),
      JSON.stringify({ schemaVersion: 1, settings: {}, pinHash: legacyHash('1234'), provisioned: true }),
    );
    h = await startCore({}, { dataDir: folder });
    expect((await h.call('getSettings', {})).pinState).toBe('set');
    const signedIn = await h.call('verifyPin', { operatorId: 'supervisor', pin: '1234' });
    if (!signedIn.valid) throw new Error('the old PIN was refused');
    expect(signedIn).toMatchObject({ pinChangeRequired: true, grant: { scope: 'pin_change' } });
    const grant = signedIn.grant.token;
    for (const [method, request] of [
      ['getQueue', { grant }],
      ['updateSettings', { grant, patch: { kioskId: 'X' } }],
      ['setApiKey', { grant, apiKey: 'sk_some_key_0123' }],
      ['issueRecoveryCode', { grant }],
      ['exitKiosk', { grant }],
    ] as const) {
      expect(await h.failure(method, request), method).toMatchObject({ code: 'pin_change_required' });
    }
    expect(await h.failure('setPin', { grant, newPin: '1234' })).toMatchObject({ code: 'invalid_request' });
    const changed = await h.call('setPin', { grant, newPin: '13579135' });
    expect(changed.grant.scope).toBe('full');
    expect((await h.call('verifyPin', { operatorId: 'supervisor', pin: '1234' })).valid).toBe(false);
    expect(await h.call('verifyPin', { operatorId: 'supervisor', pin: '13579135' })).toMatchObject({
      valid: true,
      pinChangeRequired: false,
    });
  });

  it('reports the tries left on a wrong PIN, and until when PIN entry is locked', async () => {
    h = await startCore({ KIOSK_OPERATOR_PIN: PIN });
    const answers = [];
    for (let i = 0; i < 5; i++)
      answers.push(await h.call('verifyPin', { operatorId: 'supervisor', pin: '000000' }));
    expect(answers.slice(0, 4)).toEqual(
      [4, 3, 2, 1].map((triesLeft) => ({ valid: false, triesLeft, lockedUntil: null })),
    );
    expect(answers[4]).toEqual({ valid: false, triesLeft: 0, lockedUntil: expect.any(Number) });
    const lockedUntil = (answers[4] as { lockedUntil: number }).lockedUntil;
    expect(lockedUntil - Date.now()).toBeGreaterThan(PIN_LOCK_STEPS_MS[0]! - 10_000);
    // The right PIN does not get through the lock.
    expect(await h.call('verifyPin', { operatorId: 'supervisor', pin: PIN })).toEqual({
      valid: false,
      triesLeft: 0,
      lockedUntil,
    });
  });

  // About 25 scrypt checks: seconds on an idle machine, more on a loaded 2-core one; the limit only stops a hang.
  it(
    'escalates the lock (1, 5, 15, 60 minutes, then 4 hours), and a restart resets neither count nor escalation',
    { timeout: 180_000 },
    async () => {
      const clock = { now: Date.UTC(2026, 0, 15, 9, 0, 0) };
      await (await openStore(clock)).setPin(PIN);
      const guessAll = async (store: SettingsStore, times: number) => {
        let last;
        for (let i = 0; i < times; i++) last = await store.verifyPin('000000');
        return last;
      };

      // Four wrong, a restart, and the fifth still locks: the count was saved.
      await guessAll(await openStore(clock), 4);
      expect(await guessAll(await openStore(clock), 1)).toEqual({
        kind: 'locked',
        until: clock.now + MINUTE,
      });
      expect((await (await openStore(clock)).verifyPin(PIN)).kind).toBe('locked');

      // Each further lock is longer, and a restart in between changes nothing.
      const lengths: number[] = [];
      for (let lock = 1; lock < 6; lock++) {
        clock.now = (await openStore(clock)).pinLockedUntil()!;
        const check = await guessAll(await openStore(clock), 5);
        if (check?.kind !== 'locked') throw new Error('expected a lock');
        lengths.push((check.until - clock.now) / MINUTE);
        clock.now += MINUTE;
        expect((await (await openStore(clock)).verifyPin(PIN)).kind).toBe('locked');
      }
      expect(lengths).toEqual([5, 15, 60, 240, 240]);
      // At that pace a guesser gets 5 tries per 4 hours: 30 a day, against 1,440 before.
      expect(((24 * 60) / 240) * 5).toBe(30);

      // A right PIN resets the escalation.
      const store = await openStore(clock);
      clock.now = store.pinLockedUntil()!;
      expect((await store.verifyPin(PIN)).kind).toBe('ok');
      expect(await guessAll(store, 5)).toEqual({ kind: 'locked', until: clock.now + MINUTE });
    },
  );

  it('peppers the hash with a key only the vault holds: the settings file alone cannot check a guess', async () => {
    const vault = new DevKeyFileVault(folder);
    await (await openStore({ now: Date.now() }, vault)).setPin(PIN);
    const stored = JSON.parse(await readFile(settingsPath(), 'utf8')).pinHash as string;
    const parsed = parsePinHash(stored)!;
    expect(await verifyPin(PIN, stored, await vaultPepper(vault))).toBe(true);
    // Without the vault: neither another pepper nor plain scrypt (what an offline guesser can compute) matches.
    expect(await verifyPin(PIN, stored, randomBytes(32))).toBe(false);
    const unpeppered = scryptSync(PIN, parsed.salt, parsed.dkLen, {
      N: parsed.N,
      r: parsed.r,
      p: parsed.p,
      maxmem: 64 * 1024 * 1024,
    });
    expect(unpeppered.equals(parsed.tag)).toBe(false);
    // The file copied next to another kiosk's vault is not even opened.
    const refused = await openStore({ now: Date.now() }, new DevKeyFileVault(path.join(folder, 'other')))
      .then(() => null)
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SettingsFileError);
    expect(refused).toMatchObject({ code: 'seal_key_missing' });
  });

  it('peppers an unpeppered hash from an older file at first open, and the PIN still verifies', async () => {
    const old = legacyHash(PIN);
    await writeFile(settingsPath(), JSON.stringify({ schemaVersion: 1, settings: {}, pinHash: old }));
    const store = await openStore({ now: Date.now() });
    const text = await readFile(settingsPath(), 'utf8');
    expect(text).not.toContain(old.split('$')[5]);
    expect(JSON.parse(text).pinHash).toMatch(/^scrypt-hmac\$/);
    expect(await store.verifyPin(PIN)).toEqual({ kind: 'ok', changeRequired: false });
  });

  ownerOnly(
    'keeps the settings file owner-only (0600): written so, and narrowed if found wider',
    async () => {
      // Every write: conf / electron-store are told the mode.
      expect(keyValueFileOptions(settingsFileSpec(folder)).configFileMode).toBe(0o600);
      await writeFile(settingsPath(), JSON.stringify({ schemaVersion: 1, settings: {} }), { mode: 0o644 });
      const store = await openStore({ now: Date.now() });
      expect((await stat(settingsPath())).mode & 0o777).toBe(0o600);
      await store.setPin(PIN);
      expect((await stat(settingsPath())).mode & 0o777).toBe(0o600);
      // A file made readable by others (a backup restored, a chmod) is narrowed at the next start, write or not.
      await chmod(settingsPath(), 0o644);
      await openStore({ now: Date.now() });
      expect((await stat(settingsPath())).mode & 0o777).toBe(0o600);
    },
  );

  it.each([
    [
      'the lockout counter reset',
      (file: Record<string, unknown>) => ({
        ...file,
        pinFailures: { count: 0, lockedUntil: null, lockouts: 0 },
      }),
    ],
    [
      'the PIN hash swapped for one the attacker made',
      (file: Record<string, unknown>) => ({ ...file, pinHash: legacyHash('999999') }),
    ],
    [
      'a setting changed',
      (file: Record<string, unknown>) => ({
        ...file,
        settings: { ...(file.settings as object), partnerId: '999' },
      }),
    ],
  ])('refuses to start when the file was edited: %s', async (_what, edit) => {
    const clock = { now: Date.now() };
    const store = await openStore(clock);
    await store.setPin(PIN);
    for (let i = 0; i < 5; i++) await store.verifyPin('000000');
    const edited = JSON.stringify(edit(JSON.parse(await readFile(settingsPath(), 'utf8'))));
    await writeFile(settingsPath(), edited);
    await expect(openStore(clock)).rejects.toMatchObject({ name: 'SettingsFileError', code: 'tampered' });
    expect(await readFile(settingsPath(), 'utf8')).toBe(edited);
  });
});
