import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConfSettingsFile } from '../../main/storage/conf-files';
import { DEFAULT_SETTINGS } from '../../app/settings';
import type { OpenKeyValueFile } from '../../main/storage/key-value-file';
import { SettingsFileError } from '../../main/settings/errors';
import {
  currentSchemaVersion,
  migrateStoredFile,
  MIGRATIONS,
  type Migration,
} from '../../main/settings/migrations';
import { SETTINGS_FILE_NAME, SettingsStore } from '../../main/settings/settings-store';
import { DevKeyFileVault } from '../../main/secure/dev-key-file-vault';

let folder: string;
let filePath: string;
let vault: DevKeyFileVault;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'kiosk-settings-migrations-'));
  filePath = path.join(folder, `${SETTINGS_FILE_NAME}.json`);
  vault = new DevKeyFileVault(path.join(folder, 'vault'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function confFile(): OpenKeyValueFile {
  return () => openConfSettingsFile(folder);
}

const NO_FAILURES = { count: 0, lockedUntil: null };

// A synthetic history: pretend version 1 called the idle timeout `idleTimeout` and the hash `operatorPinHash`,
// version 2 renamed the first and version 3 the second.
function rename(record: Record<string, unknown>, from: string, to: string): Record<string, unknown> {
  const { [from]: value, ...rest } = record;
  return value === undefined ? rest : { ...rest, [to]: value };
}
const SYNTHETIC: readonly Migration[] = [
  {
    version: 2,
    migrate: (old) => ({
      ...old,
      settings: rename(old.settings as Record<string, unknown>, 'idleTimeout', 'idleTimeoutSeconds'),
    }),
  },
  { version: 3, migrate: (old) => rename(old, 'operatorPinHash', 'pinHash') },
];

const V1_FILE = {
  schemaVersion: 1,
  settings: { idleTimeout: 300, partnerId: '085' },
  operatorPinHash: null,
  provisioned: true,
  pinFailures: NO_FAILURES,
};

describe('migrateStoredFile', () => {
  it('is at version 3: a version-1 file gains the PIN lock, recovery code and escalation fields', () => {
    // Version 3 (named operators) is tested in test/unit/operator-migration.test.ts.
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual([2, 3]);
    expect(currentSchemaVersion()).toBe(3);
    const hash = 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA==';
    const file = {
      schemaVersion: 1,
      settings: {},
      pinHash: hash,
      provisioned: true,
      pinFailures: NO_FAILURES,
    };
    expect(migrateStoredFile(file)).toEqual({
      kind: 'versioned',
      fromVersion: 1,
      toVersion: 3,
      file: {
        ...file,
        schemaVersion: 3,
        pinEverSet: true,
        pinLockReason: null,
        pinFailures: { ...NO_FAILURES, lockouts: 0 },
        operators: [expect.objectContaining({ operatorId: 'supervisor', credential: 'kiosk_pin' })],
      },
    });
    // Without a hash there was no PIN; without a counter the default applies later.
    expect(migrateStoredFile({ schemaVersion: 1, pinHash: null })).toMatchObject({
      file: { pinEverSet: false },
    });
    expect(migrateStoredFile({ schemaVersion: 1 })).not.toHaveProperty('file.pinFailures');
    const v3 = { schemaVersion: 3, settings: {}, operators: [] };
    expect(migrateStoredFile(v3)).toEqual({ kind: 'versioned', file: v3, fromVersion: 3, toVersion: 3 });
  });

  it('runs every later step in order and stamps the new version', () => {
    const result = migrateStoredFile(V1_FILE, SYNTHETIC);
    expect(result).toEqual({
      kind: 'versioned',
      fromVersion: 1,
      toVersion: 3,
      file: {
        schemaVersion: 3,
        settings: { idleTimeoutSeconds: 300, partnerId: '085' },
        pinHash: null,
        provisioned: true,
        pinFailures: NO_FAILURES,
      },
    });
  });

  it('runs only the steps after the file’s version', () => {
    const v2 = { ...V1_FILE, schemaVersion: 2, settings: { idleTimeout: 1 } };
    const result = migrateStoredFile(v2, SYNTHETIC);
    // Step 2 did not run again: the field it renames is untouched.
    expect(result).toMatchObject({
      kind: 'versioned',
      fromVersion: 2,
      file: { settings: { idleTimeout: 1 } },
    });
    expect(result.kind === 'versioned' && 'pinHash' in result.file).toBe(true);
  });

  it('does not let a migration that mutates its argument change the caller’s object', () => {
    const original = structuredClone(V1_FILE);
    const mutating: Migration = {
      version: 2,
      migrate: (old) => {
        (old.settings as Record<string, unknown>).partnerId = 'changed';
        return old;
      },
    };
    migrateStoredFile(original, [mutating]);
    expect(original).toEqual(V1_FILE);
  });

  it('tells an empty store (first start) from keys without a usable version', () => {
    expect(migrateStoredFile({})).toEqual({ kind: 'empty' });
    expect(migrateStoredFile({ __internal__: { migrations: {} } })).toEqual({ kind: 'empty' });
    expect(migrateStoredFile({ settings: {} })).toEqual({ kind: 'unversioned' });
    expect(migrateStoredFile({ schemaVersion: '1' })).toEqual({ kind: 'unversioned' });
    expect(migrateStoredFile({ schemaVersion: 0 })).toEqual({ kind: 'unversioned' });
    expect(migrateStoredFile({ schemaVersion: 1.5 })).toEqual({ kind: 'unversioned' });
  });

  it('refuses a file from a newer app', () => {
    expect(() => migrateStoredFile({ ...V1_FILE, schemaVersion: 4 })).toThrow(
      expect.objectContaining({ name: 'SettingsFileError', code: 'newer_version' }),
    );
  });

  it('wraps a failing step in a typed error naming the target version', () => {
    const failing: Migration = {
      version: 2,
      migrate: () => {
        throw new Error('boom');
      },
    };
    expect(() => migrateStoredFile(V1_FILE, [failing])).toThrow(/version 2 failed: boom/);
  });

  it('refuses a migration list with a gap or the wrong start', () => {
    const second = SYNTHETIC[1]!;
    expect(() => migrateStoredFile(V1_FILE, [second])).toThrow(
      expect.objectContaining({ code: 'migration_failed' }),
    );
  });
});

describe('SettingsStore with migrations', () => {
  it('migrates the file on open, validates the result and writes it back at the new version', async () => {
    await writeFile(filePath, JSON.stringify(V1_FILE));
    const store = await SettingsStore.open(confFile(), vault, { migrations: SYNTHETIC });
    expect(store.openReport).toMatchObject({ migratedFrom: 1, setAsidePath: null, invalidFields: [] });
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, idleTimeoutSeconds: 300, partnerId: '085' });
    expect(store.isProvisioned()).toBe(true);

    const onDisk = JSON.parse(await readFile(filePath, 'utf8'));
    expect(onDisk.schemaVersion).toBe(3);
    expect(onDisk.settings.idleTimeoutSeconds).toBe(300);
    expect(onDisk.settings).not.toHaveProperty('idleTimeout');
    expect(onDisk).not.toHaveProperty('operatorPinHash');

    const again = await SettingsStore.open(confFile(), vault, { migrations: SYNTHETIC });
    expect(again.openReport.migratedFrom).toBeNull();
    expect(again.get().idleTimeoutSeconds).toBe(300);
  });

  it('needs no migration step for the renderer recycle settings: a version-1 file without them gets the defaults', async () => {
    // A file as kiosks wrote it before recycleRendererAfterEnrollments / recycleRendererAboveHeapMb existed.
    // Missing fields take their defaults (stored-file.ts), so nothing is kept aside. (The file still moves to
    // version 2, for the sealed PIN state: an older app must refuse that file rather than read it unsealed.)
    const { recycleRendererAfterEnrollments, recycleRendererAboveHeapMb, ...olderSettings } = {
      ...DEFAULT_SETTINGS,
      partnerId: '085',
      idleTimeoutSeconds: 300,
    };
    expect([recycleRendererAfterEnrollments, recycleRendererAboveHeapMb]).toEqual([200, 256]);
    await writeFile(
      filePath,
      JSON.stringify({
        schemaVersion: 1,
        settings: olderSettings,
        pinHash: null,
        provisioned: true,
        pinFailures: NO_FAILURES,
      }),
    );
    const store = await SettingsStore.open(confFile(), vault);
    expect(store.openReport).toEqual({
      created: false,
      migratedFrom: 1,
      setAsidePath: null,
      invalidFields: [],
    });
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, partnerId: '085', idleTimeoutSeconds: 300 });
    const onDisk = JSON.parse(await readFile(filePath, 'utf8'));
    expect(onDisk.schemaVersion).toBe(3);
    expect(onDisk.settings).toMatchObject({
      recycleRendererAfterEnrollments: 200,
      recycleRendererAboveHeapMb: 256,
    });

    expect(store.update({ recycleRendererAfterEnrollments: 2 }).recycleRendererAfterEnrollments).toBe(2);
    expect(store.publicView(false)).toMatchObject({
      recycleRendererAfterEnrollments: 2,
      recycleRendererAboveHeapMb: 256,
    });
    for (const patch of [
      { recycleRendererAfterEnrollments: 0 },
      { recycleRendererAfterEnrollments: 10_001 },
      { recycleRendererAfterEnrollments: 2.5 },
      { recycleRendererAboveHeapMb: 31 },
      { recycleRendererAboveHeapMb: 4097 },
    ]) {
      expect(() => store.update(patch)).toThrow(new RegExp(`"${Object.keys(patch)[0]}"`));
    }
  });

  it('needs no migration step for maxImageAgeDays: a file without it gets 30 days, and the bounds hold', async () => {
    // A version-2 file as kiosks wrote it before the photos of unfinished enrollments had a maximum age
    // (security review finding 7). The missing field takes its default (stored-file.ts): nothing kept aside.
    const { maxImageAgeDays, ...olderSettings } = { ...DEFAULT_SETTINGS, partnerId: '085' };
    expect(maxImageAgeDays).toBe(30);
    await writeFile(
      filePath,
      JSON.stringify({
        schemaVersion: 2,
        settings: olderSettings,
        pinHash: null,
        provisioned: true,
        pinFailures: { ...NO_FAILURES, lockouts: 0 },
      }),
    );
    const store = await SettingsStore.open(confFile(), vault);
    expect(store.openReport).toMatchObject({ setAsidePath: null, invalidFields: [] });
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, partnerId: '085' });
    expect(store.get().maxImageAgeDays).toBe(30);

    expect(store.update({ maxImageAgeDays: 7 }).maxImageAgeDays).toBe(7);
    expect(store.publicView(false)).toMatchObject({ maxImageAgeDays: 7 });
    for (const patch of [{ maxImageAgeDays: 0 }, { maxImageAgeDays: 366 }, { maxImageAgeDays: 1.5 }]) {
      expect(() => store.update(patch)).toThrow(/"maxImageAgeDays"/);
    }
  });

  it('refuses a file written by a newer app and leaves it byte for byte', async () => {
    const newer = JSON.stringify({ ...V1_FILE, schemaVersion: 7, settings: { somethingNew: true } });
    await writeFile(filePath, newer);
    let thrown: unknown;
    try {
      SettingsStore.read(confFile());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SettingsFileError);
    expect((thrown as SettingsFileError).code).toBe('newer_version');
    expect((thrown as SettingsFileError).message).toMatch(/schema version 7; this app understands up to 3/);
    expect(await readFile(filePath, 'utf8')).toBe(newer);
  });

  it('leaves the file untouched when a migration fails', async () => {
    const original = JSON.stringify(V1_FILE);
    await writeFile(filePath, original);
    const failing: Migration = {
      version: 2,
      migrate: () => {
        throw new Error('boom');
      },
    };
    expect(() => SettingsStore.read(confFile(), { migrations: [failing] })).toThrow(SettingsFileError);
    expect(await readFile(filePath, 'utf8')).toBe(original);
  });
});
