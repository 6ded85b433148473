// The settings file at the current schema version, and how a (migrated) file is read into it. Reading never
// fails: a missing field takes its default; an invalid or unknown one is dropped and named in `problems`, so
// the store can keep the original aside and the kiosk still starts. Each settings field falls back on its own,
// so one bad value does not also reset the partner ID, kiosk ID and the rest the installer entered.
import { z } from 'zod';
import { PIN_LOCK_REASONS, type PinLockReason } from '../../app/operator-session';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../app/settings';
import { SEAL_FIELD } from './file-seal';
import { isLegacyHash, parsePepperedHash } from './peppered-hash';
import { NO_PIN_FAILURES, type PinFailures } from './pin-lockout';
import { storedOperatorsSchema, type StoredOperator } from './operator-records';

export interface StoredSettings {
  readonly settings: Settings;
  /**
   * `scrypt-hmac$…` (peppered-hash.ts), or null before the operator sets a PIN — or when it was lost, see
   * `pinEverSet`. An unpeppered `scrypt$…` hash appears only in a file from before sealing, until it is sealed.
   */
  readonly pinHash: string | null;
  /** A PIN was set at some time: from then on a missing PIN hash locks the kiosk instead of reopening setup. */
  readonly pinEverSet: boolean;
  /** Why the kiosk is locked, while it is (pinHash null and pinEverSet); shown to the operator. */
  readonly pinLockReason: PinLockReason | null;
  /** First-start provisioning ran; it never runs again (a locked kiosk still accepts a new PIN from a file). */
  readonly provisioned: boolean;
  readonly pinFailures: PinFailures;
  /** The named operators (operator-records.ts); empty before the first PIN is set. */
  readonly operators: readonly StoredOperator[];
}

export const INITIAL_STORED_SETTINGS: StoredSettings = {
  settings: DEFAULT_SETTINGS,
  pinHash: null,
  pinEverSet: false,
  pinLockReason: null,
  provisioned: false,
  pinFailures: NO_PIN_FAILURES,
  operators: [],
};

export interface ReadResult {
  readonly stored: StoredSettings;
  /** Dotted names of fields that were invalid or unknown (never their values). */
  readonly problems: readonly string[];
  /** Something was filled in or dropped: the file on disk differs from `stored`. */
  readonly changed: boolean;
  /** The PIN hash field was absent, or present but not a hash: the store decides whether that locks. */
  readonly pinHashProblem: 'missing' | 'invalid' | null;
}

// A peppered hash, or (before the file is first sealed) an unpeppered one the store converts.
const pinHashSchema = z
  .string()
  .refine((value) => parsePepperedHash(value) !== null || isLegacyHash(value))
  .nullable();
const pinFailuresSchema = z.object({
  count: z.number().int().nonnegative(),
  lockedUntil: z.number().int().nonnegative().nullable(),
  // Synthetic or hand-made version-1 shapes lack it: no escalation yet.
  lockouts: z.number().int().nonnegative().default(0),
});

const envelopeFields = {
  pinHash: pinHashSchema,
  pinEverSet: z.boolean(),
  pinLockReason: z.enum(PIN_LOCK_REASONS).nullable(),
  provisioned: z.boolean(),
  pinFailures: pinFailuresSchema,
  operators: storedOperatorsSchema,
} as const;

/** Top-level keys that are ours to read; conf's `__internal__` is left to conf, the seal to the store. */
const KNOWN_KEYS = new Set([
  'schemaVersion',
  'settings',
  ...Object.keys(envelopeFields),
  SEAL_FIELD,
  '__internal__',
]);

export function readStoredFile(file: Readonly<Record<string, unknown>>): ReadResult {
  const problems: string[] = [];
  let changed = false;
  const field = <T>(key: keyof typeof envelopeFields, schema: z.ZodType<T>, fallback: T): T => {
    if (!Object.hasOwn(file, key)) {
      changed = true;
      return fallback;
    }
    const parsed = schema.safeParse(file[key]);
    if (parsed.success) return parsed.data;
    problems.push(key);
    return fallback;
  };
  const pinHashProblem = !Object.hasOwn(file, 'pinHash')
    ? 'missing'
    : pinHashSchema.safeParse(file.pinHash).success
      ? null
      : 'invalid';
  const pinHash = field('pinHash', pinHashSchema, INITIAL_STORED_SETTINGS.pinHash);
  const pinEverSet = field('pinEverSet', envelopeFields.pinEverSet, INITIAL_STORED_SETTINGS.pinEverSet);
  const pinLockReason = field(
    'pinLockReason',
    envelopeFields.pinLockReason,
    INITIAL_STORED_SETTINGS.pinLockReason,
  );
  const provisioned = field('provisioned', envelopeFields.provisioned, INITIAL_STORED_SETTINGS.provisioned);
  const pinFailures = field('pinFailures', pinFailuresSchema, INITIAL_STORED_SETTINGS.pinFailures);
  const operators = field('operators', storedOperatorsSchema, INITIAL_STORED_SETTINGS.operators);
  for (const key of Object.keys(file)) if (!KNOWN_KEYS.has(key)) problems.push(key);

  const settings = readSettings(file.settings, problems, () => (changed = true));
  return {
    stored: { settings, pinHash, pinEverSet, pinLockReason, provisioned, pinFailures, operators },
    problems,
    changed: changed || problems.length > 0,
    pinHashProblem,
  };
}

function readSettings(raw: unknown, problems: string[], markChanged: () => void): Settings {
  if (raw === undefined) {
    markChanged();
    return DEFAULT_SETTINGS;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push('settings');
    return DEFAULT_SETTINGS;
  }
  const values = raw as Record<string, unknown>;
  const shape: Record<string, z.ZodType> = settingsSchema.shape;
  const merged: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const fallback = DEFAULT_SETTINGS[key as keyof Settings];
    if (!Object.hasOwn(values, key)) {
      markChanged();
      merged[key] = fallback;
      continue;
    }
    const parsed = schema.safeParse(values[key]);
    if (parsed.success) merged[key] = parsed.data;
    else {
      problems.push(`settings.${key}`);
      merged[key] = fallback;
    }
  }
  for (const key of Object.keys(values)) if (!Object.hasOwn(shape, key)) problems.push(`settings.${key}`);
  // Field by field they are valid; this also runs any whole-object rule the schema may gain later.
  const whole = settingsSchema.safeParse(merged);
  if (whole.success) return whole.data;
  problems.push('settings');
  return DEFAULT_SETTINGS;
}

/**
 * The JSON written to the file, before its seal. A fresh object each time: conf adds its `__internal__` key to
 * what it gets.
 */
export function toFileContent(schemaVersion: number, stored: StoredSettings): Record<string, unknown> {
  return {
    schemaVersion,
    settings: structuredClone(stored.settings),
    pinHash: stored.pinHash,
    pinEverSet: stored.pinEverSet,
    pinLockReason: stored.pinLockReason,
    provisioned: stored.provisioned,
    pinFailures: {
      count: stored.pinFailures.count,
      lockedUntil: stored.pinFailures.lockedUntil,
      lockouts: stored.pinFailures.lockouts,
    },
    operators: structuredClone(stored.operators),
  };
}
