// Finding 3 of the security review: "The PIN fails open." A settings file whose PIN hash was missing or damaged,
// or that had no schema version, was read as "no PIN", and with no PIN every privileged call passed — so
// whoever could edit (or delete) one file could take the kiosk over. Now such a kiosk is locked: nothing
// privileged passes, the operator is told what happened, and the way back is the supervisor recovery code or a
// provisioning file that sets a new PIN. A file changed behind the app's back fails its seal and stops start-up.
import { chmod, mkdtemp, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL_ACCESS } from '../../app/ipc/channel-access';
import { IMAGE_LIMITS, METHOD_NAMES, type MethodName } from '../../app/ipc/channels';
import { ProvisioningError, SettingsFileError } from '../../main/settings/errors';
import { startCore, type CoreHarness } from '../support/core-harness';

const PIN = '246810';
const FORGED_GRANT = 'A'.repeat(43);
const JOB_ID = '00000000-0000-4000-8000-000000000000';
/** The start of a JPEG: enough for the request's shape, never looked at (the call is refused before). */
const JPEG_START = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);

/** One request per privileged channel; the test below fails if a privileged channel is missing here. */
const PRIVILEGED_REQUESTS: Partial<Record<MethodName, (grant?: string) => Record<string, unknown>>> = {
  submitEnrollment: (grant) => ({
    grant,
    reference: JOB_ID,
    userId: 'CUST-LOCKED-1',
    consent: { given: true, at: 1 },
    selfie: JPEG_START,
    liveness: Array.from({ length: IMAGE_LIMITS.minLivenessFrames }, () => JPEG_START),
  }),
  getShift: (grant) => ({ grant }),
  listOperators: (grant) => ({ grant }),
  createOperator: (grant) => ({
    grant,
    operatorId: 'intruder',
    displayName: 'Intruder',
    role: 'supervisor',
    temporaryPin: '999999',
  }),
  updateOperator: (grant) => ({ grant, operatorId: 'supervisor', enabled: false }),
  resetOperatorPin: (grant) => ({ grant, operatorId: 'supervisor', temporaryPin: '999999' }),
  getQueue: (grant) => ({ grant }),
  retryJob: (grant) => ({ jobId: JOB_ID, grant }),
  discardJob: (grant) => ({ jobId: JOB_ID, grant }),
  approveReEnrollment: (grant) => ({ jobId: JOB_ID, grant }),
  sendNow: (grant) => ({ grant }),
  updateSettings: (grant) => ({ grant, patch: { partnerId: '999' } }),
  setApiKey: (grant) => ({ grant, apiKey: 'sk_attacker_key_0123' }),
  setPin: (grant) => ({ grant, newPin: '999999' }),
  issueRecoveryCode: (grant) => ({ grant }),
  exitKiosk: (grant) => ({ grant }),
  listAudit: (grant) => ({ grant }),
  exportAudit: (grant) => ({ grant, format: 'jsonl' }),
  exportDiagnostics: (grant) => ({ grant }),
};
const PRIVILEGED = METHOD_NAMES.filter((method) => CHANNEL_ACCESS[method] !== 'public');

let dataDir: string;
let h: CoreHarness | undefined;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'kiosk-finding3-'));
});
afterEach(async () => {
  await h?.close();
  h = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

const settingsPath = () => path.join(dataDir, 'kiosk-settings.json');
const start = (env: Record<string, string> = {}) => startCore(env, { dataDir });

async function restart(env: Record<string, string> = {}): Promise<CoreHarness> {
  await h?.close();
  h = await start(env);
  return h;
}

/** A kiosk set up through its own screens: a PIN (and so a recovery code), then stopped. */
async function setUpKiosk(): Promise<string> {
  const core = await start();
  const { recoveryCode } = await core.call('setPin', { newPin: PIN });
  await core.close();
  return recoveryCode!;
}

/** Every privileged channel refuses, with no session and with a made-up one. */
async function expectEverythingPrivilegedRefused(core: CoreHarness): Promise<void> {
  for (const method of PRIVILEGED) {
    const request = PRIVILEGED_REQUESTS[method];
    expect(request, `a sample request for ${method}`).toBeDefined();
    for (const grant of [undefined, FORGED_GRANT]) {
      const failure = await core.failure(method, request!(grant));
      // invalid_request: the channel's schema itself requires a session token.
      expect(
        ['kiosk_locked', 'pin_required', 'session_expired', 'invalid_request'],
        `${method} (${grant})`,
      ).toContain(failure.code);
    }
  }
  // What finding 3 was about: settings changed without any PIN.
  expect(await core.failure('updateSettings', { patch: { partnerId: '999' } })).toMatchObject({
    code: 'kiosk_locked',
    action: expect.stringMatching(/recovery code.*provisioning file/),
  });
  expect((await core.call('getSettings', {})).partnerId).not.toBe('999');
}

describe('security finding 3: the operator PIN fails closed', () => {
  it('locks the kiosk when the PIN hash is damaged, instead of treating it as "no PIN"', async () => {
    await writeFile(
      settingsPath(),
      JSON.stringify({
        schemaVersion: 1,
        settings: { partnerId: '085' },
        pinHash: 'scrypt$oops',
        provisioned: true,
      }),
    );
    h = await start();
    expect(await h.call('getSettings', {})).toMatchObject({
      pinSet: false,
      pinState: 'locked',
      pinLockReason: 'pin_hash_invalid',
    });
    await expectEverythingPrivilegedRefused(h);
    expect(await h.failure('verifyPin', { operatorId: 'supervisor', pin: PIN })).toMatchObject({
      code: 'kiosk_locked',
    });
    // A restart does not reopen setup either.
    expect((await (await restart()).call('getSettings', {})).pinState).toBe('locked');
  });

  it.each([
    [
      'a provisioned file without a PIN hash',
      { schemaVersion: 1, settings: { partnerId: '085' }, provisioned: true },
      'pin_hash_missing',
    ],
    [
      'a provisioned file from before sealing whose PIN hash is null',
      { schemaVersion: 1, settings: {}, pinHash: null, provisioned: true },
      'pin_hash_missing',
    ],
    ['a file without a schema version', { partnerId: '085', pinHash: null }, 'settings_unversioned'],
  ])('locks the kiosk for %s', async (_what, content, reason) => {
    await writeFile(settingsPath(), JSON.stringify(content));
    h = await start();
    expect(await h.call('getSettings', {})).toMatchObject({ pinState: 'locked', pinLockReason: reason });
    await expectEverythingPrivilegedRefused(h);
  });

  it.each([
    ['the PIN hash removed', (file: Record<string, unknown>) => ({ ...file, pinHash: null })],
    [
      'the whole PIN state reset to "never set up"',
      (file: Record<string, unknown>) => ({ ...file, pinHash: null, pinEverSet: false, provisioned: false }),
    ],
    ['the seal removed', ({ mac: _mac, ...file }: Record<string, unknown>) => file],
    ['another schema version claimed', (file: Record<string, unknown>) => ({ ...file, schemaVersion: 1 })],
  ])(
    'refuses to start with a sealed file that was edited (%s), and leaves it untouched',
    async (_what, edit) => {
      await setUpKiosk();
      const edited = JSON.stringify(edit(JSON.parse(await readFile(settingsPath(), 'utf8'))));
      await writeFile(settingsPath(), edited);
      const refused = await start().catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(SettingsFileError);
      expect(refused).toMatchObject({
        code: 'tampered',
        message: expect.stringMatching(/changed outside the kiosk app/),
        action: expect.stringMatching(/KIOSK_PROVISION.*operatorPin/),
      });
      expect(await readFile(settingsPath(), 'utf8')).toBe(edited);
    },
  );

  it('starts locked, not in first-run setup, when the settings file of a set-up kiosk was deleted', async () => {
    await setUpKiosk();
    await unlink(settingsPath());
    h = await start();
    expect(await h.call('getSettings', {})).toMatchObject({
      pinState: 'locked',
      pinLockReason: 'settings_file_missing',
    });
    await expectEverythingPrivilegedRefused(h);
  });

  it('recovers with the supervisor recovery code, which outlives the settings file', async () => {
    const recoveryCode = await setUpKiosk();
    await unlink(settingsPath());
    h = await start();
    expect(await h.call('recoverWithCode', { recoveryCode: 'ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ' })).toEqual({
      valid: false,
      lockedUntil: null,
    });
    const recovered = await h.call('recoverWithCode', { recoveryCode: recoveryCode.toLowerCase() });
    if (!recovered.valid) throw new Error('the recovery code was refused');
    // The recovery session sets a new PIN and nothing else.
    expect(await h.failure('getQueue', { grant: recovered.grant.token })).toMatchObject({
      code: 'kiosk_locked',
    });
    const reset = await h.call('setPin', { grant: recovered.grant.token, newPin: '13579246' });
    expect(reset.recoveryCode).not.toBeNull();
    expect(reset.recoveryCode).not.toBe(recoveryCode);
    expect((await h.call('getSettings', {})).pinState).toBe('set');
    expect((await h.call('verifyPin', { operatorId: 'supervisor', pin: '13579246' })).valid).toBe(true);
    expect((await h.call('recoverWithCode', { recoveryCode })).valid).toBe(false);
  });

  it('recovers with a provisioning file that sets operatorPin, and refuses one without it', async () => {
    await writeFile(
      settingsPath(),
      JSON.stringify({ schemaVersion: 1, settings: {}, pinHash: 'scrypt$oops' }),
    );
    const provisionFile = path.join(dataDir, 'provision.json');
    await writeFile(provisionFile, JSON.stringify({ settings: { kioskId: 'K-9' } }), { mode: 0o600 });
    const refused = await start({ KIOSK_PROVISION: provisionFile }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ProvisioningError);
    expect((refused as Error).message).toMatch(/locked.*must contain "operatorPin"/);

    // Variables never unlock it.
    h = await start({ KIOSK_OPERATOR_PIN: '135790' });
    expect((await h.call('getSettings', {})).pinState).toBe('locked');

    await writeFile(provisionFile, JSON.stringify({ operatorPin: '135790' }), { mode: 0o600 });
    await chmod(provisionFile, 0o600);
    h = await restart({ KIOSK_PROVISION: provisionFile });
    expect(await h.call('getSettings', {})).toMatchObject({ pinState: 'set', pinLockReason: null });
    expect((await h.call('verifyPin', { operatorId: 'supervisor', pin: '135790' })).valid).toBe(true);
    await expect(stat(provisionFile)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('still lets first-run setup (no PIN ever set) through without a session, and only that', async () => {
    h = await start();
    expect((await h.call('getSettings', {})).pinState).toBe('unset');
    await h.call('updateSettings', { patch: { kioskId: 'K-1' } });
    // The queue lists user IDs: never without a session, not even before setup.
    expect(await h.failure('getQueue', {})).toMatchObject({ code: 'invalid_request' });
    expect(await h.failure('getQueue', { grant: FORGED_GRANT })).toMatchObject({ code: 'session_expired' });
    const { grant } = await h.call('setPin', { newPin: PIN });
    expect(await h.failure('updateSettings', { patch: { kioskId: 'K-2' } })).toMatchObject({
      code: 'pin_required',
    });
    expect((await h.call('updateSettings', { grant: grant.token, patch: { kioskId: 'K-2' } })).kioskId).toBe(
      'K-2',
    );
  });
});
