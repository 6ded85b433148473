import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConfSettingsFile } from '../../main/settings/conf-settings-file';
import { KioskError } from '../../app/errors';
import { DEFAULT_SETTINGS, type Settings } from '../../app/settings';
import { createConsoleLogger } from '../../main/log';
import type { OpenKeyValueFile } from '../../main/outbox/job-index';
import { SettingsFileError } from '../../main/settings/errors';
import { parsePinHash } from '../../main/settings/pin';
import { PIN_LOCK_MS } from '../../main/settings/pin-lockout';
import { SETTINGS_FILE_NAME, SettingsStore } from '../../main/settings/settings-store';

let folder: string;
let filePath: string;
let now: number;
let logLines: string[];

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'kiosk-settings-store-'));
  filePath = path.join(folder, `${SETTINGS_FILE_NAME}.json`);
  now = Date.UTC(2026, 0, 15, 9, 0, 0);
  logLines = [];
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function confFile(): OpenKeyValueFile {
  return () => openConfSettingsFile(folder);
}

function open(): SettingsStore {
  return SettingsStore.open(confFile(), {
    now: () => now,
    log: createConsoleLogger((line) => logLines.push(line)),
  });
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
  it('starts from the defaults on first open and writes a version-1 file', async () => {
    const store = open();
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.openReport).toEqual({
      created: true,
      migratedFrom: null,
      setAsidePath: null,
      invalidFields: [],
    });
    expect(store.isPinSet()).toBe(false);
    expect(store.isProvisioned()).toBe(false);
    expect(await onDisk()).toEqual({
      schemaVersion: 1,
      settings: DEFAULT_SETTINGS,
      pinHash: null,
      provisioned: false,
      pinFailures: { count: 0, lockedUntil: null },
    });
    expect(open().openReport.created).toBe(false);
  });

  it('applies a valid patch and keeps it across re-open', () => {
    const store = open();
    const updated = store.update({ environment: 'sandbox', partnerId: '085', idleTimeoutSeconds: 120 });
    expect(updated).toEqual({
      ...DEFAULT_SETTINGS,
      environment: 'sandbox',
      partnerId: '085',
      idleTimeoutSeconds: 120,
    });
    expect(store.get()).toEqual(updated);
    expect(open().get()).toEqual(updated);
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
    const store = open();
    const before = await readFile(filePath, 'utf8');
    const error = await kioskError(() => store.update(patch));
    expect(error.code).toBe('invalid_request');
    expect(error.message).toMatch(message);
    expect(error.action).not.toBe('');
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(await readFile(filePath, 'utf8')).toBe(before);
  });

  it('tells listeners about saved changes only, with the previous settings', () => {
    const store = open();
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

  it('keeps the change when a listener throws', () => {
    const store = open();
    store.onChange(() => {
      throw new Error('listener bug');
    });
    expect(store.update({ branch: 'Nairobi CBD' }).branch).toBe('Nairobi CBD');
    expect(open().get().branch).toBe('Nairobi CBD');
    expect(logLines.some((line) => line.includes('settings.listener_failed'))).toBe(true);
  });

  it('hands out settings that cannot be changed behind its back', () => {
    const store = open();
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
  it('fills fields missing from the file with defaults without keeping anything aside', async () => {
    await writeFile(filePath, JSON.stringify({ schemaVersion: 1, settings: { partnerId: '085' } }));
    const store = open();
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, partnerId: '085' });
    expect(store.openReport.setAsidePath).toBeNull();
    expect((await onDisk()).settings).toEqual({ ...DEFAULT_SETTINGS, partnerId: '085' });
  });

  it('resets invalid fields to defaults, keeps the original aside and logs the field names', async () => {
    const original = JSON.stringify({
      schemaVersion: 1,
      settings: { partnerId: 'abc', kioskId: 'K-7', idleTimeoutSeconds: 99_999, retired: true },
      pinHash: null,
      provisioned: true,
      pinFailures: { count: 0, lockedUntil: null },
    });
    await writeFile(filePath, original);
    const store = open();

    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, kioskId: 'K-7' });
    expect(store.isProvisioned()).toBe(true);
    expect(store.openReport.invalidFields).toEqual([
      'settings.partnerId',
      'settings.idleTimeoutSeconds',
      'settings.retired',
    ]);
    expect(store.openReport.setAsidePath).toBe(`${filePath}.invalid-${now}`);
    expect(await readFile(`${filePath}.invalid-${now}`, 'utf8')).toBe(original);
    expect((await onDisk()).settings).toEqual({ ...DEFAULT_SETTINGS, kioskId: 'K-7' });
    const warning = logLines.find((line) => line.includes('settings.invalid_fields_reset'))!;
    expect(warning).toContain('settings.partnerId');
    expect(warning).not.toContain('abc');

    // Re-opened, the repaired file is clean: nothing more is kept aside.
    expect(open().openReport.setAsidePath).toBeNull();
  });

  it('never overwrites an earlier kept-aside copy', async () => {
    const bad = JSON.stringify({ schemaVersion: 1, settings: { language: 'xx' } });
    await writeFile(filePath, bad);
    open();
    await writeFile(filePath, bad);
    const second = open().openReport.setAsidePath;
    expect(second).toBe(`${filePath}.invalid-${now}-1`);
    expect(existsSync(`${filePath}.invalid-${now}`)).toBe(true);
  });

  it('keeps aside a file with keys but no schema version and starts from defaults', async () => {
    await writeFile(filePath, JSON.stringify({ partnerId: '085' }));
    const store = open();
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.openReport.invalidFields).toEqual(['schemaVersion']);
    expect(existsSync(store.openReport.setAsidePath!)).toBe(true);
  });

  it('treats a damaged PIN hash as no PIN, and says so', async () => {
    await writeFile(filePath, JSON.stringify({ schemaVersion: 1, settings: {}, pinHash: 'scrypt$oops' }));
    const store = open();
    expect(store.isPinSet()).toBe(false);
    expect(store.openReport.invalidFields).toEqual(['pinHash']);
  });

  it('refuses a file that is not JSON with a typed error and leaves it alone', async () => {
    await writeFile(filePath, '{"schemaVersion": 1, "settings": {');
    expect(() => open()).toThrow(expect.objectContaining({ name: 'SettingsFileError', code: 'unreadable' }));
    expect(() => open()).toThrow(SettingsFileError);
    expect(await readFile(filePath, 'utf8')).toBe('{"schemaVersion": 1, "settings": {');
  });
});

describe('SettingsStore: operator PIN', () => {
  it('sets and verifies a PIN, storing only its scrypt hash', async () => {
    const store = open();
    await store.setPin('2468');
    expect(store.isPinSet()).toBe(true);
    expect(await store.verifyPin('2468')).toBe(true);
    expect(await store.verifyPin('8642')).toBe(false);
    const stored = (await onDisk()).pinHash as string;
    expect(parsePinHash(stored)).not.toBeNull();
    expect(await readFile(filePath, 'utf8')).not.toContain('2468');
    expect(await open().verifyPin('2468')).toBe(true);
  });

  it('refuses a PIN that is not 4 to 12 digits', async () => {
    const store = open();
    expect((await kioskError(() => store.setPin('12a4'))).code).toBe('invalid_request');
    expect((await kioskError(() => store.setPin('123'))).code).toBe('invalid_request');
    expect(store.isPinSet()).toBe(false);
  });

  it('lets everything through before a PIN is set (first-run setup)', async () => {
    const store = open();
    await expect(store.requirePin(undefined)).resolves.toBeUndefined();
    await expect(store.requirePin('0000')).resolves.toBeUndefined();
    expect(await store.verifyPin('0000')).toBe(false);
  });

  it('requires the PIN once set, and names the tries left when it is wrong', async () => {
    const store = open();
    await store.setPin('2468');
    expect((await kioskError(() => store.requirePin(undefined))).code).toBe('pin_required');
    expect((await kioskError(() => store.requirePin(''))).code).toBe('pin_required');
    const wrong = await kioskError(() => store.requirePin('1111'));
    expect(wrong.code).toBe('pin_invalid');
    expect(wrong.message).toMatch(/4 more tries/);
    await expect(store.requirePin('2468')).resolves.toBeUndefined();
  });

  it('resets the failure count on a correct PIN', async () => {
    const store = open();
    await store.setPin('2468');
    for (let i = 0; i < 4; i++) await kioskError(() => store.requirePin('1111'));
    await store.requirePin('2468');
    expect((await kioskError(() => store.requirePin('1111'))).message).toMatch(/4 more tries/);
  });

  it('locks after 5 wrong PINs, across a restart, until the lock time has passed', async () => {
    const store = open();
    await store.setPin('2468');
    const messages: string[] = [];
    for (let i = 0; i < 4; i++) messages.push((await kioskError(() => store.requirePin('1111'))).message);
    expect(messages.map((message) => /(\d) more tr/.exec(message)?.[1])).toEqual(['4', '3', '2', '1']);

    const locking = await kioskError(() => store.requirePin('1111'));
    expect(locking.code).toBe('pin_locked');
    expect(locking.message).toMatch(/locked until \d\d:\d\d \(about 5 minutes\)/);
    expect(store.pinLockedUntil()).toBe(now + PIN_LOCK_MS);

    // The right PIN does not help while locked, and neither does a restart.
    expect((await kioskError(() => store.requirePin('2468'))).code).toBe('pin_locked');
    expect((await kioskError(() => store.verifyPin('2468'))).code).toBe('pin_locked');
    const restarted = open();
    now += PIN_LOCK_MS - 60_000;
    const stillLocked = await kioskError(() => restarted.requirePin('2468'));
    expect(stillLocked.code).toBe('pin_locked');
    expect(stillLocked.message).toMatch(/about 1 minute\)/);
    expect((await kioskError(() => restarted.requirePin(undefined))).code).toBe('pin_locked');

    now += 60_000;
    expect(restarted.pinLockedUntil()).toBeNull();
    await expect(restarted.requirePin('2468')).resolves.toBeUndefined();
    expect((await kioskError(() => restarted.requirePin('1111'))).message).toMatch(/4 more tries/);
  });

  it('counts a burst of simultaneous guesses one by one, so the lock still holds', async () => {
    const store = open();
    await store.setPin('2468');
    const guesses = Array.from({ length: 8 }, (_, i) =>
      store.requirePin(`100${i}`).catch((error: KioskError) => error.code),
    );
    guesses.push(store.requirePin('2468').catch((error: KioskError) => error.code));
    const codes = await Promise.all(guesses);
    expect(codes).toEqual([
      'pin_invalid',
      'pin_invalid',
      'pin_invalid',
      'pin_invalid',
      'pin_locked',
      'pin_locked',
      'pin_locked',
      'pin_locked',
      'pin_locked',
    ]);
  });

  it('clears failures when a new PIN is set', async () => {
    const store = open();
    await store.setPin('2468');
    for (let i = 0; i < 3; i++) await kioskError(() => store.requirePin('1111'));
    await store.setPin('13579');
    expect((await kioskError(() => store.requirePin('1111'))).message).toMatch(/4 more tries/);
    await expect(store.requirePin('13579')).resolves.toBeUndefined();
  });
});

describe('SettingsStore: provisioning flag and public view', () => {
  it('remembers that the kiosk was provisioned', () => {
    const store = open();
    store.markProvisioned();
    expect(store.isProvisioned()).toBe(true);
    expect(open().isProvisioned()).toBe(true);
  });

  it('is configured in training mode without a key', () => {
    expect(open().publicView(false)).toEqual({
      ...DEFAULT_SETTINGS,
      apiKeySet: false,
      pinSet: false,
      configured: true,
    });
  });

  it('needs a partner ID and an API key for sandbox and production', () => {
    const store = open();
    store.update({ environment: 'production' });
    expect(store.publicView(true).configured).toBe(false);
    store.update({ partnerId: '085' });
    expect(store.publicView(false).configured).toBe(false);
    expect(store.publicView(true).configured).toBe(true);
  });

  it('also needs the URL for a custom environment', async () => {
    const store = open();
    store.update({ environment: 'custom', partnerId: '085' });
    expect(store.publicView(true).configured).toBe(false);
    store.update({ customApiUrl: 'http://127.0.0.1:8080/v1' });
    await store.setPin('2468');
    expect(store.publicView(true)).toMatchObject({ configured: true, pinSet: true, apiKeySet: true });
  });
});
