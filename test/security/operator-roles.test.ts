// Issue 11: named operators and roles. Enrollment needs an operator signed in for a shift; settings, the API key,
// discarding a job, re-enrollment approval, leaving kiosk mode, the recovery code and operator management need a
// supervisor who entered their PIN for it. Every check below goes through the real handler table, so each one
// fails if its rule in app/ipc/channel-access.ts (or the check in main/settings/operator-access.ts) is removed:
// the same request with a supervisor's session gets past the access check, which the assertions show too.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { channels, type MethodName } from '../../app/ipc/channels';
import { makeCapture, type CaptureJpegs } from '../support/fixture-images';
import { HARNESS_PIN, startCore, type CoreHarness } from '../support/core-harness';

const OPERATOR_PIN = '480613';
const JOB_ID = '00000000-0000-4000-8000-000000000000';

let capture: CaptureJpegs;
let h: CoreHarness | undefined;

beforeAll(() => {
  capture = makeCapture();
});
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function submission(grant: string | undefined, userId = 'CUST-2001') {
  return {
    ...(grant === undefined ? {} : { grant }),
    reference: randomUUID(),
    userId,
    consent: { given: true as const, at: Date.now() },
    selfie: capture.selfie,
    liveness: capture.liveness,
  };
}

async function pinEntry(
  harness: CoreHarness,
  method: 'verifyPin' | 'signIn',
  operatorId: string,
  pin: string,
): Promise<string> {
  const answer = await harness.call(method, { operatorId, pin });
  if (!answer.valid) throw new Error(`${method} ${operatorId} was refused: ${JSON.stringify(answer)}`);
  return answer.grant.token;
}

/** A kiosk with its first supervisor and one operator who has chosen their own PIN. */
async function kioskWithOperator(): Promise<{ harness: CoreHarness; supervisor: string }> {
  const harness = await startCore();
  h = harness;
  await harness.shift();
  const supervisor = await pinEntry(harness, 'verifyPin', 'supervisor', HARNESS_PIN);
  await harness.call('createOperator', {
    grant: supervisor,
    operatorId: 'op-1',
    displayName: 'Joseph M.',
    role: 'operator',
    temporaryPin: '111333',
  });
  const temporary = await harness.call('signIn', { operatorId: 'op-1', pin: '111333' });
  if (!temporary.valid) throw new Error('temporary PIN refused');
  await harness.call('setPin', { grant: temporary.grant.token, newPin: OPERATOR_PIN });
  return { harness, supervisor };
}

/** The supervisor-only calls, each with a request that is valid apart from who makes it. */
const SUPERVISOR_ONLY: Partial<Record<MethodName, (grant: string) => Record<string, unknown>>> = {
  updateSettings: (grant) => ({ grant, patch: { branch: 'Elsewhere' } }),
  setApiKey: (grant) => ({ grant, apiKey: 'sk_not_allowed_0123' }),
  discardJob: (grant) => ({ grant, jobId: JOB_ID }),
  approveReEnrollment: (grant) => ({ grant, jobId: JOB_ID }),
  exitKiosk: (grant) => ({ grant }),
  issueRecoveryCode: (grant) => ({ grant }),
  listOperators: (grant) => ({ grant }),
  createOperator: (grant) => ({
    grant,
    operatorId: 'intruder',
    displayName: 'Intruder',
    role: 'supervisor',
    temporaryPin: '246824',
  }),
  updateOperator: (grant) => ({ grant, operatorId: 'op-1', role: 'supervisor' }),
  resetOperatorPin: (grant) => ({ grant, operatorId: 'supervisor', temporaryPin: '246824' }),
};

describe('operators and roles', () => {
  it('refuses an enrollment without a signed-in operator, and records the operator of one with', async () => {
    const { harness, supervisor } = await kioskWithOperator();
    // No token at all: the request itself is incomplete.
    expect(await harness.failure('submitEnrollment', submission(undefined))).toMatchObject({
      code: 'invalid_request',
    });
    // A supervisor's elevated session is not a shift: the access rule 'shift' refuses it.
    expect(await harness.failure('submitEnrollment', submission(supervisor))).toMatchObject({
      code: 'session_expired',
    });
    // A shift that was signed out no longer enrolls.
    const shift = await pinEntry(harness, 'signIn', 'op-1', OPERATOR_PIN);
    await harness.call('endSession', { grant: shift });
    expect(await harness.failure('submitEnrollment', submission(shift))).toMatchObject({
      code: 'session_expired',
    });
    expect(harness.core.outbox.snapshot()).toHaveLength(0);

    const live = await pinEntry(harness, 'signIn', 'op-1', OPERATOR_PIN);
    const saved = await harness.call('submitEnrollment', { ...submission(live), grant: live });
    expect(harness.core.outbox.get(saved.jobId)?.operatorId).toBe('op-1');
  });

  it("refuses every supervisor call to an operator's session, shift or elevated", async () => {
    const { harness } = await kioskWithOperator();
    const elevated = await pinEntry(harness, 'verifyPin', 'op-1', OPERATOR_PIN);
    const shift = await pinEntry(harness, 'signIn', 'op-1', OPERATOR_PIN);
    const before = harness.core.settings.get().branch;
    for (const [method, request] of Object.entries(SUPERVISOR_ONLY) as [
      MethodName,
      (grant: string) => Record<string, unknown>,
    ][]) {
      expect(await harness.failure(method, request(elevated)), `${method}, operator`).toMatchObject({
        code: 'not_allowed',
        message: 'Only a supervisor may do this.',
      });
      // A shift is not the PIN entered for the operator screens, whoever holds it.
      expect((await harness.failure(method, request(shift))).code, `${method}, shift`).toBe(
        'session_expired',
      );
    }
    expect(harness.core.settings.get().branch).toBe(before);
    // One elevated session at a time: the supervisor's PIN entry ends the operator's.
    const supervisor = await pinEntry(harness, 'verifyPin', 'supervisor', HARNESS_PIN);
    expect(
      (await harness.call('listOperators', { grant: supervisor })).operators.map((o) => o.operatorId),
    ).toEqual(['supervisor', 'op-1']);
    // The same calls get past the access check with a supervisor's session (refused later, if at all, for
    // other reasons): the refusals above are the role check's.
    for (const [method, request] of Object.entries(SUPERVISOR_ONLY) as [
      MethodName,
      (grant: string) => Record<string, unknown>,
    ][]) {
      const envelope = (await harness.callRaw(channelOf(method), request(supervisor))) as {
        ok: boolean;
        error?: { code: string };
      };
      expect(envelope.error?.code, method).not.toBe('not_allowed');
      expect(envelope.error?.code, method).not.toBe('session_expired');
    }
  });

  it('lets an operator do what is not supervisor-only: queue, retry, send now', async () => {
    const { harness } = await kioskWithOperator();
    const shift = await pinEntry(harness, 'signIn', 'op-1', OPERATOR_PIN);
    expect(await harness.call('getQueue', { grant: shift })).toEqual({ jobs: [] });
    expect(await harness.call('sendNow', { grant: shift })).toMatchObject({ woke: expect.any(Boolean) });
  });

  it('a disabled operator cannot sign in, and their live sessions end at once', async () => {
    const { harness, supervisor } = await kioskWithOperator();
    const shift = await pinEntry(harness, 'signIn', 'op-1', OPERATOR_PIN);
    await harness.call('updateOperator', { grant: supervisor, operatorId: 'op-1', enabled: false });
    expect(await harness.failure('submitEnrollment', submission(shift))).toMatchObject({
      code: 'session_expired',
    });
    expect(await harness.failure('signIn', { operatorId: 'op-1', pin: OPERATOR_PIN })).toMatchObject({
      code: 'not_allowed',
      params: { reason: 'operator_disabled' },
    });
    // A wrong PIN for a disabled operator says only "wrong": being disabled is told after a right PIN alone.
    expect(await harness.call('signIn', { operatorId: 'op-1', pin: '000111' })).toMatchObject({
      valid: false,
      triesLeft: 4,
    });
    await harness.call('updateOperator', { grant: supervisor, operatorId: 'op-1', enabled: true });
    await pinEntry(harness, 'signIn', 'op-1', OPERATOR_PIN);
  });

  it('never leaves the kiosk without an enabled supervisor', async () => {
    const { harness, supervisor } = await kioskWithOperator();
    for (const change of [{ enabled: false }, { role: 'operator' as const }]) {
      expect(
        await harness.failure('updateOperator', { grant: supervisor, operatorId: 'supervisor', ...change }),
      ).toMatchObject({ code: 'not_allowed', params: { reason: 'last_supervisor' } });
    }
    // With a second supervisor, the first may be disabled — and the second may then not be.
    await harness.call('updateOperator', { grant: supervisor, operatorId: 'op-1', role: 'supervisor' });
    await harness.call('updateOperator', { grant: supervisor, operatorId: 'supervisor', enabled: false });
    const second = await pinEntry(harness, 'verifyPin', 'op-1', OPERATOR_PIN);
    expect(
      await harness.failure('updateOperator', { grant: second, operatorId: 'op-1', enabled: false }),
    ).toMatchObject({ code: 'not_allowed', params: { reason: 'last_supervisor' } });
  });

  it('locks one operator after five wrong PINs with the kiosk PIN lockout, without locking the others', async () => {
    const { harness } = await kioskWithOperator();
    for (let i = 0; i < 4; i++) {
      expect(await harness.call('signIn', { operatorId: 'op-1', pin: '999000' })).toMatchObject({
        valid: false,
      });
    }
    const locked = await harness.call('signIn', { operatorId: 'op-1', pin: '999000' });
    expect(locked).toMatchObject({ valid: false, triesLeft: 0, lockedUntil: expect.any(Number) });
    // Even the right PIN waits for the lock to end.
    expect(await harness.call('signIn', { operatorId: 'op-1', pin: OPERATOR_PIN })).toMatchObject({
      valid: false,
      lockedUntil: expect.any(Number),
    });
    await pinEntry(harness, 'signIn', 'supervisor', HARNESS_PIN);
  });

  it('answers an unknown operator ID as a wrong PIN, and a reset PIN signs in only to choose a new one', async () => {
    const { harness, supervisor } = await kioskWithOperator();
    expect(await harness.call('signIn', { operatorId: 'nobody', pin: OPERATOR_PIN })).toMatchObject({
      valid: false,
      triesLeft: 4,
      lockedUntil: null,
    });
    const shift = await pinEntry(harness, 'signIn', 'op-1', OPERATOR_PIN);
    await harness.call('resetOperatorPin', { grant: supervisor, operatorId: 'op-1', temporaryPin: '555777' });
    // The old PIN's session ended with it; the old PIN no longer signs in.
    expect((await harness.failure('getQueue', { grant: shift })).code).toBe('session_expired');
    expect(await harness.call('signIn', { operatorId: 'op-1', pin: OPERATOR_PIN })).toMatchObject({
      valid: false,
    });
    const temporary = await harness.call('signIn', { operatorId: 'op-1', pin: '555777' });
    expect(temporary).toMatchObject({ valid: true, pinChangeRequired: true, grant: { scope: 'pin_change' } });
    if (!temporary.valid) return;
    expect(await harness.failure('submitEnrollment', submission(temporary.grant.token))).toMatchObject({
      code: 'pin_change_required',
    });
  });
});

function channelOf(method: MethodName): string {
  return channels[method].channel;
}
