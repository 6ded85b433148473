// Operator sessions and the operator PIN's state, as both processes see them (docs/operators.md). A correct PIN
// (or the supervisor recovery code) buys a session grant from main: a random token the renderer presents with
// each privileged call instead of the PIN, which it never keeps. Main holds the grants in memory. Two kinds:
//   - 'shift': an operator signed in at the start of a shift. Enrollment needs one; it lasts until sign-out, the
//     idle sign-out setting or the longest shift setting, whichever comes first.
//   - 'elevated': the PIN entered again to open the operator screens; ends on idle reset, when those screens
//     close (the renderer says so), and after SESSION_MAX_AGE_MS whatever happens.
import { z } from 'zod';

/** Who a session acts as; app/ipc/channel-access.ts names the role each call needs. */
export const OPERATOR_ROLES = ['operator', 'supervisor'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

/**
 * What a session may do. 'full': every privileged call. 'pin_change': only setting a new PIN — what signing in
 * with a PIN shorter than the current rule, or with the recovery code, gives.
 */
export const SESSION_SCOPES = ['full', 'pin_change'] as const;
export type SessionScope = (typeof SESSION_SCOPES)[number];

export const SESSION_KINDS = ['shift', 'elevated'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** However busy the operator is, an elevated session ends this long after the PIN was entered. */
export const SESSION_MAX_AGE_MS = 10 * 60_000;

/** 32 random bytes, base64url without padding. */
export const SESSION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const sessionTokenSchema = z
  .string()
  .regex(SESSION_TOKEN_PATTERN, 'expected an operator session token');

export const sessionGrantSchema = z.object({
  token: sessionTokenSchema,
  kind: z.enum(SESSION_KINDS),
  /** The named operator (app/operators.ts) whose PIN opened the session. */
  operatorId: z.string(),
  displayName: z.string(),
  role: z.enum(OPERATOR_ROLES),
  scope: z.enum(SESSION_SCOPES),
  /** Epoch ms (main's clock) after which main refuses the token: the shift's end, or the elevated session's. */
  expiresAt: z.number().int().positive(),
  /** A shift ends after this long without a call that presents it; null for an elevated session. */
  idleMs: z.number().int().positive().nullable(),
});
export type SessionGrant = z.infer<typeof sessionGrantSchema>;

/**
 * 'unset': no PIN yet (first-run setup, open). 'set': a PIN guards the operator calls. 'locked': a PIN was set
 * once but cannot be read any more; nothing privileged is allowed until a new PIN is set through the recovery
 * code or a provisioning file.
 */
export const PIN_STATES = ['unset', 'set', 'locked'] as const;
export type PinState = (typeof PIN_STATES)[number];

/** Why a kiosk is locked; the locked screen says it in the operator's language. */
export const PIN_LOCK_REASONS = [
  /** The PIN hash in the settings file is damaged. */
  'pin_hash_invalid',
  /** The settings file has no PIN hash although the kiosk was set up. */
  'pin_hash_missing',
  /** The settings file had no schema version, so nothing in it could be trusted. */
  'settings_unversioned',
  /** The settings file was gone although this kiosk's secret store shows it had been set up. */
  'settings_file_missing',
] as const;
export type PinLockReason = (typeof PIN_LOCK_REASONS)[number];

/** Recovery codes as typed: main normalises case, spaces and dashes. */
export const recoveryCodeInputSchema = z.string().min(1).max(64);
