// What main records so that screens can say a problem in the operator's language: the kind and code of every
// job error of the kiosk's own (app/job-problems.ts) and of the cause that paused the queue. The English beside
// them stays for the logs.
import { describe, expect, it } from 'vitest';
import { IMAGES_EXPIRED_KIND, INTERNAL_KIND } from '../../app/job-problems';
import type { JobState } from '../../app/job-states';
import { internalJobError, recordAfterError } from '../../main/outbox/attempt-outcome';
import { DEFAULT_BACKOFF } from '../../main/outbox/backoff';
import { CircuitBreaker } from '../../main/outbox/circuit-breaker';
import { cannotBeSentError, recordWithoutImages } from '../../main/outbox/image-expiry';
import { newJobRecord, type JobRecord } from '../../main/outbox/job-record';
import { SmileIdError } from '../../main/smileid/errors';

const NOW = Date.UTC(2026, 0, 1);
const policy = { backoff: DEFAULT_BACKOFF, random: () => 0.5, provisionalPollMs: 30 * 60_000 };

function job(state: JobState, changes: Partial<JobRecord> = {}): JobRecord {
  return { ...newJobRecord('j-1', 'CUST-1', NOW), state, ...changes };
}

describe('the paused queue names its cause', () => {
  it('a systemic Smile ID failure pauses the queue with its kind and code', () => {
    const error = new SmileIdError({ kind: 'api_error', code: '2205', httpStatus: 401 });
    const { effect } = recordAfterError(job('uploading'), error, NOW, policy);
    expect(effect).toMatchObject({
      kind: 'open_circuit',
      cause: { kind: 'api_error', code: '2205', reason: error.reason, action: error.action },
    });
  });

  it('the breaker reports that cause until it closes', () => {
    const breaker = new CircuitBreaker(60_000);
    breaker.open({ kind: 'clock_wrong', code: null, reason: 'English', action: 'English' }, NOW);
    expect(breaker.status()).toMatchObject({
      open: true,
      kind: 'clock_wrong',
      code: null,
      reason: 'English',
    });
    breaker.close();
    expect(breaker.status()).toEqual({
      open: false,
      kind: null,
      code: null,
      reason: null,
      action: null,
      since: null,
    });
  });
});

describe("a job's own problems carry a code", () => {
  it('internal errors name what is wrong with the files', () => {
    expect(internalJobError('files_missing', 'English', 'English')).toMatchObject({
      kind: INTERNAL_KIND,
      code: 'files_missing',
      errorClass: 'permanent',
    });
  });

  it('expired photos say whether the job can still get an answer, and whether Retry asks for it', () => {
    expect(cannotBeSentError(30)).toMatchObject({ kind: IMAGES_EXPIRED_KIND, code: 'cannot_send' });
    const confirmed = { progress: { everPrepared: true, uploadMayHaveLanded: true, uploadConfirmed: true } };
    expect(recordWithoutImages(job('provisional'), 30, NOW).lastError?.code).toBe('answer_pending');
    expect(recordWithoutImages(job('queued', confirmed), 30, NOW).lastError?.code).toBe('answer_pending');
    expect(recordWithoutImages(job('needs_attention', confirmed), 30, NOW).lastError?.code).toBe(
      'answer_pending_retry',
    );
    expect(recordWithoutImages(job('queued'), 30, NOW).lastError?.code).toBe('cannot_send');
  });
});
