// Finding 6 of the security review: "The environment can weaken main." Each case is one way it could:
// certificate checks turned off by a variable, secrets left in process.env for the rest of the run, a
// provisioning file readable by other accounts, and a provisioning file left on disk with the key in clear
// because the kiosk was already provisioned.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unsafeEnvironment } from '../../main/electron/policy/environment-policy';
import { silentLogger } from '../../main/log';
import { DevKeyFileVault } from '../../main/secure/dev-key-file-vault';
import { ProvisioningError } from '../../main/settings/errors';
import { provisionOnFirstStart } from '../../main/settings/provisioning';
import { SettingsStore } from '../../main/settings/settings-store';
import { openConfSettingsFile } from '../../main/storage/conf-files';

const API_KEY = 'sk_secret_finding6_0f1e2d3c4b5a';
let folder: string;
let store: SettingsStore;
let vault: DevKeyFileVault;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'kiosk-finding6-'));
  vault = new DevKeyFileVault(path.join(folder, 'vault'));
  store = await SettingsStore.open(
    () => openConfSettingsFile(path.join(folder, 'data')),
    new DevKeyFileVault(path.join(folder, 'settings-vault')),
  );
});
afterEach(() => rm(folder, { recursive: true, force: true }));

const provision = (env: Record<string, string | undefined>) =>
  provisionOnFirstStart({ store, vault, env, log: silentLogger });

describe('security finding 6: the environment cannot weaken main', () => {
  it('a packaged kiosk refuses to start with NODE_TLS_REJECT_UNAUTHORIZED=0', () => {
    expect(unsafeEnvironment({ NODE_TLS_REJECT_UNAUTHORIZED: '0' }, true)).toMatchObject({
      reason: expect.stringContaining('NODE_TLS_REJECT_UNAUTHORIZED'),
      action: expect.any(String),
    });
    expect(unsafeEnvironment({}, true)).toBeNull();
    expect(unsafeEnvironment({ NODE_TLS_REJECT_UNAUTHORIZED: '1' }, true)).toBeNull();
  });

  it('removes SMILEID_* and KIOSK_* variables from the environment once provisioning has read them', async () => {
    const env: Record<string, string | undefined> = {
      SMILEID_PARTNER_ID: '085',
      SMILEID_API_KEY: API_KEY,
      KIOSK_OPERATOR_PIN: '731904',
      KIOSK_ID: 'K-7',
      BRANCH: 'Nairobi CBD',
      PATH: '/usr/bin',
    };
    await provision(env);
    expect(env).toEqual({ PATH: '/usr/bin' });
    expect(await vault.get('smileid.apiKey')).toBe(API_KEY);
    expect(store.get()).toMatchObject({ partnerId: '085', kioskId: 'K-7', branch: 'Nairobi CBD' });

    // Also on a later start, when they are no longer applied.
    const again: Record<string, string | undefined> = { SMILEID_API_KEY: 'sk_other_key_123456' };
    await provision(again);
    expect(again).toEqual({});
  });

  it('refuses a provisioning file that other users can read, and applies nothing', async () => {
    const file = path.join(folder, 'provision.json');
    await writeFile(file, JSON.stringify({ apiKey: API_KEY }), { mode: 0o644 });
    const error = await provision({ KIOSK_PROVISION: file }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ProvisioningError);
    expect((error as Error).message).toMatch(/chmod 600/);
    expect((error as Error).message).not.toContain(API_KEY);
    expect(await vault.get('smileid.apiKey')).toBeNull();
    expect(store.isProvisioned()).toBe(false);
  });

  it('a packaged kiosk refuses a provisioned http or foreign API address; a named https host is allowed', async () => {
    const error = await provision({ SMILEID_BASE_URL: 'http://203.0.113.9/v1' }).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ProvisioningError);
    expect(store.isProvisioned()).toBe(false);

    const file = path.join(folder, 'provision.json');
    await writeFile(
      file,
      JSON.stringify({
        settings: {
          environment: 'custom',
          customApiUrl: 'https://smileid-proxy.bank.example/v1',
          allowedCustomApiHosts: ['smileid-proxy.bank.example'],
        },
      }),
      { mode: 0o600 },
    );
    await provision({ KIOSK_PROVISION: file });
    expect(store.get()).toMatchObject({
      environment: 'custom',
      customApiUrl: 'https://smileid-proxy.bank.example/v1',
    });
  });

  it('deletes a provisioning file even when the kiosk is already provisioned', async () => {
    await provision({ SMILEID_PARTNER_ID: '085' });
    const file = path.join(folder, 'provision.json');
    await writeFile(file, JSON.stringify({ apiKey: API_KEY }), { mode: 0o600 });
    expect(await provision({ KIOSK_PROVISION: file })).toEqual({ source: 'none' });
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await vault.get('smileid.apiKey')).toBeNull();
    expect(await readFile(path.join(folder, 'data', 'kiosk-settings.json'), 'utf8')).not.toContain(API_KEY);
  });
});
