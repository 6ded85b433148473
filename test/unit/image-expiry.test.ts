// The maximum age of the photos of unfinished jobs (main/outbox/image-expiry.ts), as pure functions: which jobs
// lose their photos, what each job says and does afterwards, and when Retry must refuse.
import { describe, expect, it } from 'vitest';
import type { JobState } from '../../app/job-states';
import { recordAfterError, recordAfterResult } from '../../main/outbox/attempt-outcome';
import { DEFAULT_BACKOFF } from '../../main/outbox/backoff';
import {
  IMAGES_EXPIRED,
  imagesExpireAt,
  mustPurgeImages,
  recordWithoutImages,
  retryRefusal,
} from '../../main/outbox/image-expiry';
import { newJobRecord, type JobRecord } from '../../main/outbox/job-record';
import { SmileIdError } from '../../main/smileid/errors';
import type { EnrollmentResult } from '../../main/smileid/result';

const DAY = 86_400_000;
const CREATED = Date.UTC(2026, 0, 1);
const LIMIT = 30;
const EXPIRED = CREATED + 30 * DAY;
const policy = { backoff: DEFAULT_BACKOFF, random: () => 0.5, provisionalPollMs: 30 * 60_000 };

function job(state: JobState, changes: Partial<JobRecord> = {}): JobRecord {
  return { ...newJobRecord('j-1', 'CUST-1', CREATED), state, ...changes };
}

const confirmed = {
  progress: { everPrepared: true, uploadMayHaveLanded: true, uploadConfirmed: true },
};

describe('mustPurgeImages', () => {
  it('takes every job without a final result once its photos reach the age limit, by createdAt', () => {
    expect(imagesExpireAt(job('queued'), LIMIT)).toBe(EXPIRED);
    for (const state of [
      'queued',
      'needs_attention',
      'provisional',
      'preparing',
      'uploading',
      'awaiting_result',
    ] as const) {
      expect(mustPurgeImages(job(state), EXPIRED - 1, LIMIT), state).toBe(false);
      expect(mustPurgeImages(job(state), EXPIRED, LIMIT), state).toBe(true);
    }
  });

  it('leaves final jobs to their result (their photos go at once) and purged jobs alone', () => {
    expect(mustPurgeImages(job('approved'), EXPIRED + DAY, LIMIT)).toBe(false);
    expect(mustPurgeImages(job('rejected'), EXPIRED + DAY, LIMIT)).toBe(false);
    expect(mustPurgeImages(job('needs_attention', { imagesDeleted: true }), EXPIRED, LIMIT)).toBe(false);
    expect(mustPurgeImages(job('provisional', { imagesDeleted: true }), EXPIRED, LIMIT)).toBe(false);
    expect(mustPurgeImages(job('queued', { imagesDeleted: true, ...confirmed }), EXPIRED, LIMIT)).toBe(false);
  });

  it('takes a job that would try to send photos it no longer has, whatever its age', () => {
    expect(mustPurgeImages(job('queued', { imagesDeleted: true }), CREATED, LIMIT)).toBe(true);
  });
});

describe('recordWithoutImages', () => {
  it.each(['queued', 'preparing', 'uploading', 'awaiting_result', 'needs_attention'] as const)(
    '%s, never received by Smile ID → needs_attention: photos deleted after N days, enroll again',
    (state) => {
      const after = recordWithoutImages(job(state, { nextAttemptAt: CREATED }), 7, EXPIRED);
      expect(after.state).toBe('needs_attention');
      expect(after.nextAttemptAt).toBeNull();
      expect(after.updatedAt).toBe(EXPIRED);
      expect(after.lastError).toMatchObject({ kind: IMAGES_EXPIRED, errorClass: 'permanent' });
      expect(after.lastError?.reason).toMatch(/photos were deleted from this kiosk 7 days after capture/);
      expect(after.lastError?.reason).toMatch(/can no longer be sent/);
      expect(after.lastError?.action).toMatch(/Enroll the customer again/);
    },
  );

  it('provisional stays provisional (still polled): Smile ID has the photos, its answer can still come', () => {
    const before = job('provisional', { nextAttemptAt: CREATED + DAY, ...confirmed });
    const after = recordWithoutImages(before, 1, EXPIRED);
    expect(after.state).toBe('provisional');
    expect(after.nextAttemptAt).toBe(CREATED + DAY);
    expect(after.lastError?.reason).toMatch(/deleted from this kiosk 1 day after capture/);
    expect(after.lastError?.reason).toMatch(/answer can still arrive/);
  });

  it('an upload Smile ID confirmed keeps its turn (queued) or is retried for its answer (needs_attention)', () => {
    expect(recordWithoutImages(job('awaiting_result', confirmed), LIMIT, EXPIRED).state).toBe('queued');
    expect(recordWithoutImages(job('queued', confirmed), LIMIT, EXPIRED).state).toBe('queued');
    const stuck = recordWithoutImages(job('needs_attention', confirmed), LIMIT, EXPIRED);
    expect(stuck.state).toBe('needs_attention');
    expect(stuck.lastError?.action).toMatch(/Retry to ask Smile ID for its answer \(no photos are sent\)/);
  });
});

describe('retryRefusal', () => {
  it('refuses a job whose photos are gone or past their age, unless Smile ID already has them', () => {
    expect(retryRefusal(job('needs_attention'), EXPIRED - 1, LIMIT)).toBeNull();
    expect(retryRefusal(job('needs_attention'), EXPIRED, LIMIT)?.reason).toMatch(/30 days/);
    const purged = recordWithoutImages(job('needs_attention'), 14, EXPIRED);
    // The note of the day they were deleted, even if the limit changed since.
    expect(retryRefusal({ ...purged, imagesDeleted: true }, EXPIRED, LIMIT)?.reason).toMatch(/14 days/);
    const answerPending = recordWithoutImages(job('needs_attention', confirmed), LIMIT, EXPIRED);
    expect(retryRefusal({ ...answerPending, imagesDeleted: true }, EXPIRED, LIMIT)).toBeNull();
  });
});

describe('a provisional job keeps its note while it stays provisional', () => {
  const purged = {
    ...recordWithoutImages(job('provisional', confirmed), LIMIT, EXPIRED),
    imagesDeleted: true,
  };
  const result = (outcome: 'provisional' | 'approved', final: boolean): EnrollmentResult => ({
    outcome,
    final,
    resultCode: final ? '1240' : '0842',
    resultText: '',
    reason: '',
    nextStep: final ? 'none' : 'wait_for_review',
    smileJobId: 'smile-1',
  });

  it('across a poll that is still provisional, and a failed poll; a final answer clears it', () => {
    expect(recordAfterResult(purged, result('provisional', false), EXPIRED, policy).record.lastError).toEqual(
      purged.lastError,
    );
    const failed = new SmileIdError({ kind: 'server_error', detail: 'HTTP 503', httpStatus: 503 });
    expect(recordAfterError(purged, failed, EXPIRED, policy).record.lastError).toEqual(purged.lastError);
    expect(recordAfterResult(purged, result('approved', true), EXPIRED, policy).record.lastError).toBeNull();
  });
});
