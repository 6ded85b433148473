// Named operators as both processes see them (docs/operators.md): who may sign in at this kiosk, with which role,
// and the shape of the calls a supervisor uses to manage them. The PINs themselves never leave main: the
// renderer sees only whether an operator must choose a new one and whether their PIN entry is locked.
import { z } from 'zod';
import { OPERATOR_ID_PATTERN as AUDIT_OPERATOR_ID_PATTERN } from './audit/entry';
import { OPERATOR_ROLES } from './operator-session';

/**
 * An operator ID as typed on the sign-in screen: lower-case letters and digits, with '.', '_' or '-' inside, 2 to
 * 32 characters. Short and plain because it is typed on a touch screen and travels in every enrollment's
 * partner_params (operator_id) and audit entry; always a subset of the audit trail's operator ID pattern.
 */
export const OPERATOR_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,30}[a-z0-9]$/;
export const operatorIdSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(OPERATOR_ID_PATTERN, 'expected an operator ID: 2 to 32 lower-case letters, digits, . _ or -')
  .refine((id) => AUDIT_OPERATOR_ID_PATTERN.test(id));

export const displayNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  // No control characters: the name is shown on screens and written to the audit trail.
  .regex(/^[^\p{Cc}]+$/u, 'no control characters');

/**
 * The supervisor the kiosk's original single PIN became (settings migration 3), and whom first-run setup,
 * provisioning (KIOSK_OPERATOR_PIN) and the recovery code set the PIN of: the account that can always recover
 * the kiosk.
 */
export const FIRST_SUPERVISOR_ID = 'supervisor';
export const FIRST_SUPERVISOR_DEFAULT_NAME = 'Supervisor';

/** One operator as the Operators screen lists them. */
export const operatorSummarySchema = z.object({
  operatorId: z.string(),
  displayName: z.string(),
  role: z.enum(OPERATOR_ROLES),
  enabled: z.boolean(),
  /** A supervisor reset the PIN: the temporary one signs in only to choose a new one. */
  pinChangeRequired: z.boolean(),
  /** PIN entry is locked after too many wrong PINs until this time (epoch ms), or null. */
  lockedUntil: z.number().int().positive().nullable(),
  /** The first supervisor: the recovery code resets this operator's PIN. */
  recoveryAccount: z.boolean(),
});
export type OperatorSummary = z.infer<typeof operatorSummarySchema>;

/** The shift settings' bounds (app/settings.ts): an idle shift signs out, and no shift lasts longer than this. */
export const SHIFT_LIMITS = {
  minIdleSignOutMinutes: 1,
  maxIdleSignOutMinutes: 240,
  minShiftHours: 1,
  maxShiftHours: 16,
} as const;
