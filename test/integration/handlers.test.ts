import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { channels, METHOD_NAMES } from '../../app/ipc/channels';
import { makeCapture, type CaptureJpegs } from '../support/fixture-images';
import { HARNESS_PIN, startCore, type CoreHarness } from '../support/core-harness';
import { waitFor } from '../support/outbox-harness';

let capture: CaptureJpegs;
let h: CoreHarness | undefined;

beforeAll(() => {
  capture = makeCapture();
});

afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Signs in with the PIN and answers the session token every privileged call presents. */
async function grantFor(harness: CoreHarness, pin: string): Promise<string> {
  const answer = await harness.call('verifyPin', { operatorId: 'supervisor', pin });
  if (!answer.valid) throw new Error(`the PIN was refused: ${JSON.stringify(answer)}`);
  return answer.grant.token;
}

/** An enrollment under the harness's signed-in shift (enrollment needs one; `pin`: the first supervisor's). */
async function submission(
  harness: CoreHarness,
  userId: string,
  overrides: Record<string, unknown> = {},
  pin = HARNESS_PIN,
) {
  return {
    grant: await harness.shift(pin),
    reference: randomUUID(),
    userId,
    consent: { given: true as const, at: Date.now() },
    selfie: capture.selfie,
    liveness: capture.liveness,
    ...overrides,
  };
}

describe('handler table', () => {
  it('has one handler per channel of the app/ channel map', async () => {
    h = await startCore();
    expect(Object.keys(h.core.handlers).sort()).toEqual(METHOD_NAMES.map((m) => channels[m].channel).sort());
  });

  it('enroll.submit saves at once and the training backend approves it', async () => {
    h = await startCore();
    const answer = await h.call('submitEnrollment', await submission(h, 'CUST-1234'));
    expect(answer).toMatchObject({ state: 'queued', warnings: [] });
    await waitFor(
      () => (h!.core.outbox.get(answer.jobId)?.state === 'approved' ? true : undefined),
      20_000,
      'approved',
    );
    // The shift set the first-run PIN; the queue needs a session of its own.
    const grant = await grantFor(h, HARNESS_PIN);
    const queue = await h.call('getQueue', { grant });
    expect(queue.jobs[0]).toMatchObject({ jobId: answer.jobId, state: 'approved' });
    const health = await h.call('getHealth', {});
    expect(health).toMatchObject({ training: true, online: true, sentToday: 1 });
  });

  it('refuses bad user IDs, missing consent, non-JPEG and oversized images with typed errors', async () => {
    h = await startCore();
    expect(await h.failure('submitEnrollment', await submission(h, 'ab'))).toMatchObject({
      code: 'invalid_user_id',
    });
    expect(await h.failure('submitEnrollment', await submission(h, 'CUST 12!'))).toMatchObject({
      code: 'invalid_user_id',
    });
    expect(
      await h.failure(
        'submitEnrollment',
        await submission(h, 'CUST-1', { consent: { given: false, at: 1 } }),
      ),
    ).toMatchObject({
      code: 'invalid_request',
    });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]);
    expect(
      await h.failure('submitEnrollment', await submission(h, 'CUST-0001', { selfie: png })),
    ).toMatchObject({
      code: 'invalid_image',
    });
    const huge = new Uint8Array(3 * 1024 * 1024);
    huge.set(capture.selfie);
    expect(
      await h.failure('submitEnrollment', await submission(h, 'CUST-0001', { selfie: huge })),
    ).toMatchObject({
      code: 'invalid_image',
    });
    const truncated = capture.selfie.subarray(0, 10);
    expect(
      await h.failure('submitEnrollment', await submission(h, 'CUST-0001', { selfie: truncated })),
    ).toMatchObject({
      code: 'invalid_image',
    });
  });

  it('warns on a duplicate user ID, or blocks it when settings say so', async () => {
    h = await startCore();
    await h.call('submitEnrollment', await submission(h, 'CUST-5555'));
    expect((await h.call('checkUserId', { userId: ' CUST-5555\r' })).duplicate).not.toBeNull();
    const second = await h.call('submitEnrollment', await submission(h, 'CUST-5555'));
    expect(second.warnings).toEqual(['duplicate_user_id']);
    const grant = await grantFor(h, HARNESS_PIN);
    await h.call('updateSettings', { grant, patch: { duplicateGuard: 'block' } });
    expect(await h.failure('submitEnrollment', await submission(h, 'CUST-5555'))).toMatchObject({
      code: 'duplicate_user',
    });
    expect((await h.call('checkUserId', { userId: 'CUST-5555' })).blocked).toBe(true);
  });

  it('never returns the API key: settings say only apiKeySet', async () => {
    h = await startCore();
    const key = 'sk-live-abcdefghijklmnop';
    const view = await h.call('setApiKey', { apiKey: key });
    expect(view.apiKeySet).toBe(true);
    expect(JSON.stringify(view)).not.toContain(key);
    expect(await h.vault.get('smileid.apiKey')).toBe(key);
  });

  it('protects settings, the API key and discard with an operator session once a PIN is set', async () => {
    h = await startCore();
    await h.call('updateSettings', { patch: { kioskId: 'K-01', branch: 'Mombasa' } });
    const first = await h.call('setPin', { newPin: '135790' });
    expect(first.recoveryCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    expect(first.grant).toMatchObject({ role: 'supervisor', scope: 'full' });
    expect(await h.failure('updateSettings', { patch: { branch: 'X' } })).toMatchObject({
      code: 'pin_required',
    });
    const forged = 'A'.repeat(43);
    expect(await h.failure('updateSettings', { grant: forged, patch: { branch: 'X' } })).toMatchObject({
      code: 'session_expired',
    });
    expect(await h.failure('setApiKey', { apiKey: 'another-key-123' })).toMatchObject({
      code: 'pin_required',
    });
    expect(await h.call('verifyPin', { operatorId: 'supervisor', pin: '000000' })).toEqual({
      valid: false,
      triesLeft: 4,
      lockedUntil: null,
    });
    const grant = await grantFor(h, '135790');
    // Signing in again ended the session setPin had opened.
    expect(await h.failure('getQueue', { grant: first.grant.token })).toMatchObject({
      code: 'session_expired',
    });
    const view = await h.call('updateSettings', { grant, patch: { branch: 'Kisumu' } });
    expect(view).toMatchObject({ kioskId: 'K-01', branch: 'Kisumu', pinSet: true, pinState: 'set' });
    const job = await h.call('submitEnrollment', await submission(h, 'CUST-7777'));
    expect(await h.failure('discardJob', { jobId: job.jobId, grant: forged })).toMatchObject({
      code: 'session_expired',
    });
    expect(await h.call('endSession', { grant })).toEqual({ ended: true });
    expect(await h.failure('discardJob', { jobId: job.jobId, grant })).toMatchObject({
      code: 'session_expired',
    });
  });

  it('changes the PIN under a session and keeps the recovery code; a recovery-code session makes a new one', async () => {
    h = await startCore();
    const { recoveryCode } = await h.call('setPin', { newPin: '135790' });
    const grant = await grantFor(h, '135790');
    const changed = await h.call('setPin', { grant, newPin: '24681012' });
    expect(changed.recoveryCode).toBeNull();
    expect((await h.call('verifyPin', { operatorId: 'supervisor', pin: '135790' })).valid).toBe(false);
    const recovered = await h.call('recoverWithCode', { recoveryCode: recoveryCode! });
    if (!recovered.valid) throw new Error('the recovery code was refused');
    expect(recovered.grant.scope).toBe('pin_change');
    expect(await h.failure('getQueue', { grant: recovered.grant.token })).toMatchObject({
      code: 'pin_change_required',
    });
    const reset = await h.call('setPin', { grant: recovered.grant.token, newPin: '975310' });
    expect(reset.recoveryCode).not.toBeNull();
    expect(reset.recoveryCode).not.toBe(recoveryCode);
    expect(await h.call('recoverWithCode', { recoveryCode: recoveryCode! })).toEqual({
      valid: false,
      lockedUntil: null,
    });
    expect((await h.call('getQueue', { grant: reset.grant.token })).jobs).toEqual([]);
  });

  it('retry, send now and discard act on the queue', async () => {
    h = await startCore({
      SMILEID_BASE_URL: 'http://127.0.0.1:9/v1',
      SMILEID_PARTNER_ID: '085',
      SMILEID_API_KEY: 'k-123456789',
      KIOSK_OPERATOR_PIN: '432100',
    });
    const grant = await grantFor(h, '432100');
    const job = await h.call('submitEnrollment', await submission(h, 'CUST-8888', {}, '432100'));
    const retried = await h.call('retryJob', { jobId: job.jobId, grant });
    expect(retried.jobId).toBe(job.jobId);
    expect(await h.call('sendNow', { grant })).toEqual({ woke: true });
    await waitFor(
      () => (h!.core.outbox.get(job.jobId)?.state === 'queued' ? true : undefined),
      5_000,
      'queued',
    );
    // An attempt against the unreachable host may be starting again at any moment: discard between two.
    let discarded: unknown;
    for (const deadline = Date.now() + 5_000; Date.now() < deadline;) {
      const envelope = (await h.callRaw('queue.discard', { jobId: job.jobId, grant })) as { ok: boolean };
      if (envelope.ok) {
        discarded = envelope;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(discarded).toEqual({ ok: true, value: { jobId: job.jobId } });
    expect((await h.call('getQueue', { grant })).jobs).toHaveLength(0);
    expect(await h.failure('retryJob', { jobId: job.jobId, grant })).toMatchObject({ code: 'not_found' });
  });
});
