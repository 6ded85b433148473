// The renderer's side of the enrollment reference (app/enrollment-reference.ts): made when the operator accepts
// a user ID, shown until the result, and sent with the submission so main makes one job of it however often
// the submission arrives.
import type { JobSummary } from '../../app/queue';
import type { CustomerFlow } from './kiosk-store';

/** A fresh reference: crypto.randomUUID() (the page is a secure context: app:// or the loopback dev host). */
export function newEnrollmentReference(): string {
  return crypto.randomUUID();
}

/**
 * True when the flow's reference already names a job the flow has moved on from: after a result the customer is
 * taking the photos again, which is a new enrollment — submitted under the old reference, main would only answer
 * the old job. (While a submission is on its way this is true for a moment too — main announces the new job
 * before it answers — so the review screen does not ask while it is submitting.)
 */
export function referenceIsSpent(
  flow: Pick<CustomerFlow, 'reference' | 'jobId'>,
  jobs: Readonly<Record<string, JobSummary>>,
): boolean {
  return flow.reference !== null && flow.jobId === null && jobs[flow.reference] !== undefined;
}
