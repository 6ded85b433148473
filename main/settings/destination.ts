// Where the settings send enrollments, and what a change of it means. A custom API URL or a callback URL must
// pass the endpoint policy (app/smileid/endpoint-policy.ts) before it is saved. A change of environment,
// custom URL or partner ID points the kiosk somewhere else, so the stored API key — a secret for the old
// destination — is cleared and must be entered again: a stolen PIN cannot redirect live signatures.
import { KioskError } from '../../app/errors';
import type { Settings, SettingsPatch } from '../../app/settings';
import {
  apiUrlProblem,
  callbackUrlProblem,
  type EndpointPolicy,
  type EndpointProblem,
} from '../../app/smileid/endpoint-policy';

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
      );
    }
  }
}

/** True when enrollments would now go to another Smile ID account or server. */
export function sendsElsewhere(before: Settings, after: Settings): boolean {
  return (
    before.environment !== after.environment ||
    before.customApiUrl !== after.customApiUrl ||
    before.partnerId !== after.partnerId
  );
}
