// The audit trail as the supervisor reads it: the filter form turned into main's filter (app/audit/entry.ts),
// and who acted, in the operator's words. Each action's words are in renderer/i18n under
// operator.audit.actions.<action code> (the code's dots are the table's nesting).
import type { TFunction } from 'i18next';
import {
  FIRST_RUN_OPERATOR_ID,
  OPERATOR_ID_PATTERN,
  RECOVERY_CODE_OPERATOR_ID,
  SHARED_PIN_OPERATOR_ID,
  type AuditActor,
  type AuditFilter,
} from '../../../app/audit/entry';

export interface AuditFilterForm {
  /** YYYY-MM-DD from the day picker, or '' for every day. */
  readonly day: string;
  readonly operatorId: string;
  readonly userId: string;
}

export type AuditFormProblem = 'operatorId' | 'userId';

/** The longest user ID main accepts in a filter (app/audit/entry.ts auditFilterSchema). */
const MAX_USER_ID = 200;

/** main's filter for the form, or the field main would refuse; an empty field does not narrow. */
export function auditFilterOf(
  form: AuditFilterForm,
): { readonly filter: AuditFilter } | { readonly problem: AuditFormProblem } {
  // Operator IDs are stored in lower case (app/operators.ts); a supervisor may type them either way.
  const operatorId = form.operatorId.trim().toLowerCase();
  const userId = form.userId.trim();
  if (operatorId !== '' && !OPERATOR_ID_PATTERN.test(operatorId)) return { problem: 'operatorId' };
  if (userId.length > MAX_USER_ID) return { problem: 'userId' };
  return {
    filter: {
      ...(form.day !== '' ? { day: form.day } : {}),
      ...(operatorId !== '' ? { operatorId } : {}),
      ...(userId !== '' ? { userId } : {}),
    },
  };
}

/** Actors the kiosk names itself (app/audit/entry.ts), and their words. */
const KIOSK_ACTORS: ReadonlyMap<string, string> = new Map([
  [SHARED_PIN_OPERATOR_ID, 'operator.audit.actors.kioskPin'],
  [RECOVERY_CODE_OPERATOR_ID, 'operator.audit.actors.recoveryCode'],
  [FIRST_RUN_OPERATOR_ID, 'operator.audit.actors.firstRun'],
]);

/** Who acted: the kiosk itself, nobody signed in (the customer's own steps), or an operator by their ID. */
export function actorLabel(t: TFunction, actor: AuditActor): string {
  if (actor.kind === 'system') return t('operator.audit.actors.system');
  if (actor.operatorId === null) return t('operator.audit.actors.notSignedIn');
  const kioskActor = KIOSK_ACTORS.get(actor.operatorId);
  return kioskActor ? t(kioskActor) : actor.operatorId;
}
