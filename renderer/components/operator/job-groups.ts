// How the operator panel groups job states: for the state filter and for the day's totals (store/day-totals.ts).
// Data, so a new job state must be placed here (the Record type refuses to compile until it is).
import type { JobState } from '../../../app/job-states';
import type { JobSummary } from '../../../app/queue';

export const JOB_GROUPS = [
  'waiting',
  'needs_attention',
  'provisional',
  'approved',
  'rejected',
  'submitted',
] as const;
export type JobGroup = (typeof JOB_GROUPS)[number];

export const GROUP_OF_STATE: Readonly<Record<JobState, JobGroup>> = {
  queued: 'waiting',
  preparing: 'waiting',
  uploading: 'waiting',
  awaiting_result: 'waiting',
  needs_attention: 'needs_attention',
  provisional: 'provisional',
  approved: 'approved',
  rejected: 'rejected',
  submitted: 'submitted',
};

export type JobFilter = JobGroup | 'all';

/** The jobs the operator asked to see: in the chosen group, with the search text in the user ID. */
export function filterJobs(jobs: readonly JobSummary[], filter: JobFilter, search: string): JobSummary[] {
  const needle = search.trim().toLowerCase();
  return jobs.filter(
    (job) =>
      (filter === 'all' || GROUP_OF_STATE[job.state] === filter) &&
      (needle === '' || job.userId.toLowerCase().includes(needle)),
  );
}
