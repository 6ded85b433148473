// The kiosk's settings, operator PIN, recovery code and provisioning flag, in one small key-value file: conf in
// plain Node, electron-store in the Electron shell (same format; `name` there is SETTINGS_FILE_NAME). The file is
// read once at open and then served from memory; every change replaces the whole file through `file.store`,
// which both libraries write atomically, so a power cut leaves the old file or the new one, never half of each.
//
// The file is owner-only (0600) and sealed with an HMAC under a key from the vault (file-seal.ts), checked at
// open: a file changed outside the app is refused, and a PIN that cannot be read fails closed — the kiosk is
// 'locked' (no operator call passes) until a new PIN is set with the recovery code or a provisioning file, never
// back to "no PIN". Opening takes two steps because the vault itself may need a setting
// (allowWeakSecretStorage) before it can give the keys: SettingsStore.read(), then seal(vault).
import { chmodSync, copyFileSync, constants as fsConstants } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { ZodError } from 'zod';
import { KioskError } from '../../app/errors';
import type { PinLockReason, PinState } from '../../app/operator-session';
import { settingsPatchSchema, settingsSchema, type PublicSettings, type Settings } from '../../app/settings';
import { canSend, issueParams, issuesFromZod } from '../../app/settings-issues';
import { silentLogger, type Logger } from '../log';
import type { KeyValueFile, OpenKeyValueFile } from '../storage/key-value-file';
import { SETTINGS_FILE_NAME } from '../storage/settings-file';
import { describeIssues } from './describe-issues';
import { SettingsFileError } from './errors';
import { hasValidSeal, isSealed, sealContent } from './file-seal';
import {
  currentSchemaVersion,
  migrateStoredFile,
  MIGRATIONS,
  type Migration,
  type MigrationResult,
} from './migrations';
import { hashPeppered, isLegacyHash, pepperLegacyHash, verifyPeppered } from './peppered-hash';
import { isCheckablePin, isValidPinFormat, OPERATOR_PIN_RULE, pinNeedsChange } from './pin';
import {
  afterFailure,
  lockEnd,
  MAX_PIN_FAILURES,
  NO_PIN_FAILURES,
  remainingTries,
  type PinFailures,
} from './pin-lockout';
import { generateRecoveryCode, normaliseRecoveryCode } from './recovery-code';
import { loadRecoveryCodeHash, saveRecoveryCodeHash } from './recovery-code-vault';
import {
  createSettingsKeys,
  loadSettingsKeys,
  markFileSealed,
  type SettingsKeys,
  type SettingsKeyVault,
} from './settings-keys';
import { refuseUndeliverableResults } from './result-delivery-rule';
import type { StoredOperator } from './operator-records';
import { INITIAL_STORED_SETTINGS, readStoredFile, toFileContent, type StoredSettings } from './stored-file';

export { SETTINGS_FILE_NAME } from '../storage/settings-file';

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

/** A PIN check: main turns it into verifyPin's answer (a session, or the tries left, or the lock's end). */
export type PinCheck =
  | { readonly kind: 'ok'; readonly changeRequired: boolean }
  | { readonly kind: 'wrong'; readonly triesLeft: number }
  | { readonly kind: 'locked'; readonly until: number };

export type RecoveryCheck =
  { readonly kind: 'ok' } | { readonly kind: 'wrong' } | { readonly kind: 'locked'; readonly until: number };

/** The file as read, before its seal was checked: trust nothing in it yet but what the vault needs to open. */
export class UnsealedSettings {
  private sealed: SettingsStore | null = null;

  constructor(
    private readonly file: KeyValueFile,
    private readonly raw: Readonly<Record<string, unknown>>,
    private readonly migration: MigrationResult,
    private readonly options: Required<SettingsStoreOptions>,
  ) {}

  /** The settings: the sealed store's once seal() has run, the file's unchecked values before. */
  get(): Settings {
    if (this.sealed) return this.sealed.get();
    return this.migration.kind === 'versioned'
      ? readStoredFile(this.migration.file).stored.settings
      : INITIAL_STORED_SETTINGS.settings;
  }

  /**
   * Whether the file (unchecked) says first-start provisioning already ran. Only for checking provisioning input
   * before anything is written; the decision to apply it is the sealed store's.
   */
  claimsProvisioned(): boolean {
    if (this.sealed) return this.sealed.isProvisioned();
    return this.migration.kind === 'versioned' && readStoredFile(this.migration.file).stored.provisioned;
  }

  /**
   * Checks the seal with the vault's key and opens the store. Throws SettingsFileError 'tampered' when the seal
   * does not match or was removed, and 'seal_key_missing' when the vault lacks the key — without touching the
   * file. A file from before sealing is accepted once and sealed.
   */
  async seal(vault: SettingsKeyVault): Promise<SettingsStore> {
    this.sealed ??= await openSealed(this.file, this.raw, this.migration, vault, this.options);
    return this.sealed;
  }
}

export class SettingsStore {
  private readonly listeners = new Set<SettingsListener>();
  // PIN and recovery-code attempts run one at a time: otherwise a burst of guesses sent together would all be
  // checked against the lock before the first wrong one was counted, and the lockout would not limit anything.
  private pinQueue: Promise<unknown> = Promise.resolve();
  // Recovery-code failures are counted in memory only: the code has 100 bits, so the count guards the CPU (each
  // try is an scrypt), not the code.
  private recoveryFailures: PinFailures = NO_PIN_FAILURES;

  /** @internal — use SettingsStore.open() or SettingsStore.read(…).seal(vault). */
  constructor(
    private readonly file: KeyValueFile,
    private state: StoredSettings,
    private readonly schemaVersion: number,
    private readonly keys: SettingsKeys,
    private readonly vault: SettingsKeyVault,
    /** The recovery code's peppered hash, kept in the vault (recovery-code-vault.ts); null before one exists. */
    private recoveryCodeHash: string | null,
    private readonly log: Logger,
    private readonly now: () => number,
    readonly openReport: SettingsOpenReport,
  ) {}

  /**
   * Reads and migrates the file without trusting it yet. Throws SettingsFileError when the file cannot be read,
   * was written by a newer app version, or a migration fails — in each case without touching it.
   */
  static read(openFile: OpenKeyValueFile, options: SettingsStoreOptions = {}): UnsealedSettings {
    const complete: Required<SettingsStoreOptions> = {
      log: options.log ?? silentLogger,
      now: options.now ?? Date.now,
      migrations: options.migrations ?? MIGRATIONS,
    };
    const { file, raw } = readFile(openFile);
    const migration = migrateStoredFile(raw, complete.migrations);
    return new UnsealedSettings(file, raw, migration, complete);
  }

  /** read() and seal() in one, for callers whose vault does not depend on the settings. */
  static async open(
    openFile: OpenKeyValueFile,
    vault: SettingsKeyVault,
    options: SettingsStoreOptions = {},
  ): Promise<SettingsStore> {
    return SettingsStore.read(openFile, options).seal(vault);
  }

  /** The current settings (frozen: change them with update()). */
  get(): Settings {
    return this.state.settings;
  }

  /**
   * The settings a partial change would produce, without saving anything: for the checks a caller makes first
   * (where it sends, whether it can send). Throws like update().
   */
  preview(patch: unknown): Settings {
    const parsed = settingsPatchSchema.safeParse(patch);
    if (!parsed.success) throw invalidSettings(parsed.error);
    const merged = settingsSchema.safeParse({ ...this.state.settings, ...parsed.data });
    if (!merged.success) throw invalidSettings(merged.error);
    // A rule across fields, beyond each field's own schema.
    refuseUndeliverableResults(merged.data);
    return merged.data;
  }

  /**
   * Applies a partial change. Throws KioskError 'invalid_request' naming the offending field for an unknown
   * field or an invalid value (its first issue as params: { field, problem, limit? }); nothing is saved then.
   */
  update(patch: unknown): Settings {
    const merged = this.preview(patch);
    const previous = this.state.settings;
    if (isDeepStrictEqual(merged, previous)) return previous;
    this.save({ ...this.state, settings: merged });
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

  /** 'unset' (first-run setup), 'set', or 'locked' (a PIN was set once and cannot be read: fail closed). */
  pinState(): PinState {
    if (this.state.pinHash !== null) return 'set';
    return this.state.pinEverSet ? 'locked' : 'unset';
  }

  isPinSet(): boolean {
    return this.pinState() === 'set';
  }

  /** Why the kiosk is locked, or null when it is not. */
  pinLockReason(): PinLockReason | null {
    return this.pinState() === 'locked' ? (this.state.pinLockReason ?? 'pin_hash_missing') : null;
  }

  hasRecoveryCode(): boolean {
    return this.recoveryCodeHash !== null;
  }

  /** The named operators as stored (main/settings/operator-directory.ts manages them). */
  operatorRecords(): readonly StoredOperator[] {
    return this.state.operators;
  }

  saveOperatorRecords(operators: readonly StoredOperator[]): void {
    this.save({ ...this.state, operators });
  }

  /** An operator's own PIN, hashed as the kiosk PIN is: scrypt under this kiosk's pepper. */
  hashOperatorPin(pin: string): Promise<string> {
    return hashPeppered(pin, this.keys.pepper);
  }

  verifyOperatorPin(pin: string, stored: string): Promise<boolean> {
    return verifyPeppered(pin, stored, this.keys.pepper);
  }

  /**
   * Sets or replaces the PIN, clears the failure count and the escalation, and unlocks a locked kiosk. The caller
   * decides who may (an operator session, first-run setup, or a provisioning file).
   */
  setPin(pin: string): Promise<void> {
    if (!isValidPinFormat(pin)) {
      return Promise.reject(
        new KioskError(
          'invalid_request',
          `The new PIN is not valid: ${OPERATOR_PIN_RULE}.`,
          'Choose a PIN of 6 to 12 digits.',
        ),
      );
    }
    return this.serialised(async () => {
      const pinHash = await hashPeppered(pin, this.keys.pepper);
      const wasLocked = this.pinState() === 'locked';
      this.save({
        ...this.state,
        pinHash,
        pinEverSet: true,
        pinLockReason: null,
        pinFailures: NO_PIN_FAILURES,
      });
      this.log.info('settings.pin_set', { unlocked: wasLocked });
    });
  }

  /** Makes a new recovery code (the old one stops working) and answers it: the only time it exists in clear. */
  issueRecoveryCode(): Promise<string> {
    return this.serialised(async () => {
      const code = generateRecoveryCode();
      const normalised = normaliseRecoveryCode(code);
      if (normalised === null) throw new Error('a generated recovery code did not normalise');
      const hash = await hashPeppered(normalised, this.keys.pepper);
      await saveRecoveryCodeHash(this.vault, hash);
      this.recoveryCodeHash = hash;
      this.recoveryFailures = NO_PIN_FAILURES;
      this.log.info('settings.recovery_code_issued');
      return code;
    });
  }

  /**
   * Checks a PIN, counting a wrong one (or anything that is not a PIN) towards the escalating lockout. A right
   * PIN of 4 or 5 digits answers `changeRequired`. Throws KioskError 'kiosk_locked' on a locked kiosk and
   * 'not_configured' before any PIN was set: neither has a PIN to check.
   */
  verifyPin(pin: string): Promise<PinCheck> {
    return this.serialised(async () => {
      const pinHash = this.state.pinHash;
      if (pinHash === null) throw this.noPinError();
      const until = lockEnd(this.state.pinFailures, this.now());
      if (until !== null) return { kind: 'locked', until };
      if (isCheckablePin(pin) && (await verifyPeppered(pin, pinHash, this.keys.pepper))) {
        if (!isDeepStrictEqual(this.state.pinFailures, NO_PIN_FAILURES))
          this.savePinFailures(NO_PIN_FAILURES);
        return { kind: 'ok', changeRequired: pinNeedsChange(pin) };
      }
      const failures = afterFailure(this.state.pinFailures, this.now());
      this.savePinFailures(failures);
      if (failures.lockedUntil !== null) {
        this.log.warn('settings.pin_locked', {
          failures: MAX_PIN_FAILURES,
          lockouts: failures.lockouts,
          lockedUntil: failures.lockedUntil,
        });
        return { kind: 'locked', until: failures.lockedUntil };
      }
      return { kind: 'wrong', triesLeft: remainingTries(failures) };
    });
  }

  /**
   * Checks the supervisor recovery code (case, spaces and dashes do not matter). Throws KioskError
   * 'not_configured' when there is nothing to recover or no code was made.
   */
  verifyRecoveryCode(input: string): Promise<RecoveryCheck> {
    return this.serialised(async () => {
      if (this.pinState() === 'unset') throw this.noPinError();
      const codeHash = this.recoveryCodeHash;
      if (codeHash === null) {
        throw new KioskError(
          'not_configured',
          'No recovery code was made on this kiosk, so it cannot be recovered with one.',
          'Re-provision the kiosk: start it with KIOSK_PROVISION naming a file, readable only by the kiosk ' +
            'account, that contains "operatorPin".',
        );
      }
      const until = lockEnd(this.recoveryFailures, this.now());
      if (until !== null) return { kind: 'locked', until };
      const code = normaliseRecoveryCode(input);
      if (code !== null && (await verifyPeppered(code, codeHash, this.keys.pepper))) {
        this.recoveryFailures = NO_PIN_FAILURES;
        this.log.info('settings.recovery_code_accepted');
        return { kind: 'ok' };
      }
      this.recoveryFailures = afterFailure(this.recoveryFailures, this.now());
      this.log.warn('settings.recovery_code_wrong', { lockedUntil: this.recoveryFailures.lockedUntil });
      const lockedUntil = this.recoveryFailures.lockedUntil;
      return lockedUntil === null ? { kind: 'wrong' } : { kind: 'locked', until: lockedUntil };
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
    return {
      ...structuredClone(settings),
      apiKeySet,
      pinSet: this.isPinSet(),
      pinState: this.pinState(),
      pinLockReason: this.pinLockReason(),
      recoveryCodeSet: this.hasRecoveryCode(),
      configured: canSend(settings, apiKeySet),
    };
  }

  private noPinError(): KioskError {
    if (this.pinState() === 'locked') return kioskLockedError();
    return new KioskError(
      'not_configured',
      'No operator PIN is set on this kiosk yet.',
      'Finish the kiosk setup and choose a PIN first.',
    );
  }

  private savePinFailures(pinFailures: PinFailures): void {
    this.save({ ...this.state, pinFailures });
  }

  /** File first, memory second: a failed write leaves both at the old state. Every write is sealed. */
  private save(next: StoredSettings): void {
    this.file.store = sealContent(toFileContent(this.schemaVersion, next), this.keys.macKey);
    this.state = frozenCopy(next);
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const next = this.pinQueue.then(work, work);
    this.pinQueue = next.catch(() => undefined);
    return next;
  }
}

/** What every privileged call answers while the kiosk is locked. */
export function kioskLockedError(): KioskError {
  return new KioskError(
    'kiosk_locked',
    'This kiosk is locked: its operator PIN could not be read, so no operator action is allowed until a new ' +
      'PIN is set.',
    'Enter the supervisor recovery code on the kiosk screen, or re-provision the kiosk with a provisioning ' +
      'file that contains "operatorPin".',
  );
}

async function openSealed(
  file: KeyValueFile,
  raw: Readonly<Record<string, unknown>>,
  migration: MigrationResult,
  vault: SettingsKeyVault,
  options: Required<SettingsStoreOptions>,
): Promise<SettingsStore> {
  const { log, now } = options;
  const schemaVersion = currentSchemaVersion(options.migrations);
  const existing = await loadSettingsKeys(vault);
  const trusted = isSealed(raw);
  if (trusted) {
    if (existing === null) throw sealKeyMissing(file.path);
    if (!hasValidSeal(raw, existing.macKey)) throw tampered(file.path, 'its seal does not match its content');
  } else if (migration.kind !== 'empty' && existing?.fileSealed === true) {
    // Sealed files were written here before: one without a seal had it removed.
    throw tampered(file.path, 'its seal was removed');
  }
  let keys = existing ?? (await createSettingsKeys(vault));

  let stored = INITIAL_STORED_SETTINGS;
  let invalidFields: readonly string[] = [];
  let migratedFrom: number | null = null;
  let write = !trusted;
  let lock: PinLockReason | null = null;
  if (migration.kind === 'empty') {
    // The file is gone, but the vault shows a sealed one existed: someone deleted it, or moved it aside after a
    // failed seal. Fail closed rather than reopen first-run setup to whoever is at the screen.
    if (keys.fileSealed) lock = 'settings_file_missing';
  } else if (migration.kind === 'unversioned') {
    invalidFields = ['schemaVersion'];
    lock = 'settings_unversioned';
  } else {
    const read = readStoredFile(migration.file);
    stored = read.stored;
    invalidFields = read.problems;
    if (migration.fromVersion < migration.toVersion) migratedFrom = migration.fromVersion;
    write ||= read.changed || migratedFrom !== null;
    if (read.pinHashProblem === 'invalid') lock = 'pin_hash_invalid';
    else if (read.pinHashProblem === 'missing' && (stored.provisioned || stored.pinEverSet)) {
      lock = 'pin_hash_missing';
    } else if (!trusted && stored.pinHash === null && stored.provisioned) {
      // A file from before sealing is taken on trust once, but only with a PIN hash or before provisioning:
      // "provisioned, no PIN" is exactly what removing the hash from an unsealed file would look like.
      lock = 'pin_hash_missing';
    }
    if (stored.pinHash !== null && isLegacyHash(stored.pinHash)) {
      // A hash from before the pepper: wrapped now, so the copy on disk is worthless without the vault.
      const peppered = pepperLegacyHash(stored.pinHash, keys.pepper);
      if (peppered === null) lock = 'pin_hash_invalid';
      stored = { ...stored, pinHash: peppered };
      write = true;
    }
  }
  if (lock !== null) {
    stored = { ...stored, pinHash: null, pinEverSet: true, pinLockReason: lock };
    write = true;
    log.warn('settings.locked', { reason: lock });
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
  if (!trusted && migration.kind !== 'empty') log.info('settings.sealed_first_time', { path: file.path });
  if (write) file.store = sealContent(toFileContent(schemaVersion, stored), keys.macKey);
  ownerOnly(file.path, log);
  // Only once a sealed file is on disk: from now on a missing seal means tampering.
  keys = await markFileSealed(vault, keys);

  const report = { created: migration.kind === 'empty', migratedFrom, setAsidePath, invalidFields };
  const recoveryCodeHash = await loadRecoveryCodeHash(vault);
  return new SettingsStore(
    file,
    frozenCopy(stored),
    schemaVersion,
    keys,
    vault,
    recoveryCodeHash,
    log,
    now,
    report,
  );
}

function tampered(filePath: string, why: string): SettingsFileError {
  return new SettingsFileError(
    'tampered',
    `The settings file ${filePath} was changed outside the kiosk app (${why}), so the kiosk does not trust it ` +
      'and will not start with it. It was left untouched.',
    `Restore ${SETTINGS_FILE_NAME}.json from a backup; or move it out of the app data folder and start the ` +
      'kiosk with KIOSK_PROVISION naming a provisioning file that contains "operatorPin" (the kiosk starts ' +
      'locked until that new PIN is set).',
  );
}

function sealKeyMissing(filePath: string): SettingsFileError {
  return new SettingsFileError(
    'seal_key_missing',
    `The settings file ${filePath} is sealed with a key this kiosk's secret store does not hold (the secret ` +
      'store was reset, or the file comes from another kiosk). It was left untouched.',
    'Restore the secret store that belongs to this settings file; or move the settings file out of the app ' +
      'data folder and set the kiosk up again.',
  );
}

/**
 * The file holds the PIN and recovery-code hashes: readable by the kiosk's account only. conf writes it 0600
 * (settings-file.ts); this also narrows a file an older version left world-readable, even if nothing is written.
 */
function ownerOnly(filePath: string, log: Logger): void {
  if (process.platform === 'win32') return;
  try {
    chmodSync(filePath, 0o600);
  } catch (error) {
    log.warn('settings.chmod_failed', { code: (error as NodeJS.ErrnoException).code ?? 'error' });
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
      // The copy holds the same hashes as the file: owner-only too.
      if (process.platform !== 'win32') chmodSync(target, 0o600);
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

function invalidSettings(error: ZodError): KioskError {
  const first = issuesFromZod(error)[0];
  return new KioskError(
    'invalid_request',
    `${describeIssues(error, 'setting')}.`,
    'Correct the setting and save again.',
    first ? issueParams(first) : {},
  );
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
