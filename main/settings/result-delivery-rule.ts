// The whole-settings rule of app/result-delivery.ts as main enforces it: the settings store refuses to save, and
// provisioning refuses to apply, settings under which a result would reach nobody (no polling, no callback).
import { KioskError } from '../../app/errors';
import { resultDeliveryIssues } from '../../app/result-delivery';
import type { Settings } from '../../app/settings';
import { issueParams } from '../../app/settings-issues';

/** Throws KioskError 'invalid_request' with params { field: 'callbackUrl', problem } when results would be lost. */
export function refuseUndeliverableResults(settings: Settings): void {
  const issue = resultDeliveryIssues(settings)[0];
  if (issue === undefined) return;
  throw new KioskError(
    'invalid_request',
    'A job_status polling timeout of 0 leaves results to the callback alone, so a callback URL is required.',
    "Enter the bank's callback URL, or set a polling timeout above 0.",
    issueParams(issue),
  );
}
