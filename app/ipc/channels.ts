// The one contract between renderer and main: each method of window.kiosk, its IPC channel and the zod
// schemas of its request and response. main/handlers.ts implements it, the preload and the dev host's
// HTTP bridge expose it; nothing else crosses the process boundary.
import { z } from 'zod';
import {
  exportAuditRequestSchema,
  exportAuditResponseSchema,
  listAuditRequestSchema,
  listAuditResponseSchema,
} from '../audit/audit-queries';
import { exportDiagnosticsRequestSchema, exportDiagnosticsResponseSchema } from '../diagnostics';
import { enrollmentReferenceSchema } from '../enrollment-reference';
import { kioskErrorSchema } from '../errors';
import { CHANNEL_NAMES, EVENT_CHANNEL } from './channel-names';
import { JOB_STATES } from '../job-states';
import { healthSchema, jobSummarySchema, type KioskEvent } from '../queue';
import {
  OPERATOR_ROLES,
  recoveryCodeInputSchema,
  sessionGrantSchema,
  sessionTokenSchema,
} from '../operator-session';
import { displayNameSchema, operatorIdSchema, operatorSummarySchema } from '../operators';
import { operatorSettingsPatchSchema, publicSettingsSchema } from '../settings';
import { apiKeySchema } from '../settings-issues';

/** Bounds the size of what a compromised renderer can make main allocate. */
export const IMAGE_LIMITS = {
  maxSelfieBytes: 2 * 1024 * 1024,
  maxLivenessBytes: 512 * 1024,
  minLivenessFrames: 1,
  maxLivenessFrames: 10,
  minSide: 64,
  maxSide: 4096,
} as const;

// Any Uint8Array (Electron's structured clone, Node Buffers, the dev host's decoded base64).
const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes');
/** A new PIN: 6 digits at least, so five tries per lock leave a guesser almost nothing (settings/pin-lockout.ts). */
export const OPERATOR_PIN_PATTERN = /^\d{6,12}$/;
export const OPERATOR_PIN_RULE = 'a PIN is 6 to 12 digits';
/** PINs set before the 6-digit rule still sign in, but only to choose a new one. */
export const LEGACY_PIN_PATTERN = /^\d{4,12}$/;
const newPin = z.string().regex(OPERATOR_PIN_PATTERN, OPERATOR_PIN_RULE);
/** Every privileged call carries the operator session's token, never the PIN (channel-access.ts says which). */
const grant = sessionTokenSchema;
const jobId = z.uuid();
/** What a PIN entry answers: a session, or the tries left before PIN entry locks, or until when it is locked. */
const pinEntryResponse = z.discriminatedUnion('valid', [
  z.object({ valid: z.literal(true), grant: sessionGrantSchema, pinChangeRequired: z.boolean() }),
  z.object({
    valid: z.literal(false),
    triesLeft: z.number().int().nonnegative(),
    lockedUntil: z.number().int().positive().nullable(),
  }),
]);
// A typed operator ID is checked as a PIN is: an unknown one answers like a wrong PIN (handlers.ts), so the
// schema only bounds it and main normalises it.
const typedOperatorId = z.string().trim().toLowerCase().min(1).max(64);

export const channels = {
  submitEnrollment: {
    channel: CHANNEL_NAMES.submitEnrollment,
    request: z.object({
      /** The signed-in operator's shift session: no enrollment without one; the job records its operator. */
      grant,
      /** Made by the renderer when the user ID was accepted; becomes the job ID (a repeat is the same job). */
      reference: enrollmentReferenceSchema,
      userId: z.string().min(1).max(200),
      consent: z.object({ given: z.literal(true), at: z.number().int().positive() }),
      selfie: bytes,
      liveness: z.array(bytes).min(IMAGE_LIMITS.minLivenessFrames).max(IMAGE_LIMITS.maxLivenessFrames),
    }),
    response: z.object({
      jobId: z.string(),
      state: z.enum(JOB_STATES),
      warnings: z.array(z.enum(['duplicate_user_id'])),
    }),
  },
  checkUserId: {
    channel: CHANNEL_NAMES.checkUserId,
    request: z.object({ userId: z.string().max(200) }),
    response: z.object({
      userId: z.string(),
      problem: z.enum(['empty', 'too_short', 'too_long', 'bad_characters']).nullable(),
      duplicate: z.enum(['queued', 'enrolled']).nullable(),
      blocked: z.boolean(),
    }),
  },
  getQueue: {
    channel: CHANNEL_NAMES.getQueue,
    // Lists every user ID on the kiosk: operator eyes only. The home screen's counts come from health events.
    request: z.object({ grant }).strict(),
    response: z.object({ jobs: z.array(jobSummarySchema) }),
  },
  retryJob: {
    channel: CHANNEL_NAMES.retryJob,
    request: z.object({ jobId, grant }),
    response: jobSummarySchema,
  },
  discardJob: {
    channel: CHANNEL_NAMES.discardJob,
    request: z.object({ jobId, grant }),
    response: z.object({ jobId: z.string() }),
  },
  approveReEnrollment: {
    channel: CHANNEL_NAMES.approveReEnrollment,
    // A supervisor's decision on a job Smile ID refused as already enrolled (app/re-enrollment.ts): the same
    // capture is sent again as a new Smile ID job with allow_new_enroll. Answers the job, queued again.
    request: z.object({ jobId, grant }).strict(),
    response: jobSummarySchema,
  },
  sendNow: {
    channel: CHANNEL_NAMES.sendNow,
    request: z.object({ grant }).strict(),
    response: z.object({ woke: z.boolean() }),
  },
  getSettings: {
    channel: CHANNEL_NAMES.getSettings,
    request: z.object({}).strict(),
    response: publicSettingsSchema,
  },
  updateSettings: {
    channel: CHANNEL_NAMES.updateSettings,
    // `grant` is required once a PIN exists (first-run setup has none yet); the PIN itself is operator.setPin.
    // `apiKey` travels with the save that needs it: a change of destination clears the stored key, and settings
    // that cannot send are refused, so the two must arrive together (app/settings-issues.ts).
    request: z.object({
      grant: grant.optional(),
      patch: operatorSettingsPatchSchema,
      apiKey: apiKeySchema.optional(),
    }),
    response: publicSettingsSchema,
  },
  setApiKey: {
    channel: CHANNEL_NAMES.setApiKey,
    request: z.object({ grant: grant.optional(), apiKey: apiKeySchema }),
    response: publicSettingsSchema,
  },
  verifyPin: {
    channel: CHANNEL_NAMES.verifyPin,
    // An operator's PIN opens the operator screens: an elevated session under their role (only for a new PIN
    // when `pinChangeRequired`).
    request: z.object({ operatorId: typedOperatorId, pin: z.string().max(64) }),
    response: pinEntryResponse,
  },
  setPin: {
    channel: CHANNEL_NAMES.setPin,
    // No grant only in first-run setup. Answers a fresh full session, and the recovery code when a new one was
    // made (the first PIN, or a PIN set with the recovery code): shown once, stored only as a hash.
    request: z.object({ grant: grant.optional(), newPin }),
    response: z.object({ grant: sessionGrantSchema, recoveryCode: z.string().nullable() }),
  },
  recoverWithCode: {
    channel: CHANNEL_NAMES.recoverWithCode,
    // A right recovery code opens a session that may only set a new PIN.
    request: z.object({ recoveryCode: recoveryCodeInputSchema }),
    response: z.discriminatedUnion('valid', [
      z.object({ valid: z.literal(true), grant: sessionGrantSchema }),
      z.object({ valid: z.literal(false), lockedUntil: z.number().int().positive().nullable() }),
    ]),
  },
  issueRecoveryCode: {
    channel: CHANNEL_NAMES.issueRecoveryCode,
    // Replaces the recovery code; the new one is answered once.
    request: z.object({ grant }),
    response: z.object({ recoveryCode: z.string() }),
  },
  endSession: {
    channel: CHANNEL_NAMES.endSession,
    // The renderer left the operator screens, or went idle: the grant stops working at once.
    request: z.object({ grant }),
    response: z.object({ ended: z.boolean() }),
  },
  exitKiosk: {
    channel: CHANNEL_NAMES.exitKiosk,
    request: z.object({ grant }),
    // false where there is no kiosk mode to leave (the dev host in a browser).
    response: z.object({ exited: z.boolean() }),
  },
  signIn: {
    channel: CHANNEL_NAMES.signIn,
    // The start of a shift: a shift session, which enrollment needs (a temporary PIN first chooses a new one).
    request: z.object({ operatorId: typedOperatorId, pin: z.string().max(64) }),
    response: pinEntryResponse,
  },
  getShift: {
    channel: CHANNEL_NAMES.getShift,
    // The shift behind the token, as main sees it now (the call counts as activity for idle sign-out).
    request: z.object({ grant }).strict(),
    response: z.object({ grant: sessionGrantSchema, idleSignOutAt: z.number().int().positive() }),
  },
  listOperators: {
    channel: CHANNEL_NAMES.listOperators,
    request: z.object({ grant }).strict(),
    response: z.object({ operators: z.array(operatorSummarySchema) }),
  },
  createOperator: {
    channel: CHANNEL_NAMES.createOperator,
    // The temporary PIN signs in only to choose the operator's own PIN.
    request: z
      .object({
        grant,
        operatorId: operatorIdSchema,
        displayName: displayNameSchema,
        role: z.enum(OPERATOR_ROLES),
        temporaryPin: newPin,
      })
      .strict(),
    response: operatorSummarySchema,
  },
  updateOperator: {
    channel: CHANNEL_NAMES.updateOperator,
    // Disabling ends the operator's live sessions; the last enabled supervisor can be neither disabled nor
    // demoted (main/operators/operator-directory.ts).
    request: z
      .object({
        grant,
        operatorId: operatorIdSchema,
        displayName: displayNameSchema.optional(),
        role: z.enum(OPERATOR_ROLES).optional(),
        enabled: z.boolean().optional(),
      })
      .strict(),
    response: operatorSummarySchema,
  },
  resetOperatorPin: {
    channel: CHANNEL_NAMES.resetOperatorPin,
    request: z.object({ grant, operatorId: operatorIdSchema, temporaryPin: newPin }).strict(),
    response: operatorSummarySchema,
  },
  getHealth: {
    channel: CHANNEL_NAMES.getHealth,
    request: z.object({}).strict(),
    response: healthSchema,
  },
  listAudit: {
    channel: CHANNEL_NAMES.listAudit,
    // The audit trail, newest first, filtered by day, operator or user ID (app/audit/audit-queries.ts).
    request: listAuditRequestSchema,
    response: listAuditResponseSchema,
  },
  exportAudit: {
    channel: CHANNEL_NAMES.exportAudit,
    // JSON Lines or CSV that `npm run audit:verify` checks (docs/audit-trail.md).
    request: exportAuditRequestSchema,
    response: exportAuditResponseSchema,
  },
  exportDiagnostics: {
    channel: CHANNEL_NAMES.exportDiagnostics,
    // One JSON file for support: versions, settings without secrets, health, recent errors, the audit chain's
    // state — never a user ID, a job reference or an image (app/diagnostics.ts, main/diagnostics/).
    request: exportDiagnosticsRequestSchema,
    response: exportDiagnosticsResponseSchema,
  },
} as const;

export type Channels = typeof channels;
export type MethodName = keyof Channels;
export type ChannelName = Channels[MethodName]['channel'];
export type RequestOf<M extends MethodName> = z.input<Channels[M]['request']>;
export type ValidRequestOf<M extends MethodName> = z.output<Channels[M]['request']>;
export type ResponseOf<M extends MethodName> = z.output<Channels[M]['response']>;

export const METHOD_NAMES = Object.keys(channels) as MethodName[];

export { EVENT_CHANNEL };

/** What crosses the boundary for every call: a value, or a typed error the UI can act on. */
export const envelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: kioskErrorSchema }),
]);
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: z.infer<typeof kioskErrorSchema> };

/**
 * window.kiosk as the host provides it (Electron's preload, or the dev host's HTTP bridge): one function per
 * channel that resolves to the envelope as it came from main — plain data, never a thrown Error — and an event
 * subscription that hands over each event as sent. The renderer validates both (renderer/bridge/kiosk-api.ts).
 */
export type KioskBridge = { [M in MethodName]: (request: RequestOf<M>) => Promise<unknown> } & {
  onEvent(listener: (event: unknown) => void): () => void;
};

/** What the screens use: one async function per channel (a KioskError when main says no) plus events. */
export type KioskApi = { [M in MethodName]: (request: RequestOf<M>) => Promise<ResponseOf<M>> } & {
  onEvent(listener: (event: KioskEvent) => void): () => void;
};
