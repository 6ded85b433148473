// Errors the kiosk's main process returns to the renderer. The screens say each code (and its params) in the
// operator's language (renderer/i18n/describe.ts describeKioskError); `message` and `action` are main's English,
// specific to the case, for logs and engineers.
import { z } from 'zod';

export const KIOSK_ERROR_CODES = [
  'invalid_request',
  'invalid_image',
  'invalid_user_id',
  'consent_required',
  'duplicate_user',
  'offline_budget_exceeded',
  'disk_full',
  'pin_required',
  'pin_invalid',
  'pin_locked',
  /** The operator session is missing, expired or was ended: the PIN must be entered again. */
  'session_expired',
  /** The session may only set a new PIN (an old short PIN, or the recovery code). */
  'pin_change_required',
  /** The PIN cannot be read (damaged or missing): recover with the recovery code or a provisioning file. */
  'kiosk_locked',
  'not_found',
  'not_allowed',
  'not_configured',
  'unauthorized',
  'internal',
] as const;

export type KioskErrorCode = (typeof KIOSK_ERROR_CODES)[number];

/**
 * Values the renderer's translation of an error may interpolate (tries left, the field and problem of a refused
 * setting …). Plain scalars only: they cross the process boundary and are shown, so never secrets or user IDs.
 */
export const kioskErrorParamsSchema = z.record(
  z.string().max(40),
  z.union([z.string().max(200), z.number(), z.boolean()]),
);
export type KioskErrorParams = z.infer<typeof kioskErrorParamsSchema>;

export const kioskErrorSchema = z.object({
  code: z.enum(KIOSK_ERROR_CODES),
  /** English, for logs and engineers; screens show the translation of `code` (and `params`) instead. */
  message: z.string(),
  action: z.string(),
  params: kioskErrorParamsSchema.optional(),
});
export type KioskErrorPayload = z.infer<typeof kioskErrorSchema>;

/**
 * Thrown by handlers; serialised as `{ ok: false, error }` across the process boundary (only plain data crosses
 * Electron's contextBridge, which would keep nothing of a thrown Error but its message); the renderer turns the
 * envelope back into a KioskError, so code and action arrive the same way in Electron and in the dev host.
 */
export class KioskError extends Error {
  constructor(
    readonly code: KioskErrorCode,
    message: string,
    readonly action: string = '',
    readonly params: KioskErrorParams = {},
  ) {
    super(message);
    this.name = 'KioskError';
  }

  toPayload(): KioskErrorPayload {
    return Object.keys(this.params).length === 0
      ? { code: this.code, message: this.message, action: this.action }
      : { code: this.code, message: this.message, action: this.action, params: this.params };
  }

  /** The renderer's side of the boundary: an error envelope becomes this same type again. */
  static fromPayload(payload: KioskErrorPayload): KioskError {
    return new KioskError(payload.code, payload.message, payload.action, payload.params ?? {});
  }
}
