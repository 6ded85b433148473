// Whether a job_status answer may be believed (docs/smileid-protocol.md §3.3). Smile ID signs its answer with the
// same scheme as requests — HMAC(key, timestamp + partner_id + "sid_request") — so a valid signature alone proves
// little: the kiosk's own request carries one, and a man in the middle can echo it back with any result. An
// answer is accepted only when
//   1. its signature verifies over its own timestamp,
//   2. that timestamp/signature pair is not one the kiosk itself sent (an echo),
//   3. its timestamp is fresh: within the tolerance of the kiosk's clock corrected by the measured skew,
//   4. a result it carries names this job: PartnerParams.job_id and user_id are the ones asked about, and a
//      complete answer must carry them.
import type { FailureKind } from '../../app/smileid/failure-kinds';
import { verifySignature } from './signature';
import type { JobStatusResponse } from './wire';

/** How far a job_status timestamp may be from the skew-corrected local time (Smile ID's request tolerance). */
export const RESPONSE_FRESHNESS_MS = 5 * 60_000;

export interface AuthenticityContext {
  readonly apiKey: string;
  readonly partnerId: string;
  readonly jobId: string;
  readonly userId: string;
  /** Timestamps this client signed recently: an answer reusing one is an echo. */
  readonly sentTimestamps: ReadonlySet<string>;
  readonly now: Date;
  /** Server time minus local time, from the last HTTP Date header seen (0 when none was). */
  readonly skewMs: number;
  readonly toleranceMs?: number;
}

export type AuthenticityProblem = { readonly kind: FailureKind; readonly detail: string } | null;

export function checkJobStatusAuthenticity(
  status: JobStatusResponse,
  context: AuthenticityContext,
): AuthenticityProblem {
  const { apiKey, partnerId, jobId, userId } = context;
  if (!verifySignature(apiKey, partnerId, status.timestamp, status.signature)) {
    return { kind: 'response_signature_invalid', detail: `job_status for ${jobId}: signature` };
  }
  if (context.sentTimestamps.has(status.timestamp)) {
    return { kind: 'response_signature_invalid', detail: `job_status for ${jobId}: echo of a request` };
  }
  const answeredAt = Date.parse(status.timestamp);
  const expectedAt = context.now.getTime() + context.skewMs;
  const tolerance = context.toleranceMs ?? RESPONSE_FRESHNESS_MS;
  if (Number.isNaN(answeredAt) || Math.abs(answeredAt - expectedAt) > tolerance) {
    return { kind: 'response_stale', detail: `job_status for ${jobId}: timestamp ${status.timestamp}` };
  }
  const result = typeof status.result === 'object' && status.result !== null ? status.result : null;
  const params = result?.PartnerParams;
  if (params === undefined) {
    if (status.job_complete) {
      return { kind: 'response_not_this_job', detail: `job_status for ${jobId}: no PartnerParams` };
    }
    return null;
  }
  if (params.job_id !== jobId || params.user_id !== userId) {
    return { kind: 'response_not_this_job', detail: `job_status for ${jobId}: names another job` };
  }
  return null;
}
