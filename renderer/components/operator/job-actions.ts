// Which actions the operator panel offers on a job: only those that can do something, and only those the
// session's role may take (role-access.ts). A final job has none (its answer is in; discarding would only lose
// the record), a job being sent has none (main would refuse), and a job whose photos are gone or unreadable
// cannot be retried — only discarded once the customer is enrolled again. A job Smile ID refused as already
// enrolled (2209) waits for a supervisor's decision (app/re-enrollment.ts): sending the same job again would
// only meet the same refusal, so it offers approving the re-enrollment instead of Retry.
import type { MethodName } from '../../../app/ipc/channels';
import { IMAGES_EXPIRED_KIND, INTERNAL_KIND } from '../../../app/job-problems';
import type { JobState } from '../../../app/job-states';
import type { OperatorRole } from '../../../app/operator-session';
import type { JobSummary } from '../../../app/queue';
import { awaitsReEnrollmentDecision } from '../../../app/re-enrollment';
import { roleMayCall } from './role-access';

export type JobAction = 'retry' | 'approveReEnrollment' | 'discard';

/** The call of main each action makes: its access rule decides who is offered it. */
export const ACTION_CALL: Readonly<Record<JobAction, MethodName>> = {
  retry: 'retryJob',
  approveReEnrollment: 'approveReEnrollment',
  discard: 'discardJob',
};

const ACTIONS_BY_STATE: Readonly<Record<JobState, readonly JobAction[]>> = {
  queued: ['retry', 'discard'],
  preparing: [],
  uploading: [],
  awaiting_result: [],
  needs_attention: ['retry', 'approveReEnrollment', 'discard'],
  // Smile ID has the photos and its answer will come: nothing to retry, nothing the operator should throw away.
  provisional: [],
  approved: [],
  rejected: [],
  submitted: [],
};

type Job = Pick<JobSummary, 'state' | 'lastError'>;

/** Problems a retry cannot fix: the photos are gone before Smile ID had them, unreadable, or already enrolled. */
function retryCannotHelp(job: Job): boolean {
  const error = job.lastError;
  if (error === null) return false;
  return (
    error.kind === INTERNAL_KIND ||
    (error.kind === IMAGES_EXPIRED_KIND && error.code === 'cannot_send') ||
    awaitsReEnrollmentDecision(job)
  );
}

/** Whether an action the job's state allows fits this job. */
const FITS: Readonly<Record<JobAction, (job: Job) => boolean>> = {
  retry: (job) => !retryCannotHelp(job),
  approveReEnrollment: awaitsReEnrollmentDecision,
  discard: () => true,
};

export function actionsFor(job: Job, role: OperatorRole | null): readonly JobAction[] {
  return ACTIONS_BY_STATE[job.state].filter(
    (action) => FITS[action](job) && roleMayCall(role, ACTION_CALL[action]),
  );
}
