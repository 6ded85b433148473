// What the operator panel says about a job, in plain sentences: Smile ID's answer when it is not a plain
// approval, and why the job is not sent (yet) while the kiosk still has work to do on it. Nothing at all for a
// job with nothing to say — never an empty "last problem".
import type { TFunction } from 'i18next';
import type { JobSummary } from '../../../app/queue';
import { describeJobError, describeResult, type Explanation } from '../../i18n/describe';

export function jobDetails(t: TFunction, job: JobSummary): Explanation[] {
  const details: Explanation[] = [];
  if (job.result && (job.state === 'rejected' || job.state === 'provisional')) {
    details.push(describeResult(t, job.result));
  }
  // A problem is news only while the kiosk still works on the job (a provisional job keeps the note that its
  // photos are gone); once Smile ID's answer is in, an earlier failed try is history.
  const stillWorking = job.state !== 'approved' && job.state !== 'rejected' && job.state !== 'submitted';
  if (job.lastError && stillWorking) details.push(describeJobError(t, job.lastError));
  return details;
}
