// The named operators as the sealed settings file holds them (`operators`, schema version 3; docs/operators.md).
// Each operator's PIN is a peppered scrypt hash (peppered-hash.ts) with its own failure counter under the same
// escalating lockout as the kiosk PIN (pin-lockout.ts). The first supervisor is the one exception: their PIN is
// the kiosk PIN the file always held (`pinHash`, `pinFailures`) — the credential first-run setup, provisioning
// and the recovery code set, and whose loss locks the kiosk rather than reopening setup — so every protection
// of that PIN carries over unchanged to the account that can always recover the kiosk.
import { z } from 'zod';
import { FIRST_SUPERVISOR_DEFAULT_NAME, FIRST_SUPERVISOR_ID, OPERATOR_ID_PATTERN } from '../../app/operators';
import { OPERATOR_ROLES } from '../../app/operator-session';
import { parsePepperedHash } from './peppered-hash';
import { NO_PIN_FAILURES } from './pin-lockout';

/** Where an operator's PIN lives: the kiosk PIN (first supervisor only) or their own hash in this record. */
export const PIN_CREDENTIALS = ['kiosk_pin', 'own'] as const;

const pinFailuresSchema = z.object({
  count: z.number().int().nonnegative(),
  lockedUntil: z.number().int().nonnegative().nullable(),
  lockouts: z.number().int().nonnegative(),
});

export const storedOperatorSchema = z
  .object({
    operatorId: z.string().regex(OPERATOR_ID_PATTERN),
    displayName: z.string().min(1).max(60),
    role: z.enum(OPERATOR_ROLES),
    enabled: z.boolean(),
    credential: z.enum(PIN_CREDENTIALS),
    /** Own credential: `scrypt-hmac$…`; null with the kiosk PIN. */
    pinHash: z
      .string()
      .refine((value) => parsePepperedHash(value) !== null)
      .nullable(),
    /** A supervisor set a temporary PIN: it signs in only to choose a new one. */
    pinChangeRequired: z.boolean(),
    /** Own credential's lockout state (the kiosk PIN keeps its own in the file's `pinFailures`). */
    pinFailures: pinFailuresSchema,
  })
  .strict()
  .refine((operator) => (operator.credential === 'own') === (operator.pinHash !== null), {
    message: 'an own PIN has a hash; the kiosk PIN has none here',
  });
export type StoredOperator = z.infer<typeof storedOperatorSchema>;

export const storedOperatorsSchema = z
  .array(storedOperatorSchema)
  .max(500)
  .refine((list) => new Set(list.map((operator) => operator.operatorId)).size === list.length, {
    message: 'operator IDs are unique',
  });

/** The supervisor the kiosk PIN belongs to, as migration 3 and first-run setup make them. */
export function firstSupervisorRecord(): StoredOperator {
  return {
    operatorId: FIRST_SUPERVISOR_ID,
    displayName: FIRST_SUPERVISOR_DEFAULT_NAME,
    role: 'supervisor',
    enabled: true,
    credential: 'kiosk_pin',
    pinHash: null,
    pinChangeRequired: false,
    pinFailures: NO_PIN_FAILURES,
  };
}
