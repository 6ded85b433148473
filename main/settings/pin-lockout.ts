// The PIN lockout policy as pure functions over the persisted counter, so the settings store only decides when
// to save it. Five wrong PINs in a row lock PIN entry; each further lock before a right PIN lasts longer
// (1, 5, 15, 60 minutes, then 4 hours each time), so a guesser gets at most about 30 tries a day once the
// locks have escalated, instead of 1,440 with a flat five-minute lock. The state lives in the (sealed) settings
// file, so restarting the app or the kiosk hands out no fresh tries and does not reset the escalation; a right
// PIN does.

export const MAX_PIN_FAILURES = 5;
export const PIN_LOCK_STEPS_MS: readonly number[] = [1, 5, 15, 60, 240].map((minutes) => minutes * 60_000);

export interface PinFailures {
  /** Consecutive wrong PINs since the last correct one or the last lock. */
  readonly count: number;
  /** Epoch ms until which PIN entry is refused; null when not locked. */
  readonly lockedUntil: number | null;
  /** Locks since the last correct PIN: picks the next lock's length. */
  readonly lockouts: number;
}

export const NO_PIN_FAILURES: PinFailures = { count: 0, lockedUntil: null, lockouts: 0 };

/** How long the n-th lock (0-based) since the last correct PIN lasts. */
export function lockDurationMs(lockIndex: number): number {
  const steps = PIN_LOCK_STEPS_MS;
  return steps[Math.min(Math.max(lockIndex, 0), steps.length - 1)] ?? steps[steps.length - 1] ?? 0;
}

/** When the current lock ends, or null when PIN entry is open. */
export function lockEnd(failures: PinFailures, now: number): number | null {
  const until = failures.lockedUntil;
  if (until === null || now >= until) return null;
  // The clock was set back after locking: do not let that stretch the lock beyond its own length from now.
  return Math.min(until, now + lockDurationMs(failures.lockouts - 1));
}

/**
 * A wrong PIN (never called while locked): counts it, and on the last allowed one locks for the next step with
 * the count back at zero, so five fresh tries follow the lock.
 */
export function afterFailure(failures: PinFailures, now: number): PinFailures {
  const count = failures.count + 1;
  if (count < MAX_PIN_FAILURES) return { ...failures, count, lockedUntil: null };
  return { count: 0, lockedUntil: now + lockDurationMs(failures.lockouts), lockouts: failures.lockouts + 1 };
}

export function remainingTries(failures: PinFailures): number {
  return Math.max(0, MAX_PIN_FAILURES - failures.count);
}
