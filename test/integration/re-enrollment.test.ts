// Re-enrollment through the whole kiosk core: a user ID Smile ID already enrolled ends in needs_attention (2209),
// stays there on its own, and only a supervisor's approveReEnrollment sends the same capture again — as exactly
// one more Smile ID job, with allow_new_enroll — which then ends approved, with one audit entry naming who
// approved it. Refused without a session, and for a job that is not waiting for that decision. The photos are
// kept for the decision only up to their maximum age.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { awaitsReEnrollmentDecision } from '../../app/re-enrollment';
import { startSimulator, type RunningSimulator } from '../../main/smileid/simulator/server';
import { makeCapture, type CaptureJpegs } from '../support/fixture-images';
import { startCore, type CoreHarness } from '../support/core-harness';
import { Harness } from '../support/outbox-harness';

const PARTNER_ID = '085';
const API_KEY = 're-enroll-test-api-key-0123456789';
const PIN = '615273';
const DAY_MS = 86_400_000;

let capture: CaptureJpegs;
let sim: RunningSimulator | undefined;
let h: CoreHarness | undefined;

beforeAll(() => {
  capture = makeCapture();
});

afterEach(async () => {
  await h?.close();
  await sim?.close();
  h = undefined;
  sim = undefined;
});

async function kiosk(): Promise<CoreHarness> {
  sim = await startSimulator({ port: 0, partnerId: PARTNER_ID, apiKey: API_KEY, seed: 9 });
  h = await startCore({
    SMILEID_BASE_URL: sim.url,
    SMILEID_PARTNER_ID: PARTNER_ID,
    SMILEID_API_KEY: API_KEY,
    KIOSK_OPERATOR_PIN: PIN,
    KIOSK_ID: 'K-03',
    BRANCH: 'Arusha',
  });
  return h;
}

/** A user ID enrolled once, then captured again: the second job meets 2209. */
async function alreadyEnrolled(harness: CoreHarness, userId: string) {
  const first = await harness.enroll(userId);
  await harness.untilState(first, 'approved');
  const second = await harness.enroll(userId);
  const refused = await harness.untilState(second, 'needs_attention');
  return { first, second, refused };
}

describe('re-enrollment after 2209 (user already enrolled)', () => {
  it('2209 → needs_attention → a supervisor approves → approved, with exactly one more Smile ID job', async () => {
    const harness = await kiosk();
    const { first, second, refused } = await alreadyEnrolled(harness, 'RE-0001');
    expect(refused.lastError).toMatchObject({ kind: 'api_error', code: '2209', errorClass: 'permanent' });
    expect(awaitsReEnrollmentDecision(refused)).toBe(true);
    expect(sim!.jobs().map((job) => job.jobId)).toEqual([first]);

    // Never automatic: the queue runs on (another enrollment goes through, "send now" is pressed), and the
    // refused job stays where it is, with nothing more sent for it.
    const token = await harness.elevated();
    await harness.call('sendNow', { grant: token });
    await harness.untilState(await harness.enroll('RE-OTHER'), 'approved');
    expect(harness.core.outbox.get(second)?.state).toBe('needs_attention');
    const before = sim!.jobs().length;

    const approved = await harness.call('approveReEnrollment', { jobId: second, grant: token });
    expect(approved).toMatchObject({ jobId: second, state: 'queued', lastError: null });
    const done = await harness.untilState(second, 'approved');
    expect(done.result).toMatchObject({ outcome: 'approved', resultCode: '0840' });

    const jobs = sim!.jobs();
    expect(jobs).toHaveLength(before + 1);
    const reEnrollment = jobs.at(-1)!;
    // A new Smile ID job (a job_id is single-use), for the same customer, asking to enroll again; the capture's
    // sealed partner_params go with it.
    expect(reEnrollment).toMatchObject({
      userId: 'RE-0001',
      allowNewEnroll: true,
      prepUploads: 1,
      acceptedZips: 1,
      partnerParams: { kiosk_id: 'K-03', branch: 'Arusha', operator_id: 'supervisor' },
      result: { resultCode: '0840', outcome: 'approved' },
    });
    expect(reEnrollment.jobId).not.toBe(second);
    expect(jobs.filter((job) => job.allowNewEnroll)).toHaveLength(1);
    expect(done.result?.smileJobId).toBe(reEnrollment.smileJobId);

    // Audited: who approved it, for which job and customer.
    const audit = await harness.call('listAudit', { grant: token, filter: { userId: 'RE-0001' } });
    const entry = audit.entries.find((candidate) => candidate.action === 'job.re_enrollment_approved');
    expect(entry).toMatchObject({
      actor: { kind: 'operator', role: 'supervisor' },
      subject: { jobId: second, userId: 'RE-0001' },
      kioskId: 'K-03',
      branch: 'Arusha',
    });
    expect(
      audit.entries.filter((candidate) => candidate.action === 'job.re_enrollment_approved'),
    ).toHaveLength(1);
    // Decided once: the job is approved now, so a second approval is refused.
    expect(await harness.failure('approveReEnrollment', { jobId: second, grant: token })).toMatchObject({
      code: 'not_allowed',
    });
  });

  it('is refused without an operator session, with a forged one, and for jobs not waiting for it', async () => {
    const harness = await kiosk();
    const { first, second } = await alreadyEnrolled(harness, 'RE-0002');
    // The call cannot even be made without a session's grant; a made-up or ended one is refused.
    expect(await harness.failure('approveReEnrollment', { jobId: second })).toMatchObject({
      code: 'invalid_request',
    });
    expect(
      await harness.failure('approveReEnrollment', { jobId: second, grant: 'A'.repeat(43) }),
    ).toMatchObject({ code: 'session_expired' });
    const ended = await harness.elevated();
    await harness.call('endSession', { grant: ended });
    expect(await harness.failure('approveReEnrollment', { jobId: second, grant: ended })).toMatchObject({
      code: 'session_expired',
    });
    const token = await harness.elevated();
    // The first job was approved by Smile ID: nothing to decide.
    expect(await harness.failure('approveReEnrollment', { jobId: first, grant: token })).toMatchObject({
      code: 'not_allowed',
    });
    expect(await harness.failure('approveReEnrollment', { jobId: randomUUID(), grant: token })).toMatchObject(
      { code: 'not_found' },
    );
    // None of that sent anything.
    expect(harness.core.outbox.get(second)?.state).toBe('needs_attention');
    expect(sim!.jobs()).toHaveLength(1);
  });
});

describe('re-enrollment and the photos’ maximum age', () => {
  it('cannot be approved once the photos reached settings.maxImageAgeDays', async () => {
    let now = Date.now();
    const harness = await Harness.start({
      settings: { maxImageAgeDays: 1 },
      outbox: { now: () => now },
    });
    try {
      await harness.outbox.start();
      const enrollOnce = async (userId: string) =>
        harness.outbox.enqueue({
          userId,
          consentAt: now,
          selfie: capture.selfie,
          liveness: capture.liveness,
        });
      const first = await enrollOnce('RE-0004');
      await harness.waitForState(first.jobId, 'approved');
      const second = await enrollOnce('RE-0004');
      await harness.waitForState(second.jobId, 'needs_attention');
      now += DAY_MS + 1;
      await expect(harness.outbox.approveReEnrollment(second.jobId)).rejects.toMatchObject({
        code: 'not_allowed',
        message: expect.stringMatching(/deleted from this kiosk 1 day after capture/) as unknown,
      });
      expect(harness.sim.jobs()).toHaveLength(1);
    } finally {
      await harness.close();
    }
  });
});
