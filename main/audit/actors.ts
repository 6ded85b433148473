// The actor an operator call is recorded under. Today one shared PIN opens every session, so the operator ID
// names how the session was opened (app/audit/entry.ts); named operators will carry their own ID in the session
// and only this mapping changes, not the entry format.
import {
  FIRST_RUN_OPERATOR_ID,
  RECOVERY_CODE_OPERATOR_ID,
  SHARED_PIN_OPERATOR_ID,
  type AuditActor,
  type AuditRole,
} from '../../app/audit/entry';

/** What the audit needs of an operator session (main/settings/operator-sessions.ts). */
export interface SessionLike {
  readonly role: AuditRole;
  readonly origin: 'pin' | 'recovery_code' | 'first_run';
}

const OPERATOR_ID_BY_ORIGIN: Readonly<Record<SessionLike['origin'], string>> = {
  pin: SHARED_PIN_OPERATOR_ID,
  recovery_code: RECOVERY_CODE_OPERATOR_ID,
  // The session first-run setup ends with belongs to whoever just chose the PIN.
  first_run: SHARED_PIN_OPERATOR_ID,
};

/** Someone at the kiosk who did not sign in: the customer-facing flow needs no PIN. */
export const UNIDENTIFIED_OPERATOR: AuditActor = { kind: 'operator', operatorId: null, role: null };

/** The actor of a call made under `session`; without one, a public call or first-run setup. */
export function actorOfCall(session: SessionLike | null, privileged: boolean): AuditActor {
  if (session) {
    return { kind: 'operator', operatorId: OPERATOR_ID_BY_ORIGIN[session.origin], role: session.role };
  }
  return privileged
    ? { kind: 'operator', operatorId: FIRST_RUN_OPERATOR_ID, role: null }
    : UNIDENTIFIED_OPERATOR;
}

/** The actor a sign-in just created (the session it answered). */
export function actorOfSignIn(origin: SessionLike['origin'], role: AuditRole): AuditActor {
  return { kind: 'operator', operatorId: OPERATOR_ID_BY_ORIGIN[origin], role };
}

/** A refused sign-in: who it claimed to be, with no role, since none was granted. */
export function actorOfRefusedSignIn(origin: SessionLike['origin']): AuditActor {
  return { kind: 'operator', operatorId: OPERATOR_ID_BY_ORIGIN[origin], role: null };
}
