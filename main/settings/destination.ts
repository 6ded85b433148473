// Where the settings send enrollments, and what a change of it means. A custom API URL or a callback URL must
// pass the endpoint policy (app/smileid/endpoint-policy.ts) before it is saved. A change of environment,
// custom URL or partner ID points the kiosk somewhere else, so the stored API key — a secret for the old
// destination — is cleared and must be entered again: a stolen PIN cannot redirect live signatures.
// And a destination that cannot send (app/settings-issues.ts) is never saved from the operator screens: once
// it was, the kiosk rested on its setup screen for good.
import { KioskError } from '../../app/errors';
import { issueParams, sendingIssues, type ApiKeyState, type SettingIssue } from '../../app/settings-issues';
import type { Settings, SettingsPatch } from '../../app/settings';
import {
  apiUrlProblem,
  callbackUrlProblem,
  type EndpointPolicy,
  type EndpointProblem,
} from '../../app/smileid/endpoint-policy';

export { apiKeyStateAfter, sendsElsewhere } from '../../app/settings-issues';

const PROBLEM_WORDS: Readonly<Record<EndpointProblem, string>> = {
  not_a_url: 'is not a web address',
  not_https: 'must start with https://',
  host_not_allowed: "is not one of Smile ID's addresses",
};

/** Checks the destination fields a patch touches, against the settings they would produce. */
export function refuseUnsafeDestination(next: Settings, patch: SettingsPatch, policy: EndpointPolicy): void {
  if (
    ('customApiUrl' in patch || 'environment' in patch) &&
    next.environment === 'custom' &&
    next.customApiUrl !== null
  ) {
    const problem = apiUrlProblem(next.customApiUrl, policy);
    if (problem) {
      throw new KioskError(
        'not_allowed',
        `The custom Smile ID address ${PROBLEM_WORDS[problem]}.`,
        'Choose the Smile ID sandbox or production environment, or ask support to allow this address.',
        issueParams({ field: 'customApiUrl', problem }),
      );
    }
  }
  if ('callbackUrl' in patch && next.callbackUrl !== null) {
    const problem = callbackUrlProblem(next.callbackUrl, policy);
    if (problem) {
      throw new KioskError(
        'not_allowed',
        `The callback address ${PROBLEM_WORDS[problem]}.`,
        "Enter the bank's https callback address.",
        issueParams({ field: 'callbackUrl', problem }),
      );
    }
  }
}

const SENDING_WORDS: Readonly<Record<string, string>> = {
  customApiUrl: 'the custom API URL',
  partnerId: 'a partner ID',
  apiKey: 'the API key',
};

/**
 * Refuses settings that could not send one enrollment: KioskError 'invalid_request' with the first missing
 * field as params ({ field, problem }), so the screen shows it beside that field. Nothing is saved then.
 */
export function refuseUnsendable(next: Settings, apiKey: ApiKeyState): void {
  const issues = sendingIssues(next, apiKey);
  const first = issues[0];
  if (first === undefined) return;
  throw new KioskError(
    'invalid_request',
    `These settings cannot send enrollments: the ${next.environment} environment needs ${describe(issues)}` +
      (first.problem === 'needed_again' ? ' (changing where enrollments go clears the stored key).' : '.'),
    'Enter what is missing and save again, or choose training mode.',
    issueParams(first),
  );
}

function describe(issues: readonly SettingIssue[]): string {
  return issues.map((issue) => SENDING_WORDS[issue.field] ?? issue.field).join(' and ');
}
