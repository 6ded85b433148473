// The operator panel's rules as data: which actions each job gets (and which the session's role may take), how
// states group for the filter, and what today's totals count.
import { describe, expect, it } from 'vitest';
import { JOB_STATES, type JobState } from '../../app/job-states';
import type { JobError, JobSummary } from '../../app/queue';
import { actionsFor } from '../../renderer/components/operator/job-actions';
import { filterJobs } from '../../renderer/components/operator/job-groups';
import { tabsFor } from '../../renderer/components/operator/panel-tabs';
import { todayTotals } from '../../renderer/store/day-totals';

const NOON = new Date(2026, 2, 14, 12, 0, 0).getTime();
const YESTERDAY = NOON - 24 * 3_600_000;

function job(
  state: JobState,
  userId = 'CUST-1',
  createdAt = NOON - 60_000,
  lastError: JobError | null = null,
) {
  const summary: JobSummary = {
    jobId: `${state}-${userId}-${createdAt}`,
    userId,
    state,
    createdAt,
    updatedAt: createdAt,
    attempts: 0,
    nextAttemptAt: null,
    lastError,
    result: null,
    completedAt: null,
    operatorId: null,
  };
  return summary;
}

function problem(kind: string, code: string | null): JobError {
  return { kind, code, errorClass: 'permanent', reason: 'r', action: 'a' };
}

describe('actionsFor', () => {
  it.each([
    ['queued', ['retry', 'discard']],
    ['needs_attention', ['retry', 'discard']],
    ['preparing', []],
    ['uploading', []],
    ['awaiting_result', []],
    ['provisional', []],
    ['approved', []],
    ['rejected', []],
    ['submitted', []],
  ] as const)('a %s job offers a supervisor %j', (state, actions) => {
    expect(actionsFor(job(state), 'supervisor')).toEqual(actions);
  });

  it('covers every job state', () => {
    for (const state of JOB_STATES) expect(Array.isArray(actionsFor(job(state), 'supervisor'))).toBe(true);
  });

  it('offers no Retry where a retry cannot help: photos gone before Smile ID had them, or unreadable', () => {
    const stuck = (error: JobError) =>
      actionsFor({ state: 'needs_attention', lastError: error }, 'supervisor');
    expect(stuck(problem('images_expired', 'cannot_send'))).toEqual(['discard']);
    expect(stuck(problem('internal', 'files_unreadable'))).toEqual(['discard']);
    expect(stuck(problem('internal', 'photos_deleted'))).toEqual(['discard']);
    // Smile ID has the photos: Retry asks for its answer.
    expect(stuck(problem('images_expired', 'answer_pending_retry'))).toEqual(['retry', 'discard']);
  });

  it('offers a supervisor to approve re-enrollment instead of Retry on a 2209 (already enrolled), never elsewhere', () => {
    const refused = { state: 'needs_attention' as const, lastError: problem('api_error', '2209') };
    // Sending the same job again would only meet 2209 again.
    expect(actionsFor(refused, 'supervisor')).toEqual(['approveReEnrollment', 'discard']);
    expect(actionsFor({ ...refused, state: 'queued' }, 'supervisor')).toEqual(['retry', 'discard']);
    expect(
      actionsFor({ state: 'needs_attention', lastError: problem('api_error', '2210') }, 'supervisor'),
    ).toEqual(['retry', 'discard']);
    for (const state of JOB_STATES.filter((each) => each !== 'needs_attention')) {
      expect(actionsFor({ state, lastError: refused.lastError }, 'supervisor')).not.toContain(
        'approveReEnrollment',
      );
    }
  });

  it("offers an operator only what an operator's session may do: Retry, never discard or re-enrollment", () => {
    expect(actionsFor(job('needs_attention'), 'operator')).toEqual(['retry']);
    expect(
      actionsFor({ state: 'needs_attention', lastError: problem('api_error', '2209') }, 'operator'),
    ).toEqual([]);
    // No session: nothing at all.
    expect(actionsFor(job('queued'), null)).toEqual([]);
  });
});

describe("the panel's parts", () => {
  it('shows the audit trail and diagnostics to supervisors only', () => {
    expect(tabsFor('supervisor')).toEqual(['queue', 'day', 'audit', 'support']);
    expect(tabsFor('operator')).toEqual(['queue', 'day']);
    expect(tabsFor(null)).toEqual([]);
  });
});

describe('filterJobs', () => {
  const jobs = [
    job('queued', 'CUST-100'),
    job('uploading', 'CUST-200'),
    job('needs_attention', 'cust-300'),
    job('approved', 'CUST-301'),
  ];

  it('shows one group of states', () => {
    expect(filterJobs(jobs, 'waiting', '').map((j) => j.userId)).toEqual(['CUST-100', 'CUST-200']);
    expect(filterJobs(jobs, 'approved', '').map((j) => j.userId)).toEqual(['CUST-301']);
    expect(filterJobs(jobs, 'all', '')).toHaveLength(4);
  });

  it('finds a user ID by any part of it, whatever the case and surrounding spaces', () => {
    expect(filterJobs(jobs, 'all', ' Cust-30 ').map((j) => j.userId)).toEqual(['cust-300', 'CUST-301']);
    expect(filterJobs(jobs, 'needs_attention', '30').map((j) => j.userId)).toEqual(['cust-300']);
    expect(filterJobs(jobs, 'all', 'nobody')).toEqual([]);
  });
});

describe('todayTotals', () => {
  it("counts today's enrollments by where they stand, a review or a bank-bound result as sent", () => {
    const totals = todayTotals(
      [
        job('approved', 'A'),
        job('approved', 'B'),
        job('rejected', 'C'),
        job('provisional', 'D'),
        job('submitted', 'E'),
        job('queued', 'F'),
        job('awaiting_result', 'G'),
        job('needs_attention', 'H'),
        // Yesterday's do not count today.
        job('approved', 'I', YESTERDAY),
        job('needs_attention', 'J', YESTERDAY),
      ],
      NOON,
    );
    expect(totals).toEqual({
      approved: 2,
      rejected: 1,
      provisional: 1,
      submitted: 1,
      waiting: 2,
      needs_attention: 1,
      sent: 5,
    });
  });

  it("starts the day at the kiosk's local midnight", () => {
    const midnight = new Date(2026, 2, 14, 0, 0, 0).getTime();
    const totals = todayTotals([job('approved', 'A', midnight), job('approved', 'B', midnight - 1)], NOON);
    expect(totals.approved).toBe(1);
  });
});
