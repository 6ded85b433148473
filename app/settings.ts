// The kiosk's settings as the operator edits them. Secrets are not here: the API key lives only in main's
// vault and the PIN only as an scrypt hash; the renderer sees `apiKeySet` / `pinSet` instead.
import { z } from 'zod';
import { kioskLocationSchema } from './kiosk-location';
import { PIN_LOCK_REASONS, PIN_STATES } from './operator-session';
import { SHIFT_LIMITS } from './operators';
import { DEFAULT_USER_ID_RULE, userIdRuleSchema } from './user-id';

export const LANGUAGES = ['en', 'fr', 'sw', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];

export const ENVIRONMENTS = ['training', 'sandbox', 'production', 'custom'] as const;

// The URL's shape only; whether the kiosk may use it (https, which hosts) is app/smileid/endpoint-policy.ts's
// decision, made in main, where it knows whether this is a development run.
const httpUrl = z.url({ protocol: /^https?$/ });

export const offlineBudgetSchema = z.object({
  /** New captures are refused when the oldest unsent enrollment is older than this. */
  maxOldestQueuedHours: z
    .number()
    .positive()
    .max(24 * 90),
  /** ... or when more than this many enrollments wait. */
  maxQueuedJobs: z.number().int().positive().max(100_000),
  /** ... or when free disk falls below this. */
  minFreeDiskMb: z.number().int().nonnegative().max(1_000_000),
});
export type OfflineBudget = z.infer<typeof offlineBudgetSchema>;

/** Capture resolutions the Settings screen offers; the camera may deliver less (constraints are `ideal`). */
export const CAMERA_RESOLUTIONS = ['640x480', '1280x720', '1920x1080'] as const;
export type CameraResolution = (typeof CAMERA_RESOLUTIONS)[number];

export const cameraSettingsSchema = z.object({
  /**
   * The MediaDeviceInfo.deviceId chosen in Settings, or null for the default (the front-facing camera). A
   * deviceId the browser no longer lists (camera unplugged) falls back to the default rather than failing.
   */
  deviceId: z.string().min(1).max(256).nullable(),
  resolution: z.enum(CAMERA_RESOLUTIONS),
});
export type CameraSettings = z.infer<typeof cameraSettingsSchema>;

/**
 * One attempt holds one of the two sending slots while it polls; ten minutes is already far beyond a machine
 * judgement (seconds), and a longer wait is better spent by the scheduler retrying later.
 */
export const MAX_JOB_STATUS_POLLING_SECONDS = 600;

export const settingsSchema = z.object({
  environment: z.enum(ENVIRONMENTS),
  /** Only for environment "custom": a v1 base URL, e.g. a simulator's http://127.0.0.1:8080/v1. */
  customApiUrl: httpUrl.nullable(),
  partnerId: z
    .string()
    .regex(/^\d{1,12}$/, 'digits only, as the Smile ID portal shows it')
    .or(z.literal('')),
  callbackUrl: httpUrl.nullable(),
  /**
   * How long to poll job_status after an upload before trying again later (docs/smileid-protocol.md §3.3).
   * 0 = never poll: an uploaded enrollment ends as "submitted" and its result goes only to the callback URL,
   * which is then required (app/result-delivery.ts).
   */
  jobStatusPollingTimeoutSeconds: z.number().int().min(0).max(MAX_JOB_STATUS_POLLING_SECONDS),
  kioskId: z.string().max(64),
  branch: z.string().max(120),
  /** Sent with every enrollment (app/kiosk-location.ts); null = not entered, nothing is sent. */
  location: kioskLocationSchema.nullable(),
  userIdRule: userIdRuleSchema,
  language: z.enum(LANGUAGES),
  idleTimeoutSeconds: z.number().int().min(15).max(3600),
  /** A capture without a usable face for this long ends on "Please call the operator" (Try again / Cancel). */
  captureTimeoutSeconds: z.number().int().min(15).max(600),
  /** A signed-in operator's shift ends after this many minutes without an enrollment or operator call. */
  operatorIdleSignOutMinutes: z
    .number()
    .int()
    .min(SHIFT_LIMITS.minIdleSignOutMinutes)
    .max(SHIFT_LIMITS.maxIdleSignOutMinutes),
  /** ... and this many hours after sign-in whatever happens (docs/operators.md). */
  maxShiftHours: z.number().int().min(SHIFT_LIMITS.minShiftHours).max(SHIFT_LIMITS.maxShiftHours),
  camera: cameraSettingsSchema,
  retentionDays: z.number().int().min(1).max(3650),
  /**
   * The audit trail (main/audit/) keeps whole days this long. Never shorter than retentionDays: a smaller value
   * is raised to it when old days are purged (main/audit/audit-retention.ts).
   */
  auditRetentionDays: z.number().int().min(1).max(3650),
  /**
   * The photos of an enrollment without a final result (queued, needs attention, provisional) are deleted from
   * the kiosk this many days after capture (main/outbox/image-expiry.ts): biometrics are never kept without limit.
   */
  maxImageAgeDays: z.number().int().min(1).max(365),
  offlineBudget: offlineBudgetSchema,
  duplicateGuard: z.enum(['warn', 'block']),
  /** Report clock skew beyond this; Smile ID refuses stale signatures. */
  clockSkewToleranceSeconds: z.number().int().min(1).max(3600),
  /** Electron shell: a normal window for the operator instead of kiosk fullscreen. */
  windowedOperatorMode: z.boolean(),
  autoStartAtLogin: z.boolean(),
  /** Linux without a keyring stores secrets with a hard-coded key ("basic_text"); refused unless this is on. */
  allowWeakSecretStorage: z.boolean(),
  /**
   * The kiosk page grows a little with every enrollment (native memory of the camera, detector and images, not
   * only its JS heap), so it reloads itself to the home screen, while idle there, after this many enrollments.
   */
  recycleRendererAfterEnrollments: z.number().int().min(1).max(10_000),
  /** ... or, after at least one enrollment, when its JS heap in use exceeds this many MB (where measurable). */
  recycleRendererAboveHeapMb: z.number().int().min(32).max(4096),
  /**
   * https API hosts besides Smile ID's own (e.g. a bank's proxy) that environment "custom" may use
   * (app/smileid/endpoint-policy.ts). Only a provisioning file can set this; the operator screens cannot.
   */
  allowedCustomApiHosts: z
    .array(
      z
        .string()
        .regex(/^[a-z0-9.-]{1,253}$/, 'a lower-case host name, without scheme or port')
        .refine((host) => host.includes('.'), 'a full host name'),
    )
    .max(8),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  environment: 'training',
  customApiUrl: null,
  partnerId: '',
  callbackUrl: null,
  // The poll deadline the kiosk always had (main/smileid/job-status-poller.ts derives its default from this).
  jobStatusPollingTimeoutSeconds: 120,
  kioskId: '',
  branch: '',
  location: null,
  userIdRule: DEFAULT_USER_ID_RULE,
  language: 'en',
  idleTimeoutSeconds: 90,
  captureTimeoutSeconds: 60,
  operatorIdleSignOutMinutes: 15,
  maxShiftHours: 10,
  camera: { deviceId: null, resolution: '1280x720' },
  retentionDays: 30,
  auditRetentionDays: 365,
  maxImageAgeDays: 30,
  offlineBudget: { maxOldestQueuedHours: 72, maxQueuedJobs: 5_000, minFreeDiskMb: 500 },
  duplicateGuard: 'warn',
  clockSkewToleranceSeconds: 120,
  windowedOperatorMode: false,
  autoStartAtLogin: true,
  allowWeakSecretStorage: false,
  recycleRendererAfterEnrollments: 200,
  recycleRendererAboveHeapMb: 256,
  allowedCustomApiHosts: [],
};

/** A change of settings from a trusted source inside main (provisioning, migrations). */
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** A change the operator screens may ask for: everything but what only a provisioning file may set. */
export const operatorSettingsPatchSchema = settingsPatchSchema.omit({ allowedCustomApiHosts: true }).strict();

export const publicSettingsSchema = settingsSchema.extend({
  apiKeySet: z.boolean(),
  /** pinState === 'set'. */
  pinSet: z.boolean(),
  /** 'locked' fails closed: no operator call passes until a new PIN is set (recovery code or provisioning file). */
  pinState: z.enum(PIN_STATES),
  /** Why the kiosk is locked, or null. */
  pinLockReason: z.enum(PIN_LOCK_REASONS).nullable(),
  /** A supervisor recovery code exists (its hash; the code itself was shown once). */
  recoveryCodeSet: z.boolean(),
  /** True once the kiosk can send: training mode, or a partner ID and API key for a real environment. */
  configured: z.boolean(),
});
export type PublicSettings = z.infer<typeof publicSettingsSchema>;
