// Which actions the operator panel offers on a job: only those that can do something. A final job has none (its
// answer is in; discarding would only lose the record), a job being sent has none (main would refuse), and a job
// whose photos are gone or unreadable cannot be retried — only discarded once the customer is enrolled again.
import { IMAGES_EXPIRED_KIND, INTERNAL_KIND } from '../../../app/job-problems';
import type { JobState } from '../../../app/job-states';
import type { JobError, JobSummary } from '../../../app/queue';

export type JobAction = 'retry' | 'discard';

const ACTIONS_BY_STATE: Readonly<Record<JobState, readonly JobAction[]>> = {
  queued: ['retry', 'discard'],
  preparing: [],
  uploading: [],
  awaiting_result: [],
  needs_attention: ['retry', 'discard'],
  // Smile ID has the photos and its answer will come: nothing to retry, nothing the operator should throw away.
  provisional: [],
  approved: [],
  rejected: [],
  submitted: [],
};

/** Problems a retry cannot fix: the photos are gone before Smile ID had them, or the kiosk cannot read them. */
function retryCannotHelp(error: JobError | null): boolean {
  if (error === null) return false;
  return error.kind === INTERNAL_KIND || (error.kind === IMAGES_EXPIRED_KIND && error.code === 'cannot_send');
}

export function actionsFor(job: Pick<JobSummary, 'state' | 'lastError'>): readonly JobAction[] {
  const actions = ACTIONS_BY_STATE[job.state];
  return retryCannotHelp(job.lastError) ? actions.filter((action) => action !== 'retry') : actions;
}
