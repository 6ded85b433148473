// What is wrong with a setting, as data: the field (a dotted path such as "userIdRule.pattern"), a problem code
// and, for a range, the limit. Main refuses a save with one of these as the KioskError's `params`; the settings
// screen runs the same checks before it sends and shows each problem's translation (setup.problems.<code>)
// next to its field. Both read the zod schemas of app/settings.ts, so the screen and main cannot disagree.
//
// The second rule here is the one that once bricked a kiosk: a destination that cannot send. Training always
// can; Smile ID's sandbox and production need a partner ID and an API key, a custom URL needs the URL too.
import { z } from 'zod';
import type { KioskErrorParams } from './errors';
import type { ENVIRONMENTS, Settings } from './settings';

export const SETTING_PROBLEMS = [
  /** Empty where a value is needed (a number field left blank, an empty pattern). */
  'required',
  /** The environment chosen cannot send without it (partner ID, API key, custom URL). */
  'needed_to_send',
  /** The environment, custom URL or partner ID changed, which clears the stored key: enter it again. */
  'needed_again',
  /** No job_status polling leaves results to the callback alone, so it needs a URL (app/result-delivery.ts). */
  'needed_without_polling',
  'whole_number',
  'too_small',
  'too_big',
  'too_short',
  'too_long',
  'digits_only',
  'not_a_url',
  /** The endpoint policy (app/smileid/endpoint-policy.ts): https only ... */
  'not_https',
  /** ... and, for the API, only Smile ID's hosts or one a provisioning file allowed. */
  'host_not_allowed',
  'not_a_pattern',
  'min_above_max',
  /** A setting only a provisioning file may change (allowedCustomApiHosts), or one that does not exist. */
  'not_allowed',
  'invalid',
] as const;
export type SettingProblem = (typeof SETTING_PROBLEMS)[number];

export interface SettingIssue {
  /** Dotted path of the setting; 'apiKey' for the key, which is not a setting but travels with a save. */
  readonly field: string;
  readonly problem: SettingProblem;
  /** The bound a too_small / too_big / too_short / too_long problem refers to. */
  readonly limit?: number;
}

/** The Smile ID API key as the kiosk accepts it: from the settings screen, IPC and provisioning alike. */
export const apiKeySchema = z.string().min(8).max(512);

type Environment = (typeof ENVIRONMENTS)[number];
type SendingField = 'customApiUrl' | 'partnerId' | 'apiKey';

/** What each environment needs before it can send one enrollment. */
const NEEDED_TO_SEND: Readonly<Record<Environment, readonly SendingField[]>> = {
  training: [],
  sandbox: ['partnerId', 'apiKey'],
  production: ['partnerId', 'apiKey'],
  custom: ['customApiUrl', 'partnerId', 'apiKey'],
};

/**
 * The API key's state after a save: 'set' (kept or newly entered), 'missing' (there never was one), or 'cleared'
 * (there was one, but the destination changed, so it goes: see sendsElsewhere).
 */
export type ApiKeyState = 'set' | 'missing' | 'cleared';

/**
 * The API key's state once a save is applied: a key entered with the save is set; a stored one stays unless the
 * destination changes, which clears it.
 */
export function apiKeyStateAfter(
  before: Settings,
  after: Settings,
  stored: boolean,
  entered: boolean,
): ApiKeyState {
  if (entered) return 'set';
  if (!stored) return 'missing';
  return sendsElsewhere(before, after) ? 'cleared' : 'set';
}

/** Why these settings could not send an enrollment; empty when they can. */
export function sendingIssues(settings: Settings, apiKey: ApiKeyState): SettingIssue[] {
  const present: Readonly<Record<SendingField, boolean>> = {
    customApiUrl: settings.customApiUrl !== null,
    partnerId: settings.partnerId !== '',
    apiKey: apiKey === 'set',
  };
  return NEEDED_TO_SEND[settings.environment]
    .filter((field) => !present[field])
    .map((field) => ({
      field,
      problem: field === 'apiKey' && apiKey === 'cleared' ? 'needed_again' : 'needed_to_send',
    }));
}

/** True once the kiosk can send: training mode, or everything its environment needs. */
export function canSend(settings: Settings, apiKeySet: boolean): boolean {
  return sendingIssues(settings, apiKeySet ? 'set' : 'missing').length === 0;
}

/**
 * True when enrollments would now go to another Smile ID account or server: the stored API key, a secret for the
 * old destination, must not follow them (a stolen PIN must not redirect live signatures).
 */
export function sendsElsewhere(before: Settings, after: Settings): boolean {
  return (
    before.environment !== after.environment ||
    before.customApiUrl !== after.customApiUrl ||
    before.partnerId !== after.partnerId
  );
}

/** A zod format error on these fields means something more precise than "invalid format". */
const FORMAT_PROBLEMS: Readonly<Record<string, SettingProblem>> = { partnerId: 'digits_only' };

/** The schemas' refinements, by where they report (their messages are English for engineers). */
const REFINEMENT_ISSUES: Readonly<Record<string, SettingIssue>> = {
  'userIdRule.pattern': { field: 'userIdRule.pattern', problem: 'not_a_pattern' },
  userIdRule: { field: 'userIdRule.minLength', problem: 'min_above_max' },
};

/** Each zod issue as field + problem; built from paths and issue codes only, never from the input. */
export function issuesFromZod(error: z.ZodError): SettingIssue[] {
  return error.issues.flatMap((issue) => issueFromZod(issue));
}

function issueFromZod(issue: z.core.$ZodIssue): SettingIssue[] {
  const field = issue.path.map(String).join('.');
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ field: field ? `${field}.${key}` : key, problem: 'not_allowed' }));
    case 'too_small':
      if (issue.origin === 'string') {
        return [
          Number(issue.minimum) <= 1
            ? { field, problem: 'required' }
            : { field, problem: 'too_short', limit: Number(issue.minimum) },
        ];
      }
      return [{ field, problem: 'too_small', limit: Number(issue.minimum) }];
    case 'too_big':
      return [
        { field, problem: issue.origin === 'string' ? 'too_long' : 'too_big', limit: Number(issue.maximum) },
      ];
    case 'invalid_type':
      if (issue.expected === 'int') return [{ field, problem: 'whole_number' }];
      // A number field left empty arrives as NaN (or not at all).
      if (issue.expected === 'number') return [{ field, problem: 'required' }];
      return [{ field, problem: 'invalid' }];
    case 'invalid_format':
      if (issue.format === 'url') return [{ field, problem: 'not_a_url' }];
      return [{ field, problem: FORMAT_PROBLEMS[field] ?? 'invalid' }];
    case 'custom':
      return [REFINEMENT_ISSUES[field] ?? { field, problem: 'invalid' }];
    default:
      return [{ field, problem: 'invalid' }];
  }
}

/** Longer paths are cut: an unknown key in a forged request is the sender's text, and params are bounded. */
const MAX_FIELD_LENGTH = 120;

/** The issue as a KioskError's params (plain scalars: they cross the process boundary). */
export function issueParams(issue: SettingIssue): KioskErrorParams {
  const field = issue.field.slice(0, MAX_FIELD_LENGTH);
  return issue.limit === undefined
    ? { field, problem: issue.problem }
    : { field, problem: issue.problem, limit: issue.limit };
}

const issueParamsSchema = z.object({
  field: z.string().min(1).max(MAX_FIELD_LENGTH),
  problem: z.enum(SETTING_PROBLEMS),
  limit: z.number().optional(),
});

/** The renderer's side: the setting issue a refusal from main carries, or null when it carries none. */
export function issueFromParams(params: KioskErrorParams | undefined): SettingIssue | null {
  const parsed = issueParamsSchema.safeParse(params ?? {});
  if (!parsed.success) return null;
  const { field, problem, limit } = parsed.data;
  return limit === undefined ? { field, problem } : { field, problem, limit };
}
