// Versioned migrations of the settings file, as data. Version 1 was
//   { schemaVersion, settings, pinHash, provisioned, pinFailures: { count, lockedUntil } }
// version 2 is
//   { schemaVersion, settings, pinHash, pinEverSet, pinLockReason, provisioned,
//     pinFailures: { count, lockedUntil, lockouts }, mac }
// and version 3 (the current one) adds the named operators (operator-records.ts, docs/operators.md):
//   { …version 2, operators: [{ operatorId, displayName, role, enabled, credential, pinHash, pinChangeRequired,
//     pinFailures }] }
// (`mac`, the seal, is added and checked by the store around the migrations, see file-seal.ts). To change the
// shape, append `{ version: n + 1, migrate }`; never edit a shipped migration, because kiosks in the field may
// still hold files of every earlier version. A build that only knows version 1 refuses a version-2 file as
// "newer" instead of reading it without its seal and lock.
import { SettingsFileError } from './errors';

export interface Migration {
  /** The schemaVersion this migration produces; it receives a file of `version - 1`. */
  readonly version: number;
  migrate(old: Record<string, unknown>): Record<string, unknown>;
}

/** The first shape of the file: the version a file without migrations is written at. */
export const BASE_SCHEMA_VERSION = 1;

/** The first supervisor as version 3 writes them: spelled out, because a shipped migration never changes. */
const FIRST_SUPERVISOR_V3 = {
  operatorId: 'supervisor',
  displayName: 'Supervisor',
  role: 'supervisor',
  enabled: true,
  credential: 'kiosk_pin',
  pinHash: null,
  pinChangeRequired: false,
  pinFailures: { count: 0, lockedUntil: null, lockouts: 0 },
} as const;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 2,
    migrate: (old) => ({
      ...old,
      // Version 1 remembered a PIN only by its hash: a hash there, valid or not, means a PIN was set, so a
      // damaged one locks the kiosk instead of reopening setup.
      pinEverSet: typeof old.pinHash === 'string',
      pinLockReason: null,
      // Only where there is a counter: a missing one stays missing and takes its default, as in version 1.
      ...(isRecord(old.pinFailures) ? { pinFailures: { lockouts: 0, ...old.pinFailures } } : {}),
    }),
  },
  {
    version: 3,
    // The kiosk's single PIN becomes its first supervisor: the same hash and lockout, now under an operator ID
    // (the 'kiosk_pin' credential). A kiosk that never had a PIN gets its first supervisor when one is set.
    // A locked kiosk (PIN once set, now unreadable) keeps the supervisor too: the recovery code resets their PIN.
    migrate: (old) => ({
      ...old,
      operators: old.pinEverSet === true || typeof old.pinHash === 'string' ? [FIRST_SUPERVISOR_V3] : [],
    }),
  },
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type MigrationResult =
  /** A file with no keys at all: conf's empty store on first start. */
  | { readonly kind: 'empty' }
  /** Keys but no usable schemaVersion: not a file this app wrote, so it cannot be migrated. */
  | { readonly kind: 'unversioned' }
  | {
      readonly kind: 'versioned';
      readonly file: Record<string, unknown>;
      readonly fromVersion: number;
      readonly toVersion: number;
    };

/** The version files are written at by this build: the last migration's, or the base version. */
export function currentSchemaVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.at(-1)?.version ?? BASE_SCHEMA_VERSION;
}

/**
 * Brings a stored file up to the current version. Throws SettingsFileError 'newer_version' for a file from
 * a newer app (so a downgrade never overwrites what it cannot read) and 'migration_failed' when a step throws.
 */
export function migrateStoredFile(
  raw: Readonly<Record<string, unknown>>,
  migrations: readonly Migration[] = MIGRATIONS,
): MigrationResult {
  checkMigrationList(migrations);
  // conf keeps its own bookkeeping under `__internal__`; it is not part of our file.
  const keys = Object.keys(raw).filter((key) => key !== '__internal__');
  if (keys.length === 0) return { kind: 'empty' };
  const fromVersion = raw.schemaVersion;
  if (
    typeof fromVersion !== 'number' ||
    !Number.isInteger(fromVersion) ||
    fromVersion < BASE_SCHEMA_VERSION
  ) {
    return { kind: 'unversioned' };
  }
  const toVersion = currentSchemaVersion(migrations);
  if (fromVersion > toVersion) {
    throw new SettingsFileError(
      'newer_version',
      `The settings file has schema version ${fromVersion}; this app understands up to ${toVersion}. ` +
        'It was written by a newer version of the kiosk app and was left untouched.',
      'Install the newer kiosk app version again, or move the settings file aside to start from defaults.',
    );
  }
  // A copy, so a migration that mutates its argument cannot corrupt what the caller keeps for set-aside.
  let file: Record<string, unknown> = structuredClone({ ...raw });
  for (const migration of migrations) {
    if (migration.version <= fromVersion) continue;
    try {
      file = { ...migration.migrate(file), schemaVersion: migration.version };
    } catch (error) {
      throw new SettingsFileError(
        'migration_failed',
        `Migrating the settings file to schema version ${migration.version} failed: ${errorMessage(error)}`,
        'Report this to support with the settings file; it was left untouched.',
        { cause: error },
      );
    }
  }
  return { kind: 'versioned', file, fromVersion, toVersion };
}

/** Each step must go exactly one version up from the one before, starting after the base version. */
function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    const expected = BASE_SCHEMA_VERSION + index + 1;
    if (migration.version !== expected) {
      throw new SettingsFileError(
        'migration_failed',
        `Settings migration #${index} produces version ${migration.version}; expected ${expected}.`,
        'Report this to support: the app was built with a malformed migration list.',
      );
    }
  });
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
