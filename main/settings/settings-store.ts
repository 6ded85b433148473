// The kiosk's settings, operator PIN and provisioning flag, in one small key-value file: conf in plain Node,
// electron-store in the Electron shell (same format; `name` there is SETTINGS_FILE_NAME). The file is read
// once at open and then served from memory; every change replaces the whole file through `file.store`, which
// both libraries write atomically, so a power cut leaves the old file or the new one, never half of each.
import { copyFileSync, constants as fsConstants } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { KioskError } from '../../app/errors';
import { settingsPatchSchema, settingsSchema, type PublicSettings, type Settings } from '../../app/settings';
import { silentLogger, type Logger } from '../log';
import type { KeyValueFile, OpenKeyValueFile } from '../outbox/job-index';
import { describeIssues } from './describe-issues';
import { SettingsFileError } from './errors';
import { currentSchemaVersion, migrateStoredFile, MIGRATIONS, type Migration } from './migrations';
import { hashPin, isValidPinFormat, OPERATOR_PIN_RULE, verifyPin as verifyPinHash } from './pin';
import {
  afterFailure,
  lockEnd,
  MAX_PIN_FAILURES,
  NO_PIN_FAILURES,
  PIN_LOCK_MS,
  remainingTries,
  type PinFailures,
} from './pin-lockout';
import { INITIAL_STORED_SETTINGS, readStoredFile, toFileContent, type StoredSettings } from './stored-file';

/** conf's `configName` / electron-store's `name`: the file is `<folder>/kiosk-settings.json`. */
export const SETTINGS_FILE_NAME = 'kiosk-settings';

export interface SettingsStoreOptions {
  readonly log?: Logger;
  /** Epoch ms; tests move it to expire a PIN lock without sleeping. */
  readonly now?: () => number;
  /** The migration list; tests pass synthetic ones, the app uses MIGRATIONS. */
  readonly migrations?: readonly Migration[];
}

export interface SettingsOpenReport {
  /** The file was empty (first start) and has been written with defaults. */
  readonly created: boolean;
  /** The schema version the file was migrated from, or null when it was already current. */
  readonly migratedFrom: number | null;
  /** Where the original file was copied because some fields were invalid, or null. */
  readonly setAsidePath: string | null;
  /** Dotted names of the fields that were reset to defaults (names only, never values). */
  readonly invalidFields: readonly string[];
}

export type SettingsListener = (settings: Settings, previous: Settings) => void;

type PinAttempt =
  | { readonly kind: 'no_pin' }
  | { readonly kind: 'ok' }
  | { readonly kind: 'wrong'; readonly remaining: number }
  | { readonly kind: 'locked'; readonly until: number };

export class SettingsStore {
  private readonly listeners = new Set<SettingsListener>();
  // PIN attempts run one at a time: otherwise a burst of guesses sent together would all be checked against
  // the lock before the first wrong one was counted, and the lockout would not limit anything.
  private pinQueue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: KeyValueFile,
    private state: StoredSettings,
    private readonly schemaVersion: number,
    private readonly log: Logger,
    private readonly now: () => number,
    readonly openReport: SettingsOpenReport,
  ) {}

  /**
   * Reads, migrates and validates the file. Throws SettingsFileError when the file cannot be read, was written
   * by a newer app version, or a migration fails — in each case without touching it.
   */
  static open(openFile: OpenKeyValueFile, options: SettingsStoreOptions = {}): SettingsStore {
    const log = options.log ?? silentLogger;
    const now = options.now ?? Date.now;
    const migrations = options.migrations ?? MIGRATIONS;
    const schemaVersion = currentSchemaVersion(migrations);
    const { file, raw } = readFile(openFile);
    const migration = migrateStoredFile(raw, migrations);

    let stored = INITIAL_STORED_SETTINGS;
    let invalidFields: readonly string[] = [];
    let migratedFrom: number | null = null;
    let write = true;
    if (migration.kind === 'unversioned') invalidFields = ['schemaVersion'];
    if (migration.kind === 'versioned') {
      const read = readStoredFile(migration.file);
      stored = read.stored;
      invalidFields = read.problems;
      if (migration.fromVersion < migration.toVersion) migratedFrom = migration.fromVersion;
      write = read.changed || migratedFrom !== null;
    }

    let setAsidePath: string | null = null;
    if (invalidFields.length > 0) {
      // Keep the original for a human before the defaults overwrite it: it may hold the only copy of what
      // the installer entered.
      setAsidePath = keepAside(file.path, now());
      log.warn('settings.invalid_fields_reset', { fields: invalidFields.join(','), keptAt: setAsidePath });
    }
    if (migratedFrom !== null) log.info('settings.migrated', { from: migratedFrom, to: schemaVersion });
    if (migration.kind === 'empty') log.info('settings.created', { path: file.path });
    if (write) file.store = toFileContent(schemaVersion, stored);

    const report = { created: migration.kind === 'empty', migratedFrom, setAsidePath, invalidFields };
    return new SettingsStore(file, frozenCopy(stored), schemaVersion, log, now, report);
  }

  /** The current settings (frozen: change them with update()). */
  get(): Settings {
    return this.state.settings;
  }

  /**
   * Applies a partial change. Throws KioskError 'invalid_request' naming the offending field for an unknown
   * field or an invalid value; nothing is saved then.
   */
  update(patch: unknown): Settings {
    const parsed = settingsPatchSchema.safeParse(patch);
    if (!parsed.success) throw invalidSettings(describeIssues(parsed.error, 'setting'));
    const merged = settingsSchema.safeParse({ ...this.state.settings, ...parsed.data });
    if (!merged.success) throw invalidSettings(describeIssues(merged.error, 'setting'));
    const previous = this.state.settings;
    if (isDeepStrictEqual(merged.data, previous)) return previous;
    this.save({ ...this.state, settings: merged.data });
    for (const listener of this.listeners) {
      // A failing listener must not make a saved change look failed to the operator.
      try {
        listener(this.state.settings, previous);
      } catch (error) {
        this.log.error('settings.listener_failed', {
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
    return this.state.settings;
  }

  /** Called after each saved change that altered something; returns the unsubscribe function. */
  onChange(listener: SettingsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  isPinSet(): boolean {
    return this.state.pinHash !== null;
  }

  /** Sets or replaces the PIN and clears the failure count. The caller checks the old PIN (requirePin) first. */
  setPin(pin: string): Promise<void> {
    if (!isValidPinFormat(pin)) {
      return Promise.reject(
        new KioskError(
          'invalid_request',
          `The new PIN is not valid: ${OPERATOR_PIN_RULE}.`,
          'Choose a PIN of 4 to 12 digits.',
        ),
      );
    }
    return this.serialised(async () => {
      const pinHash = await hashPin(pin);
      this.save({ ...this.state, pinHash, pinFailures: NO_PIN_FAILURES });
      this.log.info('settings.pin_set');
    });
  }

  /**
   * Checks a PIN, counting a wrong one towards the lockout. False when it is wrong or no PIN is set; throws
   * KioskError 'pin_locked' while locked and on the wrong PIN that causes the lock.
   */
  verifyPin(pin: string): Promise<boolean> {
    return this.serialised(async () => {
      const attempt = await this.attempt(pin);
      if (attempt.kind === 'locked') throw this.lockedError(attempt.until);
      return attempt.kind === 'ok';
    });
  }

  /**
   * Guards an operator action. Passes when no PIN is set yet (first-run setup) or the PIN is right; otherwise
   * throws KioskError 'pin_locked', 'pin_required' (none given) or 'pin_invalid' (with the tries left).
   */
  requirePin(pin: string | undefined): Promise<void> {
    return this.serialised(async () => {
      if (this.state.pinHash === null) return;
      // Locked first: asking for a PIN that would be refused anyway only wastes the operator's time.
      const until = lockEnd(this.state.pinFailures, this.now());
      if (until !== null) throw this.lockedError(until);
      if (pin === undefined || pin === '') {
        throw new KioskError('pin_required', 'This needs the operator PIN.', 'Enter the operator PIN.');
      }
      const attempt = await this.attempt(pin);
      if (attempt.kind === 'locked') throw this.lockedError(attempt.until);
      if (attempt.kind === 'wrong') {
        const tries = attempt.remaining === 1 ? '1 more try' : `${attempt.remaining} more tries`;
        throw new KioskError(
          'pin_invalid',
          `Wrong PIN: ${tries} before PIN entry locks for ${PIN_LOCK_MS / 60_000} minutes.`,
          'Enter the operator PIN again.',
        );
      }
    });
  }

  /** When the PIN lock ends (epoch ms), or null when PIN entry is open. */
  pinLockedUntil(): number | null {
    return lockEnd(this.state.pinFailures, this.now());
  }

  isProvisioned(): boolean {
    return this.state.provisioned;
  }

  markProvisioned(): void {
    if (!this.state.provisioned) this.save({ ...this.state, provisioned: true });
  }

  /** What the renderer may see: the settings plus flags in place of the secrets. */
  publicView(apiKeySet: boolean): PublicSettings {
    const settings = this.state.settings;
    const configured =
      settings.environment === 'training' ||
      (settings.partnerId !== '' &&
        apiKeySet &&
        (settings.environment !== 'custom' || settings.customApiUrl !== null));
    return { ...structuredClone(settings), apiKeySet, pinSet: this.isPinSet(), configured };
  }

  private async attempt(pin: string): Promise<PinAttempt> {
    const pinHash = this.state.pinHash;
    if (pinHash === null) return { kind: 'no_pin' };
    const until = lockEnd(this.state.pinFailures, this.now());
    if (until !== null) return { kind: 'locked', until };
    if (await verifyPinHash(pin, pinHash)) {
      if (!isDeepStrictEqual(this.state.pinFailures, NO_PIN_FAILURES)) this.savePinFailures(NO_PIN_FAILURES);
      return { kind: 'ok' };
    }
    const failures = afterFailure(this.state.pinFailures, this.now());
    this.savePinFailures(failures);
    if (failures.lockedUntil !== null) {
      this.log.warn('settings.pin_locked', { failures: MAX_PIN_FAILURES, lockedUntil: failures.lockedUntil });
      return { kind: 'locked', until: failures.lockedUntil };
    }
    return { kind: 'wrong', remaining: remainingTries(failures) };
  }

  private lockedError(until: number): KioskError {
    const minutes = Math.max(1, Math.ceil((until - this.now()) / 60_000));
    return new KioskError(
      'pin_locked',
      `Too many wrong PINs: PIN entry is locked until ${clockTime(until)} ` +
        `(about ${minutes} minute${minutes === 1 ? '' : 's'}).`,
      'Wait until then, then enter the operator PIN.',
    );
  }

  private savePinFailures(pinFailures: PinFailures): void {
    this.save({ ...this.state, pinFailures });
  }

  /** File first, memory second: a failed write leaves both at the old state. */
  private save(next: StoredSettings): void {
    this.file.store = toFileContent(this.schemaVersion, next);
    this.state = frozenCopy(next);
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const next = this.pinQueue.then(work, work);
    this.pinQueue = next.catch(() => undefined);
    return next;
  }
}

function readFile(openFile: OpenKeyValueFile): { file: KeyValueFile; raw: Record<string, unknown> } {
  try {
    const file = openFile();
    return { file, raw: file.store };
  } catch (error) {
    // conf / electron-store parse the file while opening it, so a damaged file surfaces here without a path.
    throw new SettingsFileError(
      'unreadable',
      `The settings file could not be read: ${error instanceof Error ? error.message : String(error)}`,
      `Move ${SETTINGS_FILE_NAME}.json out of the app data folder to start from defaults, or restore it from a backup.`,
      { cause: error },
    );
  }
}

/** Copies the file to `<path>.invalid-<ts>` (never over an earlier copy) and returns where. */
function keepAside(path: string, now: number): string {
  for (let attempt = 0; ; attempt++) {
    const target = `${path}.invalid-${now}${attempt === 0 ? '' : `-${attempt}`}`;
    try {
      copyFileSync(path, target, fsConstants.COPYFILE_EXCL);
      return target;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 100) continue;
      // Without a copy, writing defaults would destroy the original: refuse instead.
      throw new SettingsFileError(
        'unreadable',
        `The settings file has invalid fields and could not be kept aside at ${target}: ${
          error instanceof Error ? error.message : String(error)
        }`,
        'Check that the app data folder is writable.',
        { cause: error },
      );
    }
  }
}

/** Local HH:MM, what the operator compares with the kiosk's clock. */
function clockTime(epochMs: number): string {
  const date = new Date(epochMs);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

function invalidSettings(detail: string): KioskError {
  return new KioskError('invalid_request', `${detail}.`, 'Correct the setting and save again.');
}

/** A private frozen copy: get() hands out the state itself, so a caller's mutation must fail, not corrupt it. */
function frozenCopy<T>(value: T): T {
  return deepFreeze(structuredClone(value));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
