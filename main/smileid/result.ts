// Turns a complete job_status answer into what the kiosk shows and stores, using the result-code table in
// app/ (docs/smileid-protocol.md §5.1). Unknown codes fall back on job_success and Smile ID's own "final" markers.
import {
  FALLBACK_RESULTS,
  SMART_SELFIE_RESULT_CODES,
  type EnrollmentOutcome,
  type NextStep,
} from '../../app/smileid/result-codes';
import type { JobStatusResponse } from './wire';

export interface EnrollmentResult {
  readonly outcome: EnrollmentOutcome;
  /** False while a human review is pending: the job must be polled again later. */
  readonly final: boolean;
  readonly resultCode: string | null;
  readonly resultText: string;
  readonly reason: string;
  readonly nextStep: NextStep;
  readonly smileJobId: string | null;
}

const UNDER_REVIEW = /under review|provisional/i;

function fallbackOutcome(status: JobStatusResponse): EnrollmentOutcome {
  const result = typeof status.result === 'object' ? status.result : null;
  const reviewPending =
    result?.IsFinalResult === 'false' ||
    Object.values(result?.Actions ?? {}).some((value) => UNDER_REVIEW.test(value));
  if (reviewPending) return 'provisional';
  return status.job_success ? 'approved' : 'rejected';
}

export function interpretJobStatus(status: JobStatusResponse): EnrollmentResult {
  const result = typeof status.result === 'object' ? status.result : null;
  const resultCode = result?.ResultCode ?? null;
  const info =
    (resultCode && SMART_SELFIE_RESULT_CODES[resultCode]) || FALLBACK_RESULTS[fallbackOutcome(status)];
  return {
    outcome: info.outcome,
    final: info.outcome !== 'provisional',
    resultCode,
    resultText: result?.ResultText ?? (typeof status.result === 'string' ? status.result : ''),
    reason: info.reason,
    nextStep: info.nextStep,
    smileJobId: result?.SmileJobID ?? null,
  };
}
