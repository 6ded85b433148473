// The re-enrollment decision as pure functions: which jobs a supervisor may approve, what an approved job looks
// like (a new Smile ID job_id, fresh progress, allow_new_enroll from then on), and the channel's access rule —
// a live session whose role is supervisor, never open, not even during first-run setup.
import { describe, expect, it } from 'vitest';
import { awaitsReEnrollmentDecision } from '../../app/re-enrollment';
import type { OperatorRole } from '../../app/operator-session';
import { jobErrorOf } from '../../main/outbox/attempt-outcome';
import { cannotBeSentError } from '../../main/outbox/image-expiry';
import { jobRecordSchema, newJobRecord, smileIdJobIdOf, type JobRecord } from '../../main/outbox/job-record';
import { recordForReEnrollment, reEnrollmentRefusal } from '../../main/outbox/re-enrollment';
import { authorize } from '../../main/settings/operator-access';
import type { OperatorSession } from '../../main/settings/operator-sessions';
import { SmileIdError } from '../../main/smileid/errors';

const CREATED = 1_000_000;
const DAY_MS = 86_400_000;
const already = jobErrorOf(new SmileIdError({ kind: 'api_error', code: '2209', httpStatus: 400 }));

function refusedAsEnrolled(changes: Partial<JobRecord> = {}): JobRecord {
  return {
    ...newJobRecord('job-1', 'CUST-1', CREATED),
    state: 'needs_attention',
    attempts: 1,
    nextAttemptAt: null,
    lastError: already,
    ...changes,
  };
}

describe('which jobs wait for a re-enrollment decision', () => {
  it('only needs_attention after 2209', () => {
    expect(awaitsReEnrollmentDecision(refusedAsEnrolled())).toBe(true);
    expect(awaitsReEnrollmentDecision({ state: 'queued', lastError: already })).toBe(false);
    const otherCode = jobErrorOf(new SmileIdError({ kind: 'api_error', code: '2207', httpStatus: 400 }));
    expect(awaitsReEnrollmentDecision({ state: 'needs_attention', lastError: otherCode })).toBe(false);
    expect(awaitsReEnrollmentDecision({ state: 'needs_attention', lastError: null })).toBe(false);
  });

  it('main refuses other jobs, a second approval, and photos past their age', () => {
    const now = CREATED + 1_000;
    expect(reEnrollmentRefusal(refusedAsEnrolled(), now, 30)).toBeNull();
    expect(
      reEnrollmentRefusal(refusedAsEnrolled({ lastError: cannotBeSentError(30) }), now, 30)?.reason,
    ).toMatch(/not waiting for a re-enrollment decision/);
    expect(reEnrollmentRefusal({ ...refusedAsEnrolled(), state: 'approved' }, now, 30)).not.toBeNull();
    const approvedOnce = refusedAsEnrolled({ reEnrollment: { approvedAt: now, smileIdJobId: 'smile-2' } });
    expect(reEnrollmentRefusal(approvedOnce, now, 30)?.reason).toMatch(/although a supervisor had approved/);
    expect(reEnrollmentRefusal(refusedAsEnrolled(), CREATED + DAY_MS, 1)?.reason).toMatch(
      /1 day after capture/,
    );
    expect(reEnrollmentRefusal(refusedAsEnrolled({ imagesDeleted: true }), now, 30)).not.toBeNull();
  });
});

describe('an approved re-enrollment', () => {
  it('is queued again as a new Smile ID job, with fresh progress', () => {
    const before = refusedAsEnrolled({
      smileJobId: '0000000007',
      callbackUrlSent: 'https://bank.example/cb',
      progress: { everPrepared: true, uploadMayHaveLanded: false, uploadConfirmed: false },
    });
    const next = recordForReEnrollment(before, CREATED + 5, 'new-smile-job-id');
    expect(next).toMatchObject({
      jobId: 'job-1',
      state: 'queued',
      attempts: 1,
      nextAttemptAt: CREATED + 5,
      lastError: null,
      smileJobId: null,
      callbackUrlSent: null,
      progress: { everPrepared: false, uploadMayHaveLanded: false, uploadConfirmed: false },
      reEnrollment: { approvedAt: CREATED + 5, smileIdJobId: 'new-smile-job-id' },
    });
    expect(smileIdJobIdOf(before)).toBe('job-1');
    expect(smileIdJobIdOf(next)).toBe('new-smile-job-id');
  });

  it('reads records written before re-enrollment existed as never approved', () => {
    const { reEnrollment: _dropped, callbackUrlSent: _alsoDropped, ...old } = refusedAsEnrolled();
    expect(jobRecordSchema.parse(JSON.parse(JSON.stringify(old)))).toMatchObject({
      reEnrollment: null,
      callbackUrlSent: null,
    });
  });
});

describe('approveReEnrollment access', () => {
  const session = (role: string): OperatorSession => ({
    kind: 'elevated',
    operatorId: 'amina',
    displayName: 'Amina',
    role: role as OperatorRole,
    scope: 'full',
    origin: 'pin',
    expiresAt: Date.now() + 60_000,
    idleMs: null,
    lastUsedAt: Date.now(),
  });
  const context = (pinState: 'unset' | 'set', role = 'supervisor') => ({
    pinState: () => pinState,
    sessions: {
      require: (token: string | undefined) => {
        if (token === undefined) throw Object.assign(new Error('no session'), { code: 'pin_required' });
        return session(role);
      },
    },
  });

  it('needs a session even before a PIN exists (first-run setup opens nothing here)', () => {
    expect(() => authorize('supervisor', undefined, context('unset'))).toThrow(/no session/);
    expect(authorize('supervisor_after_setup', undefined, context('unset'))).toBeNull();
  });

  it('needs the supervisor role: a session of another role is refused', () => {
    expect(authorize('supervisor', 'token', context('set'))?.role).toBe('supervisor');
    expect(() => authorize('supervisor', 'token', context('set', 'operator'))).toThrow(/Only a supervisor/);
    // Other privileged calls do not ask for the role.
    expect(authorize('session', 'token', context('set', 'operator'))?.role).toBe('operator');
  });
});
