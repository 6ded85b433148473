// The settings screen's form as data: what the operator is typing (numbers as the text in their fields), turned
// into the patch main receives, and checked with the same rules main applies (app/settings.ts's zod schemas and
// app/settings-issues.ts) so a problem shows beside its field before anything is sent. Secrets (API key, new
// PIN) are not part of the draft: they are kept apart and never outlive the screen.
import { OPERATOR_PIN_PATTERN } from '../../../app/ipc/channels';
import { resultDeliveryIssues } from '../../../app/result-delivery';
import {
  operatorSettingsPatchSchema,
  settingsSchema,
  type CameraSettings,
  type Language,
  type PublicSettings,
  type Settings,
  type SettingsPatch,
} from '../../../app/settings';
import {
  apiKeySchema,
  apiKeyStateAfter,
  issuesFromZod,
  sendingIssues,
  type SettingProblem,
} from '../../../app/settings-issues';

type Environment = Settings['environment'];

export interface SettingsDraft {
  readonly environment: Environment;
  readonly customApiUrl: string;
  readonly partnerId: string;
  readonly callbackUrl: string;
  readonly jobStatusPollingTimeoutSeconds: string;
  readonly kioskId: string;
  readonly branch: string;
  readonly location: {
    readonly latitude: string;
    readonly longitude: string;
    readonly accuracyMeters: string;
    readonly placeName: string;
  };
  readonly language: Language;
  readonly autoStartAtLogin: boolean;
  readonly windowedOperatorMode: boolean;
  readonly idleTimeoutSeconds: string;
  readonly captureTimeoutSeconds: string;
  readonly userIdRule: { readonly pattern: string; readonly minLength: string; readonly maxLength: string };
  readonly duplicateGuard: Settings['duplicateGuard'];
  readonly camera: CameraSettings;
  readonly retentionDays: string;
  readonly maxImageAgeDays: string;
}

/** What the operator typed that is never stored in the draft nor shown again. */
export interface DraftSecrets {
  readonly apiKey: string;
  readonly newPin: string;
  readonly confirmPin: string;
}

/** The screen's own checks of a new PIN, besides the settings problems main shares. */
export type FormProblem = SettingProblem | 'pin_format' | 'pins_differ';
export interface FormIssue {
  readonly field: string;
  readonly problem: FormProblem;
  readonly limit?: number;
}
/** Each field's first problem, by dotted field name ("userIdRule.pattern", "apiKey", "newPin" …). */
export type FormIssues = Readonly<Record<string, FormIssue>>;

export function draftFromSettings(settings: PublicSettings): SettingsDraft {
  const location = settings.location;
  return {
    environment: settings.environment,
    customApiUrl: settings.customApiUrl ?? '',
    partnerId: settings.partnerId,
    callbackUrl: settings.callbackUrl ?? '',
    jobStatusPollingTimeoutSeconds: String(settings.jobStatusPollingTimeoutSeconds),
    kioskId: settings.kioskId,
    branch: settings.branch,
    location: {
      latitude: location ? String(location.latitude) : '',
      longitude: location ? String(location.longitude) : '',
      accuracyMeters: location ? String(location.accuracyMeters) : '',
      placeName: location?.placeName ?? '',
    },
    language: settings.language,
    autoStartAtLogin: settings.autoStartAtLogin,
    windowedOperatorMode: settings.windowedOperatorMode,
    idleTimeoutSeconds: String(settings.idleTimeoutSeconds),
    captureTimeoutSeconds: String(settings.captureTimeoutSeconds),
    userIdRule: {
      pattern: settings.userIdRule.pattern,
      minLength: String(settings.userIdRule.minLength),
      maxLength: String(settings.userIdRule.maxLength),
    },
    duplicateGuard: settings.duplicateGuard,
    camera: settings.camera,
    retentionDays: String(settings.retentionDays),
    maxImageAgeDays: String(settings.maxImageAgeDays),
  };
}

/** A number field's text as the schema sees it: empty is NaN (the schema then says "required"). */
function numberFrom(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/** The location is all of latitude, longitude and accuracy, or nothing (null): half a position is wrong. */
function locationFrom(draft: SettingsDraft['location']): Settings['location'] {
  const numbers = [draft.latitude, draft.longitude, draft.accuracyMeters];
  if (numbers.every((text) => text.trim() === '') && draft.placeName.trim() === '') return null;
  return {
    latitude: numberFrom(draft.latitude),
    longitude: numberFrom(draft.longitude),
    accuracyMeters: numberFrom(draft.accuracyMeters),
    placeName: draft.placeName.trim(),
  };
}

/** The change main is asked for: every setting this screen shows, nothing it does not. */
export function patchFromDraft(draft: SettingsDraft): SettingsPatch {
  const custom = draft.environment === 'custom';
  return {
    environment: draft.environment,
    customApiUrl: custom && draft.customApiUrl.trim() !== '' ? draft.customApiUrl.trim() : null,
    partnerId: draft.partnerId.trim(),
    callbackUrl: draft.callbackUrl.trim() || null,
    jobStatusPollingTimeoutSeconds: numberFrom(draft.jobStatusPollingTimeoutSeconds),
    kioskId: draft.kioskId.trim(),
    branch: draft.branch.trim(),
    location: locationFrom(draft.location),
    language: draft.language,
    autoStartAtLogin: draft.autoStartAtLogin,
    windowedOperatorMode: draft.windowedOperatorMode,
    idleTimeoutSeconds: numberFrom(draft.idleTimeoutSeconds),
    captureTimeoutSeconds: numberFrom(draft.captureTimeoutSeconds),
    userIdRule: {
      pattern: draft.userIdRule.pattern,
      minLength: numberFrom(draft.userIdRule.minLength),
      maxLength: numberFrom(draft.userIdRule.maxLength),
    },
    duplicateGuard: draft.duplicateGuard,
    camera: draft.camera,
    retentionDays: numberFrom(draft.retentionDays),
    maxImageAgeDays: numberFrom(draft.maxImageAgeDays),
  };
}

/** The settings part of the public view (the flags in place of secrets dropped). */
function storedSettings(current: PublicSettings): Settings {
  return settingsSchema.parse(current);
}

/**
 * Every problem main would refuse the save for, by field, plus the screen's checks of a new PIN: empty when the
 * save may be sent. `firstRun`: no PIN exists yet, so one must be chosen.
 */
export function checkDraft(
  draft: SettingsDraft,
  current: PublicSettings,
  secrets: DraftSecrets,
  firstRun: boolean,
): FormIssues {
  const found: FormIssue[] = [];
  const patch = patchFromDraft(draft);
  const parsed = operatorSettingsPatchSchema.safeParse(patch);
  if (!parsed.success) {
    found.push(...issuesFromZod(parsed.error));
  } else {
    const before = storedSettings(current);
    const merged = settingsSchema.safeParse({ ...before, ...parsed.data });
    if (!merged.success) {
      found.push(...issuesFromZod(merged.error));
    } else {
      const keyEntered = secrets.apiKey.trim() !== '';
      found.push(
        ...sendingIssues(merged.data, apiKeyStateAfter(before, merged.data, current.apiKeySet, keyEntered)),
        ...resultDeliveryIssues(merged.data),
      );
    }
  }
  if (secrets.apiKey.trim() !== '') {
    const key = apiKeySchema.safeParse(secrets.apiKey);
    if (!key.success) found.push(...issuesFromZod(key.error).map((issue) => ({ ...issue, field: 'apiKey' })));
  }
  found.push(...pinIssues(secrets, firstRun));
  return byField(found);
}

function pinIssues(secrets: DraftSecrets, firstRun: boolean): FormIssue[] {
  if (secrets.newPin === '' && secrets.confirmPin === '') {
    return firstRun ? [{ field: 'newPin', problem: 'required' }] : [];
  }
  if (!OPERATOR_PIN_PATTERN.test(secrets.newPin)) return [{ field: 'newPin', problem: 'pin_format' }];
  if (secrets.newPin !== secrets.confirmPin) return [{ field: 'confirmPin', problem: 'pins_differ' }];
  return [];
}

/** The first problem of each field: one message beside a field is enough to act on. */
function byField(issues: readonly FormIssue[]): FormIssues {
  const map: Record<string, FormIssue> = {};
  for (const issue of issues) map[issue.field] ??= issue;
  return map;
}

/**
 * The field a refusal from main names, as the screen calls it: main's IPC schema names the path in the request
 * ("patch.idleTimeoutSeconds"), its own checks the setting ("partnerId") or "apiKey".
 */
export function screenField(field: string): string {
  return field.startsWith('patch.') ? field.slice('patch.'.length) : field;
}
