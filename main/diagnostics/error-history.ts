// What went wrong lately, for support, without saying for whom: the newest failed attempts, jobs that stopped for
// a person and pauses of the whole queue, read from the audit trail (which keeps their time), and the problems
// the jobs on the kiosk have now, as counts. Only codes cross over — kind, code, class — taken field by field
// from known places; never the English reason, never a user ID.
//
// Job IDs are left out too. They are random UUIDs, but not anonymous: the kiosk's job folders and audit trail, and
// Smile ID's portal (the job_id travels in partner_params next to the user_id), all map one back to its customer,
// so in a file that leaves the bank it would be a pseudonym anyone with that access can resolve. Support only
// needs to see which errors belong to the same enrollment: each job gets a number that means something only
// inside this one file ("job 3"), assigned in the order the file lists them.
import type { AuditAction } from '../../app/audit/actions';
import type { AuditEntry } from '../../app/audit/entry';
import type { JobState } from '../../app/job-states';
import type { JobSummary } from '../../app/queue';

/** The audit actions that record a problem, and whether they concern one job. */
const ERROR_ACTIONS: ReadonlyMap<AuditAction, { readonly perJob: boolean }> = new Map([
  ['job.attempt_failed', { perJob: true }],
  ['job.needs_attention', { perJob: true }],
  ['job.images_expired', { perJob: true }],
  ['system.circuit_opened', { perJob: false }],
  ['system.clock_skew_exceeded', { perJob: false }],
]);

/** Codes as the kiosk writes them (failure kinds, Smile ID's four digits, problem names); anything else is not. */
const CODE = /^[A-Za-z0-9_.:-]{1,64}$/;

function codeOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' && CODE.test(value) ? value : '[unrecognised]';
}

function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export interface RecentError {
  readonly at: string;
  readonly action: AuditAction;
  /** This file's number for the job ("job 3"), or null for a problem of the whole kiosk. */
  readonly job: number | null;
  readonly kind: string | null;
  readonly code: string | null;
  readonly errorClass: string | null;
  /** Attempts so far (failed attempts only). */
  readonly attempts: number | null;
  /** Clock skew in ms (clock problems only). */
  readonly skewMs: number | null;
}

/** Keeps the newest `limit` problem entries of a pass over the audit trail, oldest first. */
export class RecentErrors {
  private readonly kept: AuditEntry[] = [];

  constructor(private readonly limit: number) {}

  add(entry: AuditEntry): void {
    if (!ERROR_ACTIONS.has(entry.action)) return;
    this.kept.push(entry);
    if (this.kept.length > this.limit) this.kept.shift();
  }

  /** Newest first, each job numbered in the order it first appears in the list. */
  list(): RecentError[] {
    const numbers = new Map<string, number>();
    return [...this.kept].reverse().map((entry) => {
      const perJob = ERROR_ACTIONS.get(entry.action)?.perJob === true;
      const jobId = perJob ? entry.subject.jobId : null;
      let job: number | null = null;
      if (jobId !== null) {
        job = numbers.get(jobId) ?? numbers.size + 1;
        numbers.set(jobId, job);
      }
      const { details } = entry;
      return {
        at: entry.at,
        action: entry.action,
        job,
        kind: codeOf(details.kind),
        code: codeOf(details.code),
        errorClass: codeOf(details.errorClass),
        attempts: numberOf(details.attempts),
        skewMs: numberOf(details.skewMs),
      };
    });
  }
}

export interface ProblemCount {
  readonly state: JobState;
  readonly kind: string | null;
  readonly code: string | null;
  readonly errorClass: string;
  readonly jobs: number;
}

/** The problems the jobs on the kiosk carry now, counted by state and code: no job named. */
export function currentProblems(jobs: readonly JobSummary[]): ProblemCount[] {
  const counts = new Map<string, ProblemCount>();
  for (const job of jobs) {
    const error = job.lastError;
    if (error === null) continue;
    const problem = {
      state: job.state,
      kind: codeOf(error.kind),
      code: codeOf(error.code),
      errorClass: error.errorClass,
    };
    const key = JSON.stringify(problem);
    counts.set(key, { ...problem, jobs: (counts.get(key)?.jobs ?? 0) + 1 });
  }
  return [...counts.values()].sort((a, b) => b.jobs - a.jobs);
}
