// The kiosk's settings as the diagnostics file shows them. Every setting is named here with what support may see
// of it, so a new setting cannot reach the file before someone has decided (the Record type refuses to compile
// until it is placed). Secrets are not settings at all — the API key lives in the vault, the PIN and recovery code
// only as hashes — so the file can only say whether they are set (apiKeySet, pinState, recoveryCodeSet).
import type { PublicSettings } from '../../app/settings';

type Shown =
  /** The value as it is: configuration, no secret, nothing about a customer. */
  | 'value'
  /**
   * A web address reduced to its origin (scheme, host, port): its path, query or user part may carry a token —
   * callback URLs often do — and support needs only to know where the kiosk sends.
   */
  | 'origin'
  /** Only whether it is set: support needs to know that the kiosk's place is entered, not where it is. */
  | 'presence';

const SHOWN: Readonly<Record<keyof PublicSettings, Shown>> = {
  environment: 'value',
  customApiUrl: 'origin',
  partnerId: 'value',
  callbackUrl: 'origin',
  jobStatusPollingTimeoutSeconds: 'value',
  kioskId: 'value',
  branch: 'value',
  location: 'presence',
  userIdRule: 'value',
  language: 'value',
  idleTimeoutSeconds: 'value',
  captureTimeoutSeconds: 'value',
  operatorIdleSignOutMinutes: 'value',
  maxShiftHours: 'value',
  camera: 'value',
  retentionDays: 'value',
  auditRetentionDays: 'value',
  maxImageAgeDays: 'value',
  offlineBudget: 'value',
  duplicateGuard: 'value',
  clockSkewToleranceSeconds: 'value',
  windowedOperatorMode: 'value',
  autoStartAtLogin: 'value',
  allowWeakSecretStorage: 'value',
  recycleRendererAfterEnrollments: 'value',
  recycleRendererAboveHeapMb: 'value',
  allowedCustomApiHosts: 'value',
  apiKeySet: 'value',
  pinSet: 'value',
  pinState: 'value',
  pinLockReason: 'value',
  recoveryCodeSet: 'value',
  configured: 'value',
};

/** What an address shows of itself: its origin, or that it is not one (never the text itself). */
function originOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    return new URL(value).origin;
  } catch {
    return '[not a web address]';
  }
}

const SHOW: Readonly<Record<Shown, (value: unknown) => unknown>> = {
  value: (value) => value,
  origin: originOf,
  presence: (value) => (value === null || value === undefined || value === '' ? 'not set' : 'set'),
};

/** The settings as support may read them. Fields main does not know (a newer file) are left out. */
export function settingsForSupport(settings: PublicSettings): Record<string, unknown> {
  return Object.fromEntries(
    (Object.keys(SHOWN) as (keyof PublicSettings)[]).map((field) => [
      field,
      SHOW[SHOWN[field]](settings[field]),
    ]),
  );
}
