// A supervisor's approval to enroll again a user ID Smile ID already has (app/re-enrollment.ts), as pure
// functions: whether the job may be approved, and the job as it stands once approved. The capture is the same
// (its photos and its sealed partner_params: kiosk, branch, place); only the Smile ID job is new, because a
// job_id is single-use at Smile ID and the one that met 2209 may be registered there already
// (docs/smileid-protocol.md §7). Photos are kept for this decision only as long as any job's: up to
// settings.maxImageAgeDays after capture (image-expiry.ts); a job whose photos are gone cannot be approved.
import { awaitsReEnrollmentDecision } from '../../app/re-enrollment';
import { FRESH_PROGRESS } from '../smileid/enrollment';
import { retryRefusal } from './image-expiry';
import type { JobRecord } from './job-record';
import { transition } from './state-machine';

export interface ReEnrollmentRefusal {
  readonly reason: string;
  readonly action: string;
}

/** Why the job cannot be approved for re-enrollment now, or null when it can. */
export function reEnrollmentRefusal(
  record: JobRecord,
  now: number,
  maxImageAgeDays: number,
): ReEnrollmentRefusal | null {
  if (!awaitsReEnrollmentDecision(record)) {
    return {
      reason: 'This enrollment is not waiting for a re-enrollment decision.',
      action: 'Only an enrollment Smile ID refused as already enrolled can be approved.',
    };
  }
  if (record.reEnrollment !== null) {
    // It was sent with allow_new_enroll and Smile ID still refused: approving again would change nothing.
    return {
      reason: 'Smile ID refused this re-enrollment although a supervisor had approved it.',
      action: 'Call support with the user ID; discard this entry once it is settled.',
    };
  }
  const photosGone = retryRefusal(record, now, maxImageAgeDays);
  return photosGone ? { reason: photosGone.reason, action: photosGone.action } : null;
}

/**
 * The job once approved: back in the queue as a new Smile ID job (its own job_id, fresh progress) that asks
 * for allow_new_enroll. The attempts so far still count; the 2209 note gives way.
 */
export function recordForReEnrollment(record: JobRecord, now: number, smileIdJobId: string): JobRecord {
  return transition(record, 'queued', now, {
    reEnrollment: { approvedAt: now, smileIdJobId },
    progress: FRESH_PROGRESS,
    smileJobId: null,
    callbackUrlSent: null,
    lastError: null,
    nextAttemptAt: now,
  });
}
