// Re-enrollment (docs/smileid-protocol.md §7): Smile ID refuses to enroll a user ID it has enrolled already
// (error 2209), and the job waits in needs_attention. A supervisor may approve enrolling that customer again
// from the operator panel (window.kiosk.approveReEnrollment); main then sends the same capture as a new Smile ID
// job with allow_new_enroll. Never automatic: nothing but that call does it. The renderer and main decide "is
// this job waiting for that decision?" with the same function, so the button and main's refusal agree.
import type { JobSummary } from './queue';

/** The Smile ID error code of "this user ID is already enrolled" (app/smileid/error-codes.ts). */
export const ALREADY_ENROLLED_CODE = '2209';

/**
 * True when the job waits for a supervisor's re-enrollment decision: needs_attention because Smile ID answered
 * 2209. Main also refuses a job whose photos are gone (their maximum age) and one already approved once.
 */
export function awaitsReEnrollmentDecision(job: Pick<JobSummary, 'state' | 'lastError'>): boolean {
  return (
    job.state === 'needs_attention' &&
    job.lastError?.kind === 'api_error' &&
    job.lastError.code === ALREADY_ENROLLED_CODE
  );
}
