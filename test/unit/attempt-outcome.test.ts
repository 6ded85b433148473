// What one failed attempt does to a job's record. Attempts are counted when an attempt ends: a failure that is
// not the job's (systemic, or a network with nothing sent) must leave the count as it was — not erase an
// earlier attempt, as it once did by subtracting one.
import { describe, expect, it } from 'vitest';
import { recordAfterError } from '../../main/outbox/attempt-outcome';
import { DEFAULT_BACKOFF } from '../../main/outbox/backoff';
import { newJobRecord, type JobRecord } from '../../main/outbox/job-record';
import { SmileIdError } from '../../main/smileid/errors';

const policy = { backoff: DEFAULT_BACKOFF, random: () => 0.5, provisionalPollMs: 30 * 60_000 };

function queuedAfter(attempts: number): JobRecord {
  const record = newJobRecord('j-1', 'CUST-1', 1_000);
  return { ...record, state: 'uploading', attempts };
}

describe('recordAfterError', () => {
  it.each([0, 1, 3])('a systemic failure leaves %i earlier attempts counted', (attempts) => {
    const error = new SmileIdError({ kind: 'response_signature_invalid', detail: 'test' });
    const { record, effect } = recordAfterError(queuedAfter(attempts), error, 5_000, policy);
    expect(record.attempts).toBe(attempts);
    expect(record.state).toBe('queued');
    expect(effect.kind).toBe('open_circuit');
  });

  it('a network failure with nothing sent leaves the count, a transient one adds one', () => {
    const offline = new SmileIdError({ kind: 'network', detail: 'ECONNREFUSED', mayHaveLanded: false });
    expect(recordAfterError(queuedAfter(2), offline, 5_000, policy).record.attempts).toBe(2);
    const serverError = new SmileIdError({ kind: 'server_error', detail: 'HTTP 503', httpStatus: 503 });
    expect(recordAfterError(queuedAfter(2), serverError, 5_000, policy).record.attempts).toBe(3);
  });
});
