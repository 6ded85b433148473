// How the operator panel groups job states: for the state filter and for today's totals. Data, so a new job
// state must be placed here (the Record type refuses to compile until it is).
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

/** Groups whose jobs Smile ID has received: a job under review (or whose result goes to the bank) was sent. */
const SENT_GROUPS: ReadonlySet<JobGroup> = new Set(['approved', 'rejected', 'provisional', 'submitted']);

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

export type TodayTotals = Readonly<Record<JobGroup | 'sent', number>>;

/** The enrollments taken today (the kiosk's local day, as branch staff mean it), by where they stand now. */
export function todayTotals(jobs: readonly JobSummary[], now: number): TodayTotals {
  const startOfDay = new Date(now).setHours(0, 0, 0, 0);
  const totals = Object.fromEntries([...JOB_GROUPS, 'sent'].map((name) => [name, 0])) as Record<
    JobGroup | 'sent',
    number
  >;
  for (const job of jobs) {
    if (job.createdAt < startOfDay) continue;
    const group = GROUP_OF_STATE[job.state];
    totals[group]++;
    if (SENT_GROUPS.has(group)) totals.sent++;
  }
  return totals;
}
