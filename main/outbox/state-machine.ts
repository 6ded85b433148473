// The job state machine of docs/architecture.md "Job states", as a table of allowed moves. Every change of a job's state goes
// through `transition`, so an impossible move is a loud bug, never a silently corrupted queue.
import type { JobState } from '../../app/job-states';
import type { JobRecord } from './job-record';

export const TRANSITIONS: Readonly<Record<JobState, readonly JobState[]>> = {
  // An attempt starts; or job_status (asked first when a PUT may have landed) already has the answer; or an
  // upload confirmed earlier is left to the callback (polling timeout 0).
  queued: [
    'queued',
    'preparing',
    'awaiting_result',
    'approved',
    'rejected',
    'provisional',
    'needs_attention',
    'submitted',
  ],
  preparing: ['uploading', 'queued', 'needs_attention'],
  // A refused upload link sends the job back to preparing within the same attempt. With a polling timeout of 0
  // a confirmed upload ends the kiosk's part: submitted, the result goes to the bank's callback.
  uploading: ['uploading', 'preparing', 'awaiting_result', 'submitted', 'queued', 'needs_attention'],
  awaiting_result: ['approved', 'rejected', 'provisional', 'queued', 'needs_attention'],
  // Human review: polled again at long intervals until final.
  provisional: ['provisional', 'approved', 'rejected', 'needs_attention'],
  // The operator retries, or a supervisor approves a re-enrollment (or discards, which removes the job).
  needs_attention: ['queued'],
  approved: [],
  rejected: [],
  submitted: [],
};

export class IllegalTransitionError extends Error {
  constructor(jobId: string, from: JobState, to: JobState) {
    super(`job ${jobId}: ${from} → ${to} is not a legal move`);
    this.name = 'IllegalTransitionError';
  }
}

export function canTransition(from: JobState, to: JobState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** A new record in state `to` with `changes` applied; the input is not modified. */
export function transition(
  record: JobRecord,
  to: JobState,
  now: number,
  changes: Partial<Omit<JobRecord, 'state' | 'jobId' | 'v'>> = {},
): JobRecord {
  if (!canTransition(record.state, to)) throw new IllegalTransitionError(record.jobId, record.state, to);
  return { ...record, ...changes, state: to, updatedAt: now };
}
