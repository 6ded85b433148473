// The actor an operator call is recorded under: the named operator whose session made it (docs/operators.md).
// A recovery-code session is recorded as the recovery code, not as the first supervisor it sets the PIN for:
// whoever held the code acted, and the log must not claim it was that supervisor.
import {
  FIRST_RUN_OPERATOR_ID,
  OPERATOR_ID_PATTERN,
  RECOVERY_CODE_OPERATOR_ID,
  type AuditActor,
  type AuditRole,
} from '../../app/audit/entry';

/** What the audit needs of an operator session (main/settings/operator-sessions.ts). */
export interface SessionLike {
  readonly operatorId: string;
  readonly role: AuditRole;
  readonly origin: 'pin' | 'recovery_code' | 'first_run';
}

/** Someone at the kiosk who did not sign in (a public call). */
export const UNIDENTIFIED_OPERATOR: AuditActor = { kind: 'operator', operatorId: null, role: null };

function operatorIdOf(session: SessionLike): string {
  return session.origin === 'recovery_code' ? RECOVERY_CODE_OPERATOR_ID : session.operatorId;
}

/** The actor of a call made under `session`; without one, a public call or first-run setup. */
export function actorOfCall(session: SessionLike | null, privileged: boolean): AuditActor {
  if (session) return { kind: 'operator', operatorId: operatorIdOf(session), role: session.role };
  return privileged
    ? { kind: 'operator', operatorId: FIRST_RUN_OPERATOR_ID, role: null }
    : UNIDENTIFIED_OPERATOR;
}

/** The actor a sign-in just created (the session it answered), or whose session just ended. */
export function actorOfSession(session: SessionLike): AuditActor {
  return { kind: 'operator', operatorId: operatorIdOf(session), role: session.role };
}

/**
 * A refused sign-in: the operator ID it claimed (when it is one at all; typed text that is not an ID is not
 * recorded), with no role, since none was granted.
 */
export function actorOfRefusedSignIn(
  origin: SessionLike['origin'],
  typedOperatorId: string | null,
): AuditActor {
  if (origin === 'recovery_code')
    return { kind: 'operator', operatorId: RECOVERY_CODE_OPERATOR_ID, role: null };
  const claimed =
    typedOperatorId !== null && OPERATOR_ID_PATTERN.test(typedOperatorId) ? typedOperatorId : null;
  return { kind: 'operator', operatorId: claimed, role: null };
}
