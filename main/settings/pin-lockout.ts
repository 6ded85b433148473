// The PIN lockout policy as pure functions over the persisted counter, so the settings store only decides
// when to save it. Five wrong PINs in a row lock PIN entry for five minutes; the state lives in the settings
// file, so restarting the app (or the kiosk) does not hand out five fresh guesses.

export const MAX_PIN_FAILURES = 5;
export const PIN_LOCK_MS = 5 * 60_000;

export interface PinFailures {
  /** Consecutive wrong PINs since the last correct one or the last lock. */
  readonly count: number;
  /** Epoch ms until which PIN entry is refused; null when not locked. */
  readonly lockedUntil: number | null;
}

export const NO_PIN_FAILURES: PinFailures = { count: 0, lockedUntil: null };

/** When the current lock ends, or null when PIN entry is open. */
export function lockEnd(failures: PinFailures, now: number): number | null {
  const until = failures.lockedUntil;
  if (until === null || now >= until) return null;
  // The clock was set back after locking: do not let that stretch a five-minute lock into hours.
  return Math.min(until, now + PIN_LOCK_MS);
}

/**
 * A wrong PIN (never called while locked): counts it, and on the last allowed one locks with the count back at
 * zero, so five fresh tries follow the lock.
 */
export function afterFailure(failures: PinFailures, now: number): PinFailures {
  const count = failures.count + 1;
  if (count >= MAX_PIN_FAILURES) return { count: 0, lockedUntil: now + PIN_LOCK_MS };
  return { count, lockedUntil: null };
}

export function remainingTries(failures: PinFailures): number {
  return Math.max(0, MAX_PIN_FAILURES - failures.count);
}
