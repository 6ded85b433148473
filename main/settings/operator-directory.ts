// The kiosk's named operators (docs/operators.md): who may sign in, with which role, and each one's PIN check
// under the same hashing and escalating lockout as the kiosk PIN. Stored in the sealed settings file
// (operator-records.ts). The rules a supervisor cannot break live here, not in the screens: an operator ID is
// unique, a disabled operator cannot sign in, and the kiosk always keeps at least one enabled supervisor, so no
// change made through the operator screens can lock everyone out.
import { isDeepStrictEqual } from 'node:util';
import { KioskError } from '../../app/errors';
import { operatorIdSchema, type OperatorSummary } from '../../app/operators';
import type { OperatorRole } from '../../app/operator-session';
import { silentLogger, type Logger } from '../log';
import { firstSupervisorRecord, type StoredOperator } from './operator-records';
import { isCheckablePin, isValidPinFormat, OPERATOR_PIN_RULE, pinNeedsChange } from './pin';
import {
  afterFailure,
  lockEnd,
  MAX_PIN_FAILURES,
  NO_PIN_FAILURES,
  remainingTries,
  type PinFailures,
} from './pin-lockout';
import type { SettingsStore } from './settings-store';

export type OperatorStore = Pick<
  SettingsStore,
  | 'operatorRecords'
  | 'saveOperatorRecords'
  | 'hashOperatorPin'
  | 'verifyOperatorPin'
  | 'verifyPin'
  | 'setPin'
  | 'pinState'
  | 'pinLockedUntil'
>;

/** A PIN entry for one operator: the handler turns it into a session, or the tries left, or the lock's end. */
export type OperatorPinCheck =
  | { readonly kind: 'ok'; readonly operator: StoredOperator; readonly changeRequired: boolean }
  | { readonly kind: 'wrong'; readonly triesLeft: number }
  | { readonly kind: 'locked'; readonly until: number }
  /** The right PIN of a disabled operator (only said after a right PIN, so it tells a guesser nothing). */
  | { readonly kind: 'disabled'; readonly operator: StoredOperator };

export interface OperatorChange {
  readonly displayName?: string | undefined;
  readonly role?: OperatorRole | undefined;
  readonly enabled?: boolean | undefined;
}

export interface NewOperator {
  readonly operatorId: string;
  readonly displayName: string;
  readonly role: OperatorRole;
  readonly temporaryPin: string;
}

export interface OperatorDirectoryOptions {
  readonly now?: () => number;
  readonly log?: Logger;
}

export class OperatorDirectory {
  // PIN checks run one at a time, as the kiosk PIN's do: a burst of guesses sent together must each be counted
  // before the next is checked.
  private queue: Promise<unknown> = Promise.resolve();
  // Wrong PINs under operator IDs that do not exist share one counter (in memory): guessing across made-up IDs
  // locks like guessing one, and the answer looks the same as for a real ID.
  private unknownFailures: PinFailures = NO_PIN_FAILURES;
  private decoyHash: Promise<string> | null = null;
  private readonly now: () => number;
  private readonly log: Logger;

  constructor(
    private readonly store: OperatorStore,
    options: OperatorDirectoryOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? silentLogger;
  }

  /**
   * Every operator. Once the kiosk has (or had) a PIN it has its first supervisor, even in a file the migration
   * never saw with one (provisioning sets the kiosk PIN directly), so the kiosk PIN always has an owner.
   */
  records(): readonly StoredOperator[] {
    const stored = this.store.operatorRecords();
    const hasFirst = stored.some((operator) => operator.credential === 'kiosk_pin');
    return hasFirst || this.store.pinState() === 'unset' ? stored : [firstSupervisorRecord(), ...stored];
  }

  /** The owner of the kiosk PIN, whose PIN the recovery code resets. */
  firstSupervisor(): StoredOperator {
    return this.records().find((operator) => operator.credential === 'kiosk_pin') ?? firstSupervisorRecord();
  }

  find(operatorId: string): StoredOperator | null {
    return this.records().find((operator) => operator.operatorId === operatorId) ?? null;
  }

  list(): OperatorSummary[] {
    return this.records().map((operator) => this.summary(operator));
  }

  summary(operator: StoredOperator): OperatorSummary {
    const kioskPin = operator.credential === 'kiosk_pin';
    return {
      operatorId: operator.operatorId,
      displayName: operator.displayName,
      role: operator.role,
      enabled: operator.enabled,
      pinChangeRequired: operator.pinChangeRequired,
      lockedUntil: kioskPin ? this.store.pinLockedUntil() : lockEnd(operator.pinFailures, this.now()),
      recoveryAccount: kioskPin,
    };
  }

  /**
   * Checks `pin` for the operator typed. Throws KioskError 'kiosk_locked' / 'not_configured' as the kiosk PIN's
   * check does (first supervisor, on a locked or unset kiosk).
   */
  verify(typedOperatorId: string, pin: string): Promise<OperatorPinCheck> {
    return this.serialised(async () => {
      const parsed = operatorIdSchema.safeParse(typedOperatorId);
      const operator = parsed.success ? this.find(parsed.data) : null;
      if (operator === null) return this.unknownOperator(pin);
      if (operator.credential === 'kiosk_pin') {
        const check = await this.store.verifyPin(pin);
        if (check.kind !== 'ok') return check;
        return this.opened(operator, check.changeRequired);
      }
      return this.verifyOwn(operator, pin);
    });
  }

  /** A new operator with a temporary PIN that signs in only to choose their own. */
  async create(request: NewOperator): Promise<OperatorSummary> {
    const operatorId = operatorIdSchema.parse(request.operatorId);
    requireValidPin(request.temporaryPin);
    if (this.find(operatorId) !== null) {
      throw new KioskError(
        'invalid_request',
        `An operator with the ID ${operatorId} already exists.`,
        'Choose another operator ID.',
        { field: 'operatorId', problem: 'taken' },
      );
    }
    const record: StoredOperator = {
      operatorId,
      displayName: request.displayName,
      role: request.role,
      enabled: true,
      credential: 'own',
      pinHash: await this.store.hashOperatorPin(request.temporaryPin),
      pinChangeRequired: true,
      pinFailures: NO_PIN_FAILURES,
    };
    this.save([...this.records(), record]);
    this.log.info('operators.created', { operatorId, role: record.role });
    return this.summary(record);
  }

  /**
   * Renames, enables or disables, or changes the role. Throws 'not_found' for an unknown operator and
   * 'not_allowed' (reason last_supervisor) when no enabled supervisor would be left.
   */
  update(operatorId: string, change: OperatorChange): { before: StoredOperator; after: StoredOperator } {
    const before = this.require(operatorId);
    const after: StoredOperator = {
      ...before,
      displayName: change.displayName ?? before.displayName,
      role: change.role ?? before.role,
      enabled: change.enabled ?? before.enabled,
    };
    if (isDeepStrictEqual(before, after)) return { before, after };
    const next = this.records().map((operator) => (operator.operatorId === operatorId ? after : operator));
    if (!next.some((operator) => operator.enabled && operator.role === 'supervisor')) {
      throw new KioskError(
        'not_allowed',
        'The kiosk must keep at least one enabled supervisor: this change would leave none.',
        'Make another operator a supervisor first.',
        { reason: 'last_supervisor' },
      );
    }
    this.save(next);
    this.log.info('operators.updated', { operatorId, role: after.role, enabled: after.enabled });
    return { before, after };
  }

  /** A temporary PIN set by a supervisor: it signs in only to choose a new one; the lock is cleared. */
  async resetPin(operatorId: string, temporaryPin: string): Promise<OperatorSummary> {
    requireValidPin(temporaryPin);
    const operator = this.require(operatorId);
    const record = await this.withPin(operator, temporaryPin, true);
    this.log.info('operators.pin_reset', { operatorId });
    return this.summary(record);
  }

  /** The operator chose their own PIN (after a temporary one, or to change it). */
  async setOwnPin(operatorId: string, pin: string): Promise<StoredOperator> {
    requireValidPin(pin);
    return this.withPin(this.require(operatorId), pin, false);
  }

  /**
   * The recovery code set a new kiosk PIN (settings store): its owner, the first supervisor, is enabled and a
   * supervisor again, so recovering always gives the kiosk a supervisor who can sign in.
   */
  restoreFirstSupervisor(): StoredOperator {
    const current = this.records().find((operator) => operator.credential === 'kiosk_pin');
    const restored: StoredOperator = {
      ...(current ?? firstSupervisorRecord()),
      role: 'supervisor',
      enabled: true,
      pinChangeRequired: false,
    };
    const others = this.records().filter((operator) => operator.credential !== 'kiosk_pin');
    this.save([restored, ...others]);
    return restored;
  }

  private async withPin(operator: StoredOperator, pin: string, temporary: boolean): Promise<StoredOperator> {
    let record: StoredOperator;
    if (operator.credential === 'kiosk_pin') {
      await this.store.setPin(pin);
      record = { ...operator, pinChangeRequired: temporary };
    } else {
      const pinHash = await this.store.hashOperatorPin(pin);
      record = { ...operator, pinHash, pinChangeRequired: temporary, pinFailures: NO_PIN_FAILURES };
    }
    this.save(this.records().map((each) => (each.operatorId === operator.operatorId ? record : each)));
    return record;
  }

  private async verifyOwn(operator: StoredOperator, pin: string): Promise<OperatorPinCheck> {
    const until = lockEnd(operator.pinFailures, this.now());
    if (until !== null) return { kind: 'locked', until };
    const hash = operator.pinHash;
    if (hash !== null && isCheckablePin(pin) && (await this.store.verifyOperatorPin(pin, hash))) {
      if (!isDeepStrictEqual(operator.pinFailures, NO_PIN_FAILURES)) {
        this.replace({ ...operator, pinFailures: NO_PIN_FAILURES });
      }
      return this.opened(operator, pinNeedsChange(pin));
    }
    const failures = afterFailure(operator.pinFailures, this.now());
    this.replace({ ...operator, pinFailures: failures });
    return this.failed(failures, operator.operatorId);
  }

  private async unknownOperator(pin: string): Promise<OperatorPinCheck> {
    const until = lockEnd(this.unknownFailures, this.now());
    if (until !== null) return { kind: 'locked', until };
    // The same scrypt a real operator's check costs, so the answer's timing does not tell the ID is unknown.
    this.decoyHash ??= this.store.hashOperatorPin('000000');
    await this.store.verifyOperatorPin(pin, await this.decoyHash);
    this.unknownFailures = afterFailure(this.unknownFailures, this.now());
    return this.failed(this.unknownFailures, null);
  }

  private failed(failures: PinFailures, operatorId: string | null): OperatorPinCheck {
    if (failures.lockedUntil === null) return { kind: 'wrong', triesLeft: remainingTries(failures) };
    this.log.warn('operators.pin_locked', {
      operatorId: operatorId ?? 'unknown',
      failures: MAX_PIN_FAILURES,
      lockouts: failures.lockouts,
      lockedUntil: failures.lockedUntil,
    });
    return { kind: 'locked', until: failures.lockedUntil };
  }

  private opened(operator: StoredOperator, legacyPin: boolean): OperatorPinCheck {
    if (!operator.enabled) return { kind: 'disabled', operator };
    return { kind: 'ok', operator, changeRequired: operator.pinChangeRequired || legacyPin };
  }

  private require(operatorId: string): StoredOperator {
    const operator = this.find(operatorId);
    if (operator === null) {
      throw new KioskError('not_found', `There is no operator ${operatorId}.`, 'Reload the operator list.');
    }
    return operator;
  }

  private replace(record: StoredOperator): void {
    this.save(this.records().map((each) => (each.operatorId === record.operatorId ? record : each)));
  }

  private save(records: readonly StoredOperator[]): void {
    this.store.saveOperatorRecords(records);
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function requireValidPin(pin: string): void {
  if (isValidPinFormat(pin)) return;
  throw new KioskError(
    'invalid_request',
    `The PIN is not valid: ${OPERATOR_PIN_RULE}.`,
    'Choose a PIN of 6 to 12 digits.',
  );
}
