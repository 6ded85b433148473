import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConfSettingsFile } from '../../main/storage/conf-files';
import { KioskError } from '../../app/errors';
import { DEFAULT_SETTINGS, type Settings } from '../../app/settings';
import { createConsoleLogger } from '../../main/log';
import type { OpenKeyValueFile } from '../../main/storage/key-value-file';
import { DevKeyFileVault } from '../../main/secure/dev-key-file-vault';
import { SettingsFileError } from '../../main/settings/errors';
import { parsePinHash } from '../../main/settings/pin';
import { PIN_LOCK_STEPS_MS } from '../../main/settings/pin-lockout';
import { SETTINGS_FILE_NAME, SettingsStore } from '../../main/settings/settings-store';

let folder: string;
let filePath: string;
let vault: DevKeyFileVault;
let now: number;
let logLines: string[];

const PIN = '246810';
const FIRST_LOCK_MS = PIN_LOCK_STEPS_MS[0]!;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'kiosk-settings-store-'));
  filePath = path.join(folder, `${SETTINGS_FILE_NAME}.json`);
  vault = new DevKeyFileVault(path.join(folder, 'vault'));
  now = Date.UTC(2026, 0, 15, 9, 0, 0);
  logLines = [];
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function confFile(): OpenKeyValueFile {
  return () => openConfSettingsFile(folder);
}

function open(): Promise<SettingsStore> {
  return SettingsStore.open(confFile(), vault, {
    now: () => now,
    log: createConsoleLogger((line) => logLines.push(line)),
  });
}

/** A file written outside the app is read as one from before sealing only by an install that never sealed one. */
async function withFreshVault(): Promise<void> {
  vault = new DevKeyFileVault(await mkdtemp(path.join(folder, 'vault-')));
}

async function onDisk(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(filePath, 'utf8'));
}

/** The KioskError a call throws (sync or async), or fails the test. */
async function kioskError(work: () => unknown): Promise<KioskError> {
  try {
    await work();
  } catch (error) {
    expect(error).toBeInstanceOf(KioskError);
    return error as KioskError;
  }
  throw new Error('expected a KioskError');
}

describe('SettingsStore: settings', () => {
  it('starts from the defaults on first open and writes a sealed, owner-only version-3 file', async () => {
    const store = await open();
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.openReport).toEqual({
      created: true,
      migratedFrom: null,
      setAsidePath: null,
      invalidFields: [],
    });
    expect(store.pinState()).toBe('unset');
    expect(store.isProvisioned()).toBe(false);
    expect(await onDisk()).toEqual({
      schemaVersion: 3,
      settings: DEFAULT_SETTINGS,
      pinHash: null,
      pinEverSet: false,
      pinLockReason: null,
      provisioned: false,
      pinFailures: { count: 0, lockedUntil: null, lockouts: 0 },
      operators: [],
      mac: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/),
    });
    if (process.platform !== 'win32') expect((await stat(filePath)).mode & 0o777).toBe(0o600);
    expect((await open()).openReport.created).toBe(false);
  });

  it('applies a valid patch and keeps it across re-open', async () => {
    const store = await open();
    const updated = store.update({ environment: 'sandbox', partnerId: '085', idleTimeoutSeconds: 120 });
    expect(updated).toEqual({
      ...DEFAULT_SETTINGS,
      environment: 'sandbox',
      partnerId: '085',
      idleTimeoutSeconds: 120,
    });
    expect(store.get()).toEqual(updated);
    expect((await open()).get()).toEqual(updated);
  });

  it.each([
    [{ customApiUrl: 'not a url' }, /Invalid setting "customApiUrl": Invalid URL/],
    [{ customApiUrl: 'ftp://files.example/v1' }, /"customApiUrl"/],
    [{ partnerId: '08 5' }, /Invalid setting "partnerId": digits only/],
    [{ partnerId: 85 }, /"partnerId"/],
    [{ idleTimeoutSeconds: 5 }, /Invalid setting "idleTimeoutSeconds": Too small/],
    [{ idleTimeoutSeconds: 3601 }, /Invalid setting "idleTimeoutSeconds": Too big/],
    [{ idleTimeoutSeconds: 90.5 }, /"idleTimeoutSeconds"/],
    [{ apiKey: 'sk_live_123' }, /Unknown setting "apiKey"/],
    [{ offlineBudget: { maxQueuedJobs: 1 } }, /"offlineBudget\.maxOldestQueuedHours"/],
    [null, /Invalid settings: .*expected object/],
  ])('refuses %j with invalid_request naming the field, and saves nothing', async (patch, message) => {
    const store = await open();
    const before = await readFile(filePath, 'utf8');
    const error = await kioskError(() => store.update(patch));
    expect(error.code).toBe('invalid_request');
    expect(error.message).toMatch(message);
    expect(error.action).not.toBe('');
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(await readFile(filePath, 'utf8')).toBe(before);
  });

  it('tells listeners about saved changes only, with the previous settings', async () => {
    const store = await open();
    const seen: Array<[Settings, Settings]> = [];
    const unsubscribe = store.onChange((settings, previous) => seen.push([settings, previous]));
    store.update({ kioskId: 'K-7' });
    store.update({ kioskId: 'K-7' });
    expect(() => store.update({ kioskId: 'x'.repeat(65) })).toThrow(KioskError);
    expect(seen).toHaveLength(1);
    expect(seen[0]![0].kioskId).toBe('K-7');
    expect(seen[0]![1].kioskId).toBe('');
    unsubscribe();
    store.update({ kioskId: 'K-8' });
    expect(seen).toHaveLength(1);
  });

  it('keeps the change when a listener throws', async () => {
    const store = await open();
    store.onChange(() => {
      throw new Error('listener bug');
    });
    expect(store.update({ branch: 'Nairobi CBD' }).branch).toBe('Nairobi CBD');
    expect((await open()).get().branch).toBe('Nairobi CBD');
    expect(logLines.some((line) => line.includes('settings.listener_failed'))).toBe(true);
  });

  it('hands out settings that cannot be changed behind its back', async () => {
    const store = await open();
    const settings = store.get();
    expect(() => {
      settings.partnerId = '999';
    }).toThrow(TypeError);
    expect(() => {
      settings.offlineBudget.maxQueuedJobs = 1;
    }).toThrow(TypeError);
    expect(DEFAULT_SETTINGS.offlineBudget.maxQueuedJobs).toBe(5_000);
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(false);
  });
});

describe('SettingsStore: the stored file', () => {
  it('fills fields missing from a file from before sealing with defaults, and seals it', async () => {
    await writeFile(filePath, JSON.stringify({ schemaVersion: 1, settings: { partnerId: '085' } }));
    const store = await open();
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, partnerId: '085' });
    expect(store.openReport.setAsidePath).toBeNull();
    expect(store.openReport.migratedFrom).toBe(1);
    expect(store.pinState()).toBe('unset');
    expect(await onDisk()).toMatchObject({
      schemaVersion: 3,
      settings: { ...DEFAULT_SETTINGS, partnerId: '085' },
    });
    expect((await onDisk()).mac).toEqual(expect.any(String));
  });

  it('resets invalid fields to defaults, keeps the original aside and logs the field names', async () => {
    const original = JSON.stringify({
      schemaVersion: 1,
      settings: { partnerId: 'abc', kioskId: 'K-7', idleTimeoutSeconds: 99_999, retired: true },
      pinHash: null,
      provisioned: false,
      pinFailures: { count: 0, lockedUntil: null },
    });
    await writeFile(filePath, original);
    const store = await open();

    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, kioskId: 'K-7' });
    expect(store.openReport.invalidFields).toEqual([
      'settings.partnerId',
      'settings.idleTimeoutSeconds',
      'settings.retired',
    ]);
    expect(store.openReport.setAsidePath).toBe(`${filePath}.invalid-${now}`);
    expect(await readFile(`${filePath}.invalid-${now}`, 'utf8')).toBe(original);
    if (process.platform !== 'win32') {
      expect((await stat(`${filePath}.invalid-${now}`)).mode & 0o777).toBe(0o600);
    }
    expect((await onDisk()).settings).toEqual({ ...DEFAULT_SETTINGS, kioskId: 'K-7' });
    const warning = logLines.find((line) => line.includes('settings.invalid_fields_reset'))!;
    expect(warning).toContain('settings.partnerId');
    expect(warning).not.toContain('abc');

    // Re-opened, the repaired file is clean: nothing more is kept aside.
    expect((await open()).openReport.setAsidePath).toBeNull();
  });

  it('never overwrites an earlier kept-aside copy', async () => {
    const bad = JSON.stringify({ schemaVersion: 1, settings: { language: 'xx' } });
    await writeFile(filePath, bad);
    await open();
    await writeFile(filePath, bad);
    await withFreshVault();
    const second = (await open()).openReport.setAsidePath;
    expect(second).toBe(`${filePath}.invalid-${now}-1`);
    expect(existsSync(`${filePath}.invalid-${now}`)).toBe(true);
  });

  it('locks the kiosk for a file with keys but no schema version, keeping it aside', async () => {
    await writeFile(filePath, JSON.stringify({ partnerId: '085' }));
    const store = await open();
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.openReport.invalidFields).toEqual(['schemaVersion']);
    expect(existsSync(store.openReport.setAsidePath!)).toBe(true);
    expect(store.pinState()).toBe('locked');
    expect(store.pinLockReason()).toBe('settings_unversioned');
  });

  it('treats a damaged PIN hash as a locked kiosk, never as "no PIN", and says so', async () => {
    await writeFile(filePath, JSON.stringify({ schemaVersion: 1, settings: {}, pinHash: 'scrypt$oops' }));
    const store = await open();
    expect(store.isPinSet()).toBe(false);
    expect(store.pinState()).toBe('locked');
    expect(store.pinLockReason()).toBe('pin_hash_invalid');
    expect(store.openReport.invalidFields).toEqual(['pinHash']);
    expect((await kioskError(() => store.verifyPin(PIN))).code).toBe('kiosk_locked');
    expect(store.publicView(false)).toMatchObject({ pinSet: false, pinState: 'locked' });
    // It stays locked after a restart, until a new PIN is set.
    const restarted = await open();
    expect(restarted.pinState()).toBe('locked');
    await restarted.setPin(PIN);
    expect(restarted.pinState()).toBe('set');
    expect((await open()).pinState()).toBe('set');
  });

  it('refuses a file that is not JSON with a typed error and leaves it alone', async () => {
    await writeFile(filePath, '{"schemaVersion": 1, "settings": {');
    expect(() => SettingsStore.read(confFile())).toThrow(
      expect.objectContaining({ name: 'SettingsFileError', code: 'unreadable' }),
    );
    await expect(open()).rejects.toThrow(SettingsFileError);
    expect(await readFile(filePath, 'utf8')).toBe('{"schemaVersion": 1, "settings": {');
  });
});

describe('SettingsStore: operator PIN', () => {
  it('sets and verifies a PIN, storing only its peppered scrypt hash', async () => {
    const store = await open();
    await store.setPin(PIN);
    expect(store.pinState()).toBe('set');
    expect(await store.verifyPin(PIN)).toEqual({ kind: 'ok', changeRequired: false });
    expect(await store.verifyPin('864200')).toEqual({ kind: 'wrong', triesLeft: 4 });
    const stored = (await onDisk()).pinHash as string;
    expect(parsePinHash(stored)).not.toBeNull();
    expect(await readFile(filePath, 'utf8')).not.toContain(PIN);
    expect(await (await open()).verifyPin(PIN)).toEqual({ kind: 'ok', changeRequired: false });
  });

  it('refuses a new PIN that is not 6 to 12 digits', async () => {
    const store = await open();
    expect((await kioskError(() => store.setPin('12a456'))).code).toBe('invalid_request');
    expect((await kioskError(() => store.setPin('12345'))).code).toBe('invalid_request');
    expect(store.isPinSet()).toBe(false);
  });

  it('has no PIN to check before one is set (first-run setup)', async () => {
    const store = await open();
    expect(store.pinState()).toBe('unset');
    expect((await kioskError(() => store.verifyPin('000000'))).code).toBe('not_configured');
  });

  it('names the tries left when the PIN is wrong, and resets the count on a right one', async () => {
    const store = await open();
    await store.setPin(PIN);
    expect(await store.verifyPin('111111')).toEqual({ kind: 'wrong', triesLeft: 4 });
    for (let i = 0; i < 3; i++) await store.verifyPin('111111');
    expect((await store.verifyPin(PIN)).kind).toBe('ok');
    expect(await store.verifyPin('111111')).toEqual({ kind: 'wrong', triesLeft: 4 });
  });

  it('locks after 5 wrong PINs, across a restart, until the lock time has passed', async () => {
    const store = await open();
    await store.setPin(PIN);
    const left: number[] = [];
    for (let i = 0; i < 4; i++) {
      const check = await store.verifyPin('111111');
      if (check.kind === 'wrong') left.push(check.triesLeft);
    }
    expect(left).toEqual([4, 3, 2, 1]);

    expect(await store.verifyPin('111111')).toEqual({ kind: 'locked', until: now + FIRST_LOCK_MS });
    expect(store.pinLockedUntil()).toBe(now + FIRST_LOCK_MS);

    // The right PIN does not help while locked, and neither does a restart.
    expect((await store.verifyPin(PIN)).kind).toBe('locked');
    const restarted = await open();
    now += FIRST_LOCK_MS - 1_000;
    expect((await restarted.verifyPin(PIN)).kind).toBe('locked');

    now += 1_000;
    expect(restarted.pinLockedUntil()).toBeNull();
    expect((await restarted.verifyPin(PIN)).kind).toBe('ok');
    expect(await restarted.verifyPin('111111')).toEqual({ kind: 'wrong', triesLeft: 4 });
  });

  it('counts a burst of simultaneous guesses one by one, so the lock still holds', async () => {
    const store = await open();
    await store.setPin(PIN);
    const guesses = Array.from({ length: 8 }, (_, i) => store.verifyPin(`10000${i}`).then((c) => c.kind));
    guesses.push(store.verifyPin(PIN).then((c) => c.kind));
    expect(await Promise.all(guesses)).toEqual([
      'wrong',
      'wrong',
      'wrong',
      'wrong',
      'locked',
      'locked',
      'locked',
      'locked',
      'locked',
    ]);
  });

  it('clears failures when a new PIN is set', async () => {
    const store = await open();
    await store.setPin(PIN);
    for (let i = 0; i < 3; i++) await store.verifyPin('111111');
    await store.setPin('1357913579');
    expect(await store.verifyPin('111111')).toEqual({ kind: 'wrong', triesLeft: 4 });
    expect((await store.verifyPin('1357913579')).kind).toBe('ok');
  });

  it('makes a recovery code that verifies (in any case, with or without dashes) and replaces the old one', async () => {
    const store = await open();
    await store.setPin(PIN);
    expect(store.hasRecoveryCode()).toBe(false);
    const first = await store.issueRecoveryCode();
    expect(store.hasRecoveryCode()).toBe(true);
    expect(await readFile(filePath, 'utf8')).not.toContain(first);
    expect(await store.verifyRecoveryCode(first.toLowerCase().replace(/-/g, ''))).toEqual({ kind: 'ok' });
    const second = await store.issueRecoveryCode();
    expect(await store.verifyRecoveryCode(first)).toEqual({ kind: 'wrong' });
    expect(await (await open()).verifyRecoveryCode(second)).toEqual({ kind: 'ok' });
  });
});

describe('SettingsStore: provisioning flag and public view', () => {
  it('remembers that the kiosk was provisioned', async () => {
    const store = await open();
    store.markProvisioned();
    expect(store.isProvisioned()).toBe(true);
    expect((await open()).isProvisioned()).toBe(true);
  });

  it('is configured in training mode without a key', async () => {
    expect((await open()).publicView(false)).toEqual({
      ...DEFAULT_SETTINGS,
      apiKeySet: false,
      pinSet: false,
      pinState: 'unset',
      pinLockReason: null,
      recoveryCodeSet: false,
      configured: true,
    });
  });

  it('needs a partner ID and an API key for sandbox and production', async () => {
    const store = await open();
    store.update({ environment: 'production' });
    expect(store.publicView(true).configured).toBe(false);
    store.update({ partnerId: '085' });
    expect(store.publicView(false).configured).toBe(false);
    expect(store.publicView(true).configured).toBe(true);
  });

  it('also needs the URL for a custom environment', async () => {
    const store = await open();
    store.update({ environment: 'custom', partnerId: '085' });
    expect(store.publicView(true).configured).toBe(false);
    store.update({ customApiUrl: 'http://127.0.0.1:8080/v1' });
    await store.setPin(PIN);
    expect(store.publicView(true)).toMatchObject({ configured: true, pinSet: true, apiKeySet: true });
  });
});
