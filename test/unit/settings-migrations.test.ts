import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConfSettingsFile } from '../../main/settings/conf-settings-file';
import { DEFAULT_SETTINGS } from '../../app/settings';
import type { OpenKeyValueFile } from '../../main/outbox/job-index';
import { SettingsFileError } from '../../main/settings/errors';
import {
  currentSchemaVersion,
  migrateStoredFile,
  MIGRATIONS,
  type Migration,
} from '../../main/settings/migrations';
import { SETTINGS_FILE_NAME, SettingsStore } from '../../main/settings/settings-store';

let folder: string;
let filePath: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'kiosk-settings-migrations-'));
  filePath = path.join(folder, `${SETTINGS_FILE_NAME}.json`);
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
  it('has no migrations yet: version 1 is current and a version-1 file passes through', () => {
    expect(MIGRATIONS).toEqual([]);
    expect(currentSchemaVersion()).toBe(1);
    const file = {
      schemaVersion: 1,
      settings: {},
      pinHash: null,
      provisioned: false,
      pinFailures: NO_FAILURES,
    };
    expect(migrateStoredFile(file)).toEqual({ kind: 'versioned', file, fromVersion: 1, toVersion: 1 });
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
    expect(() => migrateStoredFile({ ...V1_FILE, schemaVersion: 2 })).toThrow(
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
    const store = SettingsStore.open(confFile(), { migrations: SYNTHETIC });
    expect(store.openReport).toMatchObject({ migratedFrom: 1, setAsidePath: null, invalidFields: [] });
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, idleTimeoutSeconds: 300, partnerId: '085' });
    expect(store.isProvisioned()).toBe(true);

    const onDisk = JSON.parse(await readFile(filePath, 'utf8'));
    expect(onDisk.schemaVersion).toBe(3);
    expect(onDisk.settings.idleTimeoutSeconds).toBe(300);
    expect(onDisk.settings).not.toHaveProperty('idleTimeout');
    expect(onDisk).not.toHaveProperty('operatorPinHash');

    const again = SettingsStore.open(confFile(), { migrations: SYNTHETIC });
    expect(again.openReport.migratedFrom).toBeNull();
    expect(again.get().idleTimeoutSeconds).toBe(300);
  });

  it('refuses a file written by a newer app and leaves it byte for byte', async () => {
    const newer = JSON.stringify({ ...V1_FILE, schemaVersion: 7, settings: { somethingNew: true } });
    await writeFile(filePath, newer);
    let thrown: unknown;
    try {
      SettingsStore.open(confFile());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SettingsFileError);
    expect((thrown as SettingsFileError).code).toBe('newer_version');
    expect((thrown as SettingsFileError).message).toMatch(/schema version 7; this app understands up to 1/);
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
    expect(() => SettingsStore.open(confFile(), { migrations: [failing] })).toThrow(SettingsFileError);
    expect(await readFile(filePath, 'utf8')).toBe(original);
  });
});
