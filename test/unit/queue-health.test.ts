// The queue's counts as the queue line shows them (main/outbox/health.ts): every job in its state, and "sent
// today" counting each job Smile ID answered since local midnight — also one under review (provisional).
import { describe, expect, it } from 'vitest';
import type { JobState } from '../../app/job-states';
import { recordAfterResult } from '../../main/outbox/attempt-outcome';
import { DEFAULT_BACKOFF } from '../../main/outbox/backoff';
import { countJobs } from '../../main/outbox/health';
import { newJobRecord, type JobRecord } from '../../main/outbox/job-record';
import type { EnrollmentResult } from '../../main/smileid/result';

const HOUR = 3_600_000;
const NOW = new Date(2026, 5, 15, 15, 0, 0).getTime(); // 15:00 local time
const TODAY = NOW - 2 * HOUR;
const YESTERDAY = NOW - 24 * HOUR;

let serial = 0;
function job(state: JobState, changes: Partial<JobRecord> = {}): JobRecord {
  serial++;
  return { ...newJobRecord(`job-${serial}`, `CUST-${serial}`, YESTERDAY), state, ...changes };
}

describe('queue counts', () => {
  it('counts each job in its state', () => {
    const { counts } = countJobs(
      [job('queued'), job('queued'), job('uploading'), job('needs_attention'), job('approved')],
      NOW,
    );
    expect(counts).toMatchObject({ queued: 2, uploading: 1, needs_attention: 1, approved: 1, rejected: 0 });
  });

  it('counts as sent today every job Smile ID answered today, under review ones too', () => {
    const { sentToday } = countJobs(
      [
        job('approved', { answeredAt: TODAY, completedAt: TODAY }),
        job('rejected', { answeredAt: TODAY, completedAt: TODAY }),
        job('provisional', { answeredAt: TODAY }),
        job('queued'),
        job('needs_attention'),
      ],
      NOW,
    );
    expect(sentToday).toBe(3);
  });

  it('counts a job on the day of its first answer only: under review yesterday, approved today, is not sent today', () => {
    const { sentToday } = countJobs(
      [
        job('approved', { answeredAt: YESTERDAY, completedAt: TODAY }),
        job('provisional', { answeredAt: YESTERDAY, updatedAt: TODAY }),
      ],
      NOW,
    );
    expect(sentToday).toBe(0);
  });

  it('counts records written before answeredAt existed by their completedAt', () => {
    const { sentToday } = countJobs(
      [
        job('approved', { answeredAt: null, completedAt: TODAY }),
        job('approved', { completedAt: YESTERDAY }),
      ],
      NOW,
    );
    expect(sentToday).toBe(1);
  });

  it('keeps the time of the first answer when a review ends later', () => {
    const policy = { backoff: DEFAULT_BACKOFF, random: () => 0.5, provisionalPollMs: 30 * 60_000 };
    const answer = (outcome: 'provisional' | 'approved'): EnrollmentResult => ({
      outcome,
      final: outcome === 'approved',
      resultCode: outcome === 'approved' ? '1240' : '0842',
      resultText: '',
      reason: '',
      nextStep: outcome === 'approved' ? 'none' : 'wait_for_review',
      smileJobId: 'smile-1',
    });
    const awaiting = job('awaiting_result');
    const underReview = recordAfterResult(awaiting, answer('provisional'), YESTERDAY, policy).record;
    expect(underReview).toMatchObject({ state: 'provisional', answeredAt: YESTERDAY, completedAt: null });
    const approved = recordAfterResult(underReview, answer('approved'), TODAY, policy).record;
    expect(approved).toMatchObject({ state: 'approved', answeredAt: YESTERDAY, completedAt: TODAY });
  });
});
