// Signing the operator in and out. The PIN (or recovery code) goes to main once, in the call that checks it,
// and is not kept: what the store keeps is the session grant main answers, which every privileged call
// presents. The grant lasts until the operator screens close, the kiosk goes idle (resetFlow ends it in main)
// or main's maximum age passes.
import type { SessionGrant } from '../../app/operator-session';
import {
  endOperatorSession,
  kiosk,
  resetFlow,
  sessionToken,
  setPinChange,
  setSession,
  useKiosk,
  type PinChange,
} from './kiosk-store';

export type SignInOutcome =
  | { readonly kind: 'ok'; readonly changeRequired: boolean }
  | { readonly kind: 'wrong'; readonly triesLeft: number }
  | { readonly kind: 'locked'; readonly until: number };

export type RecoveryOutcome =
  { readonly kind: 'ok' } | { readonly kind: 'wrong' } | { readonly kind: 'locked'; readonly until: number };

/**
 * Checks the PIN with main and, when it is right, keeps the session for `target`. A right but outdated PIN
 * (fewer than 6 digits) opens only the PIN change, which then continues to `target`. Rejects with main's
 * KioskError when the kiosk is locked or has no PIN.
 */
export async function signIn(
  operatorId: string,
  pin: string,
  target: 'operator' | 'setup',
): Promise<SignInOutcome> {
  const answer = await kiosk().verifyPin({ operatorId, pin });
  if (!answer.valid) {
    return answer.lockedUntil === null
      ? { kind: 'wrong', triesLeft: answer.triesLeft }
      : { kind: 'locked', until: answer.lockedUntil };
  }
  startSession(answer.grant, { reason: 'short_pin', next: target });
  return { kind: 'ok', changeRequired: answer.pinChangeRequired };
}

/** Checks the supervisor recovery code; when right, the session may only set a new PIN (then go to setup). */
export async function recoverWithCode(recoveryCode: string): Promise<RecoveryOutcome> {
  const answer = await kiosk().recoverWithCode({ recoveryCode });
  if (!answer.valid) {
    return answer.lockedUntil === null ? { kind: 'wrong' } : { kind: 'locked', until: answer.lockedUntil };
  }
  startSession(answer.grant, { reason: 'recovery', next: 'setup' });
  return { kind: 'ok' };
}

/**
 * Sets a new PIN under the current session (or, in first-run setup, without one) and keeps the full session
 * main answers. Resolves to the new recovery code when main made one: show it once, then forget it.
 */
export async function changePin(newPin: string): Promise<string | null> {
  const session = useKiosk.getState().session;
  const answer = await kiosk().setPin({ newPin, ...(session ? { grant: session.token } : {}) });
  setSession(answer.grant);
  return answer.recoveryCode;
}

/** Closes the operator screens: the session ends in main and here, and the kiosk returns to rest. */
export function signOut(): void {
  resetFlow();
}

/** The exit chord's PIN was right: leave kiosk mode under that session, then end it. */
export async function leaveKioskMode(): Promise<void> {
  try {
    await kiosk().exitKiosk({ grant: sessionToken() });
  } finally {
    endOperatorSession();
  }
}

/** A call failed because the session is gone (expired, or ended elsewhere): back to rest, the PIN is asked again. */
export function isSessionGone(code: string): boolean {
  return code === 'session_expired' || code === 'pin_required';
}

function startSession(grant: SessionGrant, pinChange: PinChange): void {
  setSession(grant);
  setPinChange(pinChange);
}
