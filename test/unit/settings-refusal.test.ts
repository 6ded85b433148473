// Settings that cannot send are refused in main, with the field and the reason, and nothing is saved. This is
// the kiosk a tester bricked in one save: "production" with no partner ID and no key said "Settings saved",
// and from then on the kiosk showed only its setup screen. Each case goes through the handler table, as the
// settings screen's calls do (test/support/core-harness.ts: a whole core on a temp data folder).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionGrant } from '../../app/operator-session';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../app/settings';
import { canSend, issuesFromZod, sendingIssues, sendsElsewhere } from '../../app/settings-issues';
import { channels } from '../../app/ipc/channels';
import { SETTINGS_FILE_NAME } from '../../main/settings/settings-store';
import { startCore, type CoreHarness } from '../support/core-harness';

const PIN = '246810';
const API_KEY = 'sk_test_refusal_0123456789';
const SIMULATOR_URL = 'http://127.0.0.1:8080/v1';

let kiosk: CoreHarness | undefined;
const extraCleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
  for (const step of extraCleanup.splice(0)) await step();
});

async function provisionedKiosk(dataDir?: string): Promise<CoreHarness> {
  kiosk = await startCore({ KIOSK_OPERATOR_PIN: PIN }, dataDir ? { dataDir } : {});
  return kiosk;
}

async function signIn(h: CoreHarness): Promise<SessionGrant> {
  const answer = await h.call('verifyPin', { operatorId: 'supervisor', pin: PIN });
  if (!answer.valid) throw new Error('the test PIN was refused');
  return answer.grant;
}

function settingsFile(h: CoreHarness): Promise<string> {
  return readFile(path.join(h.dataDir, `${SETTINGS_FILE_NAME}.json`), 'utf8');
}

describe('the brick scenario: "production" with no partner ID and no key', () => {
  it('is refused with the first missing field, nothing is saved, and Settings still opens afterwards', async () => {
    const h = await provisionedKiosk();
    const grant = await signIn(h);
    const before = await settingsFile(h);

    const refused = await h.failure('updateSettings', {
      grant: grant.token,
      patch: { environment: 'production', partnerId: '' },
    });
    expect(refused).toMatchObject({
      code: 'invalid_request',
      params: { field: 'partnerId', problem: 'needed_to_send' },
    });
    expect(refused.message).toMatch(/production environment needs a partner ID and the API key/);
    expect(refused.action).toMatch(/training mode/);

    // Nothing written: the file is byte for byte the same, no key appeared, and the kiosk still sends.
    expect(await settingsFile(h)).toBe(before);
    expect(await h.vault.get('smileid.apiKey')).toBeNull();
    expect(await h.call('getSettings', {})).toMatchObject({ environment: 'training', configured: true });

    // A restart rests on home (configured, PIN set), and Settings opens and saves as before.
    const dataDir = h.dataDir;
    await h.core.stop();
    kiosk = undefined;
    const again = await startCore({}, { dataDir });
    extraCleanup.push(() => again.close());
    expect(await again.call('getSettings', {})).toMatchObject({
      environment: 'training',
      configured: true,
      pinSet: true,
    });
    const grantAfter = await signIn(again);
    const saved = await again.call('updateSettings', {
      grant: grantAfter.token,
      patch: { environment: 'production', partnerId: '085' },
      apiKey: API_KEY,
    });
    expect(saved).toMatchObject({ environment: 'production', partnerId: '085', configured: true });
    expect(await again.vault.get('smileid.apiKey')).toBe(API_KEY);
  });

  it('is refused in first-run setup too, before any PIN exists', async () => {
    kiosk = await startCore();
    expect((await kiosk.call('getSettings', {})).pinState).toBe('unset');
    expect(await kiosk.failure('updateSettings', { patch: { environment: 'production' } })).toMatchObject({
      code: 'invalid_request',
      params: { field: 'partnerId' },
    });
    expect(kiosk.core.settings.get().environment).toBe('training');
  });
});

describe('what each environment needs before it is saved', () => {
  it.each([
    ['sandbox, nothing else', { environment: 'sandbox' }, undefined, 'partnerId', 'needed_to_send'],
    [
      'sandbox, partner ID only',
      { environment: 'sandbox', partnerId: '085' },
      undefined,
      'apiKey',
      'needed_to_send',
    ],
    ['production, key only', { environment: 'production' }, API_KEY, 'partnerId', 'needed_to_send'],
    [
      'custom, no URL',
      { environment: 'custom', partnerId: '085' },
      API_KEY,
      'customApiUrl',
      'needed_to_send',
    ],
    [
      'custom, no key',
      { environment: 'custom', partnerId: '085', customApiUrl: SIMULATOR_URL },
      undefined,
      'apiKey',
      'needed_to_send',
    ],
  ] as const)('refuses %s', async (_what, patch, apiKey, field, problem) => {
    const h = await provisionedKiosk();
    const grant = await signIn(h);
    const before = await settingsFile(h);
    const refused = await h.failure('updateSettings', {
      grant: grant.token,
      patch,
      ...(apiKey ? { apiKey } : {}),
    });
    expect(refused).toMatchObject({ code: 'invalid_request', params: { field, problem } });
    expect(await settingsFile(h)).toBe(before);
    // A key sent with a refused save is not kept either.
    expect(await h.vault.get('smileid.apiKey')).toBeNull();
  });

  it.each([
    ['training', { environment: 'training' }, undefined],
    ['sandbox with partner ID and key', { environment: 'sandbox', partnerId: '085' }, API_KEY],
    ['production with partner ID and key', { environment: 'production', partnerId: '085' }, API_KEY],
    [
      'custom with URL, partner ID and key',
      { environment: 'custom', partnerId: '085', customApiUrl: SIMULATOR_URL },
      API_KEY,
    ],
  ] as const)('saves %s, and the kiosk is configured', async (_what, patch, apiKey) => {
    const h = await provisionedKiosk();
    const grant = await signIn(h);
    const view = await h.call('updateSettings', {
      grant: grant.token,
      patch,
      ...(apiKey ? { apiKey } : {}),
    });
    expect(view).toMatchObject({ ...patch, configured: true, apiKeySet: apiKey !== undefined });
    expect(await h.vault.get('smileid.apiKey')).toBe(apiKey ?? null);
  });

  it('asks for the key again when the partner ID changes, and accepts the change with a new key', async () => {
    const h = await provisionedKiosk();
    const grant = await signIn(h);
    await h.call('updateSettings', {
      grant: grant.token,
      patch: { environment: 'sandbox', partnerId: '085' },
      apiKey: API_KEY,
    });
    expect(
      await h.failure('updateSettings', { grant: grant.token, patch: { partnerId: '086' } }),
    ).toMatchObject({ params: { field: 'apiKey', problem: 'needed_again' } });
    expect(await h.vault.get('smileid.apiKey')).toBe(API_KEY);
    // A change that does not move the destination keeps the key and needs none.
    await h.call('updateSettings', { grant: grant.token, patch: { idleTimeoutSeconds: 120 } });
    await h.call('updateSettings', {
      grant: grant.token,
      patch: { partnerId: '086' },
      apiKey: 'sk_test_for_partner_086_0123',
    });
    expect(await h.vault.get('smileid.apiKey')).toBe('sk_test_for_partner_086_0123');
  });
});

describe('every refusal names its field and problem', () => {
  it('a value out of range, through the IPC schema and through the store', async () => {
    const h = await provisionedKiosk();
    const grant = await signIn(h);
    expect(
      await h.failure('updateSettings', { grant: grant.token, patch: { idleTimeoutSeconds: 5 } }),
    ).toMatchObject({
      code: 'invalid_request',
      // The IPC schema names the path in the request.
      params: { field: 'patch.idleTimeoutSeconds', problem: 'too_small', limit: 15 },
    });
    let storeError: unknown;
    try {
      h.core.settings.update({ captureTimeoutSeconds: 601 });
    } catch (error) {
      storeError = error;
    }
    expect(storeError).toMatchObject({
      code: 'invalid_request',
      params: { field: 'captureTimeoutSeconds', problem: 'too_big', limit: 600 },
    });
  });

  it('an address the endpoint policy refuses', async () => {
    kiosk = await startCore({ KIOSK_OPERATOR_PIN: PIN }, { developmentEndpoints: false });
    const grant = await signIn(kiosk);
    expect(
      await kiosk.failure('updateSettings', {
        grant: grant.token,
        patch: { callbackUrl: 'http://bank.example/cb' },
      }),
    ).toMatchObject({ code: 'not_allowed', params: { field: 'callbackUrl', problem: 'not_https' } });
  });

  it('maps zod issues of the settings schema to field + problem codes', () => {
    const problems = (patch: Partial<Record<keyof Settings, unknown>>) => {
      const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...patch });
      return parsed.success ? [] : issuesFromZod(parsed.error);
    };
    expect(problems({ partnerId: 'P-085' })).toEqual([{ field: 'partnerId', problem: 'digits_only' }]);
    expect(problems({ callbackUrl: 'not a url' })).toEqual([{ field: 'callbackUrl', problem: 'not_a_url' }]);
    expect(problems({ idleTimeoutSeconds: Number.NaN })).toEqual([
      { field: 'idleTimeoutSeconds', problem: 'required' },
    ]);
    expect(problems({ retentionDays: 2.5 })).toEqual([{ field: 'retentionDays', problem: 'whole_number' }]);
    expect(problems({ maxImageAgeDays: 0 })).toEqual([
      { field: 'maxImageAgeDays', problem: 'too_small', limit: 1 },
    ]);
    expect(problems({ kioskId: 'K'.repeat(65) })).toEqual([
      { field: 'kioskId', problem: 'too_long', limit: 64 },
    ]);
    expect(problems({ userIdRule: { pattern: '(a', minLength: 4, maxLength: 40 } })).toEqual([
      { field: 'userIdRule.pattern', problem: 'not_a_pattern' },
    ]);
    expect(problems({ userIdRule: { pattern: '', minLength: 9, maxLength: 4 } })).toEqual([
      { field: 'userIdRule.pattern', problem: 'required' },
      { field: 'userIdRule.minLength', problem: 'min_above_max' },
    ]);
  });
});

describe('no sequence of saves locks the operator out (fast-check, fixed seed)', () => {
  const SEED = 20_260_110;

  it('after every accepted or refused save the kiosk can send, and its key belongs to its destination', async () => {
    console.log(`settings refusal property: seed ${SEED}`);
    const h = await provisionedKiosk();
    const grant = await signIn(h);
    const save = fc.record(
      {
        environment: fc.constantFrom('training', 'sandbox', 'production', 'custom'),
        partnerId: fc.constantFrom('', '085', '086'),
        customApiUrl: fc.constantFrom(null, SIMULATOR_URL, 'http://127.0.0.1:9090/v1'),
      },
      { requiredKeys: [] },
    );
    const withKey = fc.option(fc.constantFrom(API_KEY, 'sk_test_other_key_98765'), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(save, withKey), { minLength: 1, maxLength: 6 }), async (saves) => {
        for (const [patch, apiKey] of saves) {
          const settingsBefore = h.core.settings.get();
          const keyBefore = await h.vault.get('smileid.apiKey');
          const answer = (await h.callRaw(channels.updateSettings.channel, {
            grant: grant.token,
            patch,
            ...(apiKey ? { apiKey } : {}),
          })) as { ok: boolean };
          const settings = h.core.settings.get();
          const key = await h.vault.get('smileid.apiKey');
          expect(sendingIssues(settings, key !== null ? 'set' : 'missing')).toEqual([]);
          expect(canSend(settings, key !== null)).toBe(true);
          expect((await h.call('getSettings', {})).configured).toBe(true);
          if (!answer.ok) {
            expect(settings).toEqual(settingsBefore);
            expect(key).toBe(keyBefore);
          } else if (apiKey) {
            expect(key).toBe(apiKey);
          } else {
            expect(key).toBe(sendsElsewhere(settingsBefore, settings) ? null : keyBefore);
          }
        }
      }),
      { seed: SEED, numRuns: 40 },
    );
  });
});
