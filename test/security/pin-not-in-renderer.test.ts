// Finding 4 of the security review: "The PIN lives in the renderer." The store kept the operator PIN in memory
// (store.operatorPin) and sent it with every privileged call, and the settings screen was exempt from idle
// reset, so a settings screen left open stayed unlocked for the next person. Now the renderer trades the PIN
// for a session grant from main once, keeps only the grant, and ends it (in main) on idle reset and when it
// leaves the operator screens; main also ends it 10 minutes after sign-in whatever happens; and the idle timer
// runs on the settings screen once a PIN exists.
// These tests drive the renderer's own store and HTTP bridge against the dev host, in Node.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SESSION_MAX_AGE_MS, SESSION_TOKEN_PATTERN } from '../../app/operator-session';
import { FIRST_SUPERVISOR_ID } from '../../app/operators';
import { createHttpKiosk } from '../../renderer/bridge/http-kiosk';
import { kioskApiFromBridge } from '../../renderer/bridge/kiosk-api';
import { idleResetApplies } from '../../renderer/store/idle-policy';
import {
  go,
  kiosk,
  resetFlow,
  restingScreen,
  sessionToken,
  useKiosk,
} from '../../renderer/store/kiosk-store';
import { signIn } from '../../renderer/store/operator-session';
import { startCore, type CoreHarness } from '../support/core-harness';
import { startDevHostHarness, type DevHostHarness } from '../support/devhost-harness';
import { waitFor } from '../support/outbox-harness';

const PIN = '582046';

let d: DevHostHarness;
/** Every request body the renderer's bridge sent, by channel. */
const sent: Array<{ url: string; body: string }> = [];

beforeAll(async () => {
  d = await startDevHostHarness();
  const { grant } = await d.h.call('setPin', { newPin: PIN });
  await d.h.call('endSession', { grant: grant.token });
  const recordingFetch: typeof fetch = (input, init) => {
    sent.push({ url: String(input), body: typeof init?.body === 'string' ? init.body : '' });
    return fetch(input, init);
  };
  const api = kioskApiFromBridge(
    createHttpKiosk({ baseUrl: d.origin, token: d.token, fetch: recordingFetch }),
  );
  // What connect() sets up, without the event stream this test does not need.
  useKiosk.setState({ kiosk: api, settings: await api.getSettings({}), screen: 'home' });
});
afterEach(() => {
  resetFlow();
});
afterAll(async () => {
  await d.close();
});

const liveSessions = () => d.h.core.sessions.count();

async function expectGrantDead(token: string): Promise<void> {
  await waitFor(() => (liveSessions() === 0 ? true : undefined), 5_000, 'main to end the session');
  expect(await d.h.failure('updateSettings', { grant: token, patch: { branch: 'after' } })).toMatchObject({
    code: 'session_expired',
  });
}

describe('security finding 4: the PIN does not live in the renderer', () => {
  it('keeps a session grant from main, never the PIN, and sends the PIN once, only to verifyPin', async () => {
    sent.length = 0;
    expect(await signIn(FIRST_SUPERVISOR_ID, PIN, 'setup')).toEqual({ kind: 'ok', changeRequired: false });
    go('setup');
    const state = useKiosk.getState();
    expect(JSON.stringify(state)).not.toContain(PIN);
    expect(Object.keys(state).filter((key) => /pin/i.test(key) && key !== 'pinChange')).toEqual([]);
    expect(state.session).toMatchObject({ role: 'supervisor', scope: 'full' });
    expect(state.session!.token).toMatch(SESSION_TOKEN_PATTERN);

    // Privileged calls present the grant.
    await kiosk().updateSettings({ grant: sessionToken(), patch: { branch: 'Kisumu' } });
    await kiosk().getQueue({ grant: sessionToken() });
    await kiosk().sendNow({ grant: sessionToken() });
    const withPin = sent.filter((request) => request.body.includes(PIN));
    expect(withPin.map((request) => new URL(request.url).pathname)).toEqual(['/api/operator.verifyPin']);
    const privileged = sent.filter((request) => !request.url.endsWith('/operator.verifyPin'));
    expect(privileged.length).toBe(3);
    for (const request of privileged)
      expect(JSON.parse(request.body)).toHaveProperty('grant', state.session!.token);
  });

  it('refuses every privileged call that brings the PIN instead of a grant', async () => {
    for (const [method, request] of [
      ['getQueue', { pin: PIN }],
      ['discardJob', { jobId: '00000000-0000-4000-8000-000000000000', pin: PIN }],
      ['sendNow', { pin: PIN }],
      ['retryJob', { jobId: '00000000-0000-4000-8000-000000000000', pin: PIN }],
      ['updateSettings', { pin: PIN, patch: { branch: 'X' } }],
      ['setApiKey', { pin: PIN, apiKey: 'sk_some_key_0123' }],
      ['issueRecoveryCode', { pin: PIN }],
      ['exitKiosk', { pin: PIN }],
    ] as const) {
      const failure = await d.h.failure(method, request);
      expect(['invalid_request', 'pin_required'], method).toContain(failure.code);
    }
    expect((await d.h.call('getSettings', {})).branch).not.toBe('X');
  });

  it('ends the grant in main on idle reset (resetFlow), also on the settings screen', async () => {
    await signIn(FIRST_SUPERVISOR_ID, PIN, 'setup');
    go('setup');
    const token = sessionToken();
    expect(liveSessions()).toBe(1);
    resetFlow(); // what the idle timer calls
    expect(useKiosk.getState().session).toBeNull();
    expect(useKiosk.getState().screen).toBe('home');
    await expectGrantDead(token);
  });

  it('ends the grant in main when the renderer leaves the operator screens', async () => {
    await signIn(FIRST_SUPERVISOR_ID, PIN, 'operator');
    go('operator');
    const token = sessionToken();
    go('home');
    expect(useKiosk.getState().session).toBeNull();
    await expectGrantDead(token);
  });

  it('runs the idle timer on the settings screen once a PIN exists; only first-run setup is left alone', () => {
    // Settings opened from home, with a session: the timer runs (it did not before).
    expect(idleResetApplies('setup', 'home', true)).toBe(true);
    // A kiosk resting on setup (it cannot send yet) while an operator is signed in: the timer runs.
    expect(idleResetApplies('setup', 'setup', true)).toBe(true);
    expect(idleResetApplies('operator', 'home', true)).toBe(true);
    expect(idleResetApplies('changePin', 'home', true)).toBe(true);
    // First-run setup (no PIN yet, nothing to lock) and the resting screens themselves are left alone.
    expect(idleResetApplies('setup', 'setup', false)).toBe(false);
    expect(idleResetApplies('home', 'home', false)).toBe(false);
    // A locked kiosk rests on its recovery screen, never on an open setup screen.
    const settings = useKiosk.getState().settings!;
    expect(restingScreen({ ...settings, pinState: 'locked', pinSet: false })).toBe('recover');
    expect(restingScreen({ ...settings, pinState: 'unset', pinSet: false })).toBe('setup');
  });
});

describe('security finding 4: main ends a grant at its maximum age', () => {
  let h: CoreHarness | undefined;
  afterEach(async () => {
    vi.useRealTimers();
    await h?.close();
    h = undefined;
  });

  it(`refuses a grant ${SESSION_MAX_AGE_MS / 60_000} minutes after sign-in, however busy the operator was`, async () => {
    h = await startCore({ KIOSK_OPERATOR_PIN: PIN });
    vi.useFakeTimers({ toFake: ['Date'] });
    const signedIn = await h.call('verifyPin', { operatorId: 'supervisor', pin: PIN });
    if (!signedIn.valid) throw new Error('the PIN was refused');
    const grant = signedIn.grant.token;
    const start = Date.now();
    expect(signedIn.grant.expiresAt).toBe(start + SESSION_MAX_AGE_MS);
    for (let minute = 1; minute < SESSION_MAX_AGE_MS / 60_000; minute++) {
      vi.setSystemTime(start + minute * 60_000);
      expect((await h.call('getQueue', { grant })).jobs).toEqual([]);
    }
    vi.setSystemTime(start + SESSION_MAX_AGE_MS);
    expect(await h.failure('getQueue', { grant })).toMatchObject({ code: 'session_expired' });
    expect(await h.failure('updateSettings', { grant, patch: { branch: 'late' } })).toMatchObject({
      code: 'session_expired',
    });
  });
});
