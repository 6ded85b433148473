// How an enrollment's result reaches the bank (docs/smileid-protocol.md §3.3, §8). Normally the kiosk polls
// job_status after the upload, for up to settings.jobStatusPollingTimeoutSeconds, and shows the answer. With a
// timeout of 0 it never polls: once Smile ID confirms the upload the job ends "submitted", and Smile ID posts the
// result to the callback URL, the bank's server. Without a callback URL that result would reach nobody, so such
// settings are refused (main: the settings store and provisioning; the settings screen: before it saves).
import type { SettingIssue } from './settings-issues';
import type { Settings } from './settings';

export type ResultDelivery =
  /** Poll job_status after the upload; the kiosk shows the result. */
  | 'poll'
  /** Never poll: the job ends "submitted", the result goes only to the callback URL. */
  | 'callback_only';

type DeliverySettings = Pick<Settings, 'jobStatusPollingTimeoutSeconds' | 'callbackUrl'>;

/**
 * What the kiosk does after an upload under these settings. Settings that fail resultDeliveryIssues are never
 * saved; should such a file appear anyway, the kiosk polls (with the default deadline, see the poller) rather
 * than leave a result with nobody.
 */
export function resultDelivery(settings: DeliverySettings): ResultDelivery {
  return settings.jobStatusPollingTimeoutSeconds === 0 && settings.callbackUrl !== null
    ? 'callback_only'
    : 'poll';
}

/** Why these settings leave results with nobody; empty when they do not. */
export function resultDeliveryIssues(settings: DeliverySettings): SettingIssue[] {
  return settings.jobStatusPollingTimeoutSeconds === 0 && settings.callbackUrl === null
    ? [{ field: 'callbackUrl', problem: 'needed_without_polling' }]
    : [];
}
