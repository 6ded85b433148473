import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile as writeAnyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../app/settings';
import { createConsoleLogger, type Logger } from '../../main/log';
import type { OpenKeyValueFile } from '../../main/storage/key-value-file';
import { DevKeyFileVault } from '../../main/secure/dev-key-file-vault';
import { environmentForBaseUrl } from '../../main/settings/base-url';
import { ProvisioningError } from '../../main/settings/errors';
import { provisionOnFirstStart, type ProvisionReport } from '../../main/settings/provisioning';
import { SETTINGS_FILE_NAME, SettingsStore } from '../../main/settings/settings-store';
import { startCore } from '../support/core-harness';

const API_KEY = 'sk_secret_0f1e2d3c4b5a69788796a5b4';
const PIN = '731904';

let folder: string;
let provisionPath: string;
let store: SettingsStore;
let vault: DevKeyFileVault;
/** The settings file's keys (pepper, seal) live in a vault of their own here, so `vault` shows only the API key. */
let settingsVault: DevKeyFileVault;
let logLines: string[];
let log: Logger;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'kiosk-provisioning-'));
  provisionPath = path.join(folder, 'provision.json');
  settingsVault = new DevKeyFileVault(path.join(folder, 'settings-vault'));
  store = await SettingsStore.open(confFile(), settingsVault);
  vault = new DevKeyFileVault(path.join(folder, 'vault'));
  logLines = [];
  log = createConsoleLogger((line) => logLines.push(line));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function confFile(): OpenKeyValueFile {
  return () =>
    new Conf<Record<string, unknown>>({
      cwd: path.join(folder, 'data'),
      configName: SETTINGS_FILE_NAME,
      accessPropertiesByDotNotation: false,
      clearInvalidConfig: false,
    });
}

/** Provisioning files hold the key in clear: written for the kiosk's account only, as the README says. */
function writeFile(file: string, content: string): Promise<void> {
  return writeAnyFile(file, content, { mode: 0o600 });
}

function provision(env: Record<string, string | undefined>): Promise<ProvisionReport> {
  // A development run, as the dev host is: SMILEID_BASE_URL may name the simulator on loopback http.
  return provisionOnFirstStart({ store, vault, env, log, developmentEndpoints: true });
}

async function provisioningError(work: () => Promise<unknown>): Promise<ProvisioningError> {
  try {
    await work();
  } catch (error) {
    expect(error).toBeInstanceOf(ProvisioningError);
    return error as ProvisioningError;
  }
  throw new Error('expected a ProvisioningError');
}

/** Neither the key nor the PIN may reach a log line, an error message or the settings file. */
async function expectNoSecretsLeaked(...texts: string[]): Promise<void> {
  const settingsFile = await readFile(path.join(folder, 'data', `${SETTINGS_FILE_NAME}.json`), 'utf8');
  for (const text of [...logLines, settingsFile, ...texts]) {
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain(PIN);
  }
}

describe('provisioning from a KIOSK_PROVISION file', () => {
  it('applies settings, key and PIN, marks the kiosk provisioned and deletes the file', async () => {
    await writeFile(
      provisionPath,
      JSON.stringify({
        settings: { environment: 'sandbox', partnerId: '085', kioskId: 'K-7', branch: 'Nairobi CBD' },
        apiKey: API_KEY,
        operatorPin: PIN,
      }),
    );
    expect(await provision({ KIOSK_PROVISION: provisionPath })).toEqual({
      source: 'file',
      deletedFile: true,
    });

    expect(existsSync(provisionPath)).toBe(false);
    expect(await vault.get('smileid.apiKey')).toBe(API_KEY);
    expect(await store.verifyPin(PIN)).toMatchObject({ kind: 'ok' });
    expect(store.isProvisioned()).toBe(true);
    expect(store.get()).toEqual({
      ...DEFAULT_SETTINGS,
      environment: 'sandbox',
      partnerId: '085',
      kioskId: 'K-7',
      branch: 'Nairobi CBD',
    });
    expect(store.publicView(true).configured).toBe(true);

    const restarted = await SettingsStore.open(confFile(), settingsVault);
    expect(restarted.isProvisioned()).toBe(true);
    expect(await restarted.verifyPin(PIN)).toMatchObject({ kind: 'ok' });
    expect(restarted.get().partnerId).toBe('085');
    await expectNoSecretsLeaked();
  });

  it('accepts a file with only some parts, and a UTF-8 byte-order mark', async () => {
    await writeFile(provisionPath, `\uFEFF${JSON.stringify({ operatorPin: PIN })}`);
    expect(await provision({ KIOSK_PROVISION: provisionPath })).toEqual({
      source: 'file',
      deletedFile: true,
    });
    expect(await store.verifyPin(PIN)).toMatchObject({ kind: 'ok' });
    expect(await vault.get('smileid.apiKey')).toBeNull();
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    ['not JSON (without quoting the file)', `{"apiKey": "${API_KEY}", `, /is not valid JSON\.$/],
    [
      'an unknown field',
      JSON.stringify({ apiKey: API_KEY, operatorPIN: PIN }),
      /Unknown field "operatorPIN"/,
    ],
    [
      'an unknown setting',
      JSON.stringify({ settings: { partnerID: '085' }, apiKey: API_KEY }),
      /Unknown field "settings\.partnerID"/,
    ],
    [
      'an invalid setting',
      JSON.stringify({ settings: { partnerId: 'P-085' }, apiKey: API_KEY }),
      /Invalid field "settings\.partnerId": digits only/,
    ],
    ['a short API key', JSON.stringify({ apiKey: 'short' }), /Invalid field "apiKey"/],
    [
      'a PIN with letters',
      JSON.stringify({ operatorPin: `${PIN}x` }),
      /Invalid field "operatorPin": a PIN is 6 to 12 digits/,
    ],
    ['not an object', JSON.stringify([API_KEY]), /Invalid fields: .*expected object/],
  ])('refuses %s, keeps the file and applies nothing', async (_what, content, message) => {
    await writeFile(provisionPath, content);
    const error = await provisioningError(() => provision({ KIOSK_PROVISION: provisionPath }));
    expect(error.source).toBe('file');
    expect(error.message).toMatch(message);
    expect(error.message).toContain(provisionPath);

    expect(await readFile(provisionPath, 'utf8')).toBe(content);
    expect(store.isProvisioned()).toBe(false);
    expect(store.isPinSet()).toBe(false);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(await vault.get('smileid.apiKey')).toBeNull();
    await expectNoSecretsLeaked(error.message, String(error.cause ?? ''));
  });

  it('fails clearly when the named file does not exist', async () => {
    const missing = path.join(folder, 'nowhere.json');
    const error = await provisioningError(() => provision({ KIOSK_PROVISION: missing }));
    expect(error.message).toMatch(
      /KIOSK_PROVISION names .*nowhere\.json, which could not be read \(ENOENT\)/,
    );
    expect(store.isProvisioned()).toBe(false);
  });

  it('prefers the file over variables', async () => {
    await writeFile(provisionPath, JSON.stringify({ settings: { partnerId: '111' } }));
    const report = await provision({ KIOSK_PROVISION: provisionPath, SMILEID_PARTNER_ID: '222' });
    expect(report.source).toBe('file');
    expect(store.get().partnerId).toBe('111');
  });
});

describe('provisioning from environment variables', () => {
  it('puts the partner ID in settings, the key in the vault and sets the PIN', async () => {
    const report = await provision({
      SMILEID_BASE_URL: 'https://api.smileidentity.com/v1',
      SMILEID_PARTNER_ID: '085',
      SMILEID_API_KEY: API_KEY,
      KIOSK_OPERATOR_PIN: PIN,
      UNRELATED: 'x',
    });
    expect(report).toEqual({
      source: 'env',
      variables: ['SMILEID_BASE_URL', 'SMILEID_PARTNER_ID', 'SMILEID_API_KEY', 'KIOSK_OPERATOR_PIN'],
    });
    expect(store.get()).toMatchObject({ environment: 'production', customApiUrl: null, partnerId: '085' });
    expect(await vault.get('smileid.apiKey')).toBe(API_KEY);
    expect(await store.verifyPin(PIN)).toMatchObject({ kind: 'ok' });
    expect(store.isProvisioned()).toBe(true);
    expect((await SettingsStore.open(confFile(), settingsVault)).isProvisioned()).toBe(true);
    await expectNoSecretsLeaked();
  });

  it.each([
    ['https://testapi.smileidentity.com', 'sandbox', null],
    ['https://testapi.smileidentity.com/', 'sandbox', null],
    ['https://testapi.smileidentity.com/v1', 'sandbox', null],
    ['https://testapi.smileidentity.com/v1/', 'sandbox', null],
    ['https://api.smileidentity.com', 'production', null],
    ['https://api.smileidentity.com/v1', 'production', null],
    ['https://API.SmileIdentity.com/v1/', 'production', null],
    ['http://127.0.0.1:8080', 'custom', 'http://127.0.0.1:8080/v1'],
    ['http://127.0.0.1:8080/v1/', 'custom', 'http://127.0.0.1:8080/v1'],
  ])('maps SMILEID_BASE_URL=%s to %s', async (baseUrl, environment, customApiUrl) => {
    expect(environmentForBaseUrl(baseUrl)).toEqual({ environment, customApiUrl });
    expect(await provision({ SMILEID_BASE_URL: baseUrl })).toEqual({
      source: 'env',
      variables: ['SMILEID_BASE_URL'],
    });
    expect(store.get()).toMatchObject({ environment, customApiUrl });
    expect(store.isProvisioned()).toBe(true);
  });

  it.each([
    ['https://smile-proxy.bank.example/smileid//', 'custom', 'https://smile-proxy.bank.example/smileid/v1'],
    ['http://testapi.smileidentity.com/v1', 'custom', 'http://testapi.smileidentity.com/v1'],
  ])(
    'maps SMILEID_BASE_URL=%s to %s, which the endpoint policy then refuses',
    async (baseUrl, environment, url) => {
      // The mapping is the same; sending there is not allowed (a proxy needs allowedCustomApiHosts, from a file).
      expect(environmentForBaseUrl(baseUrl)).toEqual({ environment, customApiUrl: url });
      await expect(provision({ SMILEID_BASE_URL: baseUrl })).rejects.toBeInstanceOf(ProvisioningError);
      expect(store.isProvisioned()).toBe(false);
    },
  );

  it.each([
    [{ SMILEID_BASE_URL: 'testapi.smileidentity.com' }, /SMILEID_BASE_URL is not a URL/],
    [{ SMILEID_BASE_URL: 'ftp://testapi.smileidentity.com' }, /SMILEID_BASE_URL must start with https/],
    [
      { SMILEID_BASE_URL: 'https://user:pw@proxy.example/v1' },
      /SMILEID_BASE_URL must not contain credentials/,
    ],
    [{ SMILEID_PARTNER_ID: 'P085' }, /SMILEID_PARTNER_ID is not valid: digits only/],
    [{ SMILEID_API_KEY: 'short' }, /SMILEID_API_KEY is not valid/],
    [{ KIOSK_OPERATOR_PIN: '12' }, /KIOSK_OPERATOR_PIN is not valid: a PIN is 6 to 12 digits/],
    [{ SMILEID_API_KEY: API_KEY, KIOSK_OPERATOR_PIN: `${PIN}!` }, /KIOSK_OPERATOR_PIN is not valid/],
  ])('refuses %j before applying anything', async (env, message) => {
    const error = await provisioningError(() => provision(env));
    expect(error.source).toBe('env');
    expect(error.message).toMatch(message);
    expect(store.isProvisioned()).toBe(false);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(await vault.get('smileid.apiKey')).toBeNull();
    expect(error.message).not.toContain(`${PIN}!`);
    await expectNoSecretsLeaked(error.message);
  });

  it('sets the kiosk location, the callback URL and the job_status polling timeout', async () => {
    const report = await provision({
      KIOSK_LATITUDE: '-4.0435',
      KIOSK_LONGITUDE: '39.6682',
      KIOSK_LOCATION_ACCURACY_M: '35',
      KIOSK_PLACE: 'Mombasa, Moi Avenue',
      SMILEID_CALLBACK_URL: 'https://bank.example/smileid/callback',
      SMILEID_JOB_STATUS_POLLING_TIMEOUT_SECONDS: '0',
    });
    expect(report).toMatchObject({ source: 'env' });
    expect(store.get()).toMatchObject({
      location: {
        latitude: -4.0435,
        longitude: 39.6682,
        accuracyMeters: 35,
        placeName: 'Mombasa, Moi Avenue',
      },
      callbackUrl: 'https://bank.example/smileid/callback',
      jobStatusPollingTimeoutSeconds: 0,
    });
  });

  it('takes a location without a place name as one with an empty place', async () => {
    await provision({ KIOSK_LATITUDE: '0', KIOSK_LONGITUDE: '-0.5', KIOSK_LOCATION_ACCURACY_M: '500' });
    expect(store.get().location).toEqual({
      latitude: 0,
      longitude: -0.5,
      accuracyMeters: 500,
      placeName: '',
    });
  });

  it.each([
    [{ KIOSK_LATITUDE: '1', KIOSK_LONGITUDE: '2' }, /needs KIOSK_LOCATION_ACCURACY_M as well/],
    [{ KIOSK_PLACE: 'Nairobi' }, /KIOSK_PLACE needs KIOSK_LATITUDE/],
    [
      { KIOSK_LATITUDE: '91', KIOSK_LONGITUDE: '2', KIOSK_LOCATION_ACCURACY_M: '5' },
      /KIOSK_LATITUDE is not valid/,
    ],
    [
      { KIOSK_LATITUDE: '1,5', KIOSK_LONGITUDE: '2', KIOSK_LOCATION_ACCURACY_M: '5' },
      /KIOSK_LATITUDE is not valid/,
    ],
    [
      { KIOSK_LATITUDE: '1', KIOSK_LONGITUDE: '181', KIOSK_LOCATION_ACCURACY_M: '5' },
      /KIOSK_LONGITUDE is not valid/,
    ],
    [
      { KIOSK_LATITUDE: '1', KIOSK_LONGITUDE: '2', KIOSK_LOCATION_ACCURACY_M: '-1' },
      /KIOSK_LOCATION_ACCURACY_M is not valid/,
    ],
    [{ SMILEID_JOB_STATUS_POLLING_TIMEOUT_SECONDS: '2.5' }, /POLLING_TIMEOUT_SECONDS is not valid/],
    [{ SMILEID_JOB_STATUS_POLLING_TIMEOUT_SECONDS: '601' }, /POLLING_TIMEOUT_SECONDS is not valid/],
    [{ SMILEID_CALLBACK_URL: 'bank.example/callback' }, /SMILEID_CALLBACK_URL is not valid/],
    // Results would reach nobody: no polling, and nowhere for Smile ID to post them.
    [{ SMILEID_JOB_STATUS_POLLING_TIMEOUT_SECONDS: '0' }, /callback URL is required/],
  ])('refuses the location or delivery variables %j', async (env, message) => {
    const error = await provisioningError(() => provision(env));
    expect(error.message).toMatch(message);
    expect(store.isProvisioned()).toBe(false);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('ignores empty variables and does nothing without any', async () => {
    expect(await provision({ SMILEID_API_KEY: '', KIOSK_OPERATOR_PIN: '  ', KIOSK_PROVISION: '' })).toEqual({
      source: 'none',
    });
    expect(await provision({})).toEqual({ source: 'none' });
    expect(store.isProvisioned()).toBe(false);
  });
});

describe('second start', () => {
  it('does nothing once provisioned, so later operator changes stay', async () => {
    await provision({ SMILEID_PARTNER_ID: '085', SMILEID_API_KEY: API_KEY, KIOSK_OPERATOR_PIN: PIN });
    store.update({ partnerId: '999' });
    await vault.set('smileid.apiKey', 'sk_rotated_by_operator');

    store = await SettingsStore.open(confFile(), settingsVault);
    const again = await provision({
      SMILEID_PARTNER_ID: '085',
      SMILEID_API_KEY: API_KEY,
      KIOSK_OPERATOR_PIN: '0000',
    });
    expect(again).toEqual({ source: 'none' });
    expect(store.get().partnerId).toBe('999');
    expect(await vault.get('smileid.apiKey')).toBe('sk_rotated_by_operator');
    expect(await store.verifyPin(PIN)).toMatchObject({ kind: 'ok' });
  });

  it('does not apply a provisioning file that arrives after provisioning, and deletes it (it holds a key)', async () => {
    await writeFile(provisionPath, JSON.stringify({ settings: { partnerId: '085' } }));
    await provision({ KIOSK_PROVISION: provisionPath });

    const stale = JSON.stringify({ settings: { partnerId: '111' }, apiKey: API_KEY });
    await writeFile(provisionPath, stale);
    expect(await provision({ KIOSK_PROVISION: provisionPath })).toEqual({ source: 'none' });
    await expect(readFile(provisionPath, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(store.get().partnerId).toBe('085');
    expect(logLines.some((line) => line.includes('provisioning.file_deleted_unused'))).toBe(true);
    expect(await readdir(path.join(folder, 'vault')).catch(() => [])).not.toContain('dev-vault.json');
  });
});

describe('a refused start writes nothing', () => {
  /** The kiosk core as the dev host and the Electron shell start it, on a fresh data folder. */
  async function startOn(dataDir: string, env: Record<string, string | undefined>) {
    return startCore(env, { dataDir });
  }

  it.each([
    [
      'an API key too short',
      { SMILEID_BASE_URL: 'http://127.0.0.1:8080/v1', SMILEID_PARTNER_ID: '085', SMILEID_API_KEY: 'short' },
      /SMILEID_API_KEY is not valid/,
    ],
    ['a PIN with letters', { KIOSK_OPERATOR_PIN: '24681x' }, /KIOSK_OPERATOR_PIN is not valid/],
    ['a kiosk ID too long', { KIOSK_ID: 'K'.repeat(65) }, /KIOSK_ID is not valid/],
    ['a branch too long', { BRANCH: 'B'.repeat(121) }, /BRANCH is not valid/],
    ['a base URL that is no URL', { SMILEID_BASE_URL: 'testapi' }, /SMILEID_BASE_URL is not a URL/],
  ])('%s: the start is refused and the data folder stays empty', async (_what, variables, message) => {
    const dataDir = path.join(folder, 'kiosk');
    const env: Record<string, string | undefined> = { KIOSK_OPERATOR_PIN: PIN, ...variables };
    const error = await provisioningError(() => startOn(dataDir, env));
    expect(error.message).toMatch(message);
    // No settings file, no vault, no outbox: the next start is a first start again.
    expect(existsSync(path.join(dataDir, `${SETTINGS_FILE_NAME}.json`))).toBe(false);
    expect(await readdir(dataDir).catch(() => [])).toEqual([]);
    // The variables still left the environment: a refused start does not keep the key in it either.
    expect(Object.keys(env)).toEqual([]);
  });

  it('a provisioning file with an invalid setting: refused, the file kept, nothing written', async () => {
    const dataDir = path.join(folder, 'kiosk');
    const content = JSON.stringify({
      settings: { idleTimeoutSeconds: 5 },
      apiKey: API_KEY,
      operatorPin: PIN,
    });
    await writeFile(provisionPath, content);
    const error = await provisioningError(() => startOn(dataDir, { KIOSK_PROVISION: provisionPath }));
    expect(error.message).toMatch(/Invalid field "settings\.idleTimeoutSeconds"/);
    expect(await readFile(provisionPath, 'utf8')).toBe(content);
    expect(await readdir(dataDir).catch(() => [])).toEqual([]);
  });

  it('a destination the endpoint policy refuses: nothing written', async () => {
    const dataDir = path.join(folder, 'kiosk');
    const error = await provisioningError(() =>
      startCore(
        { SMILEID_BASE_URL: 'http://203.0.113.9/v1', SMILEID_PARTNER_ID: '085' },
        { dataDir, developmentEndpoints: false },
      ),
    );
    expect(error.message).toMatch(/provisioned settings were refused/);
    expect(await readdir(dataDir).catch(() => [])).toEqual([]);
  });

  it('the README example starts: KIOSK_ID and BRANCH land in the settings, and the kiosk can send', async () => {
    const dataDir = path.join(folder, 'kiosk');
    const kiosk = await startOn(dataDir, {
      SMILEID_BASE_URL: 'http://127.0.0.1:8080/v1',
      SMILEID_PARTNER_ID: '085',
      SMILEID_API_KEY: 'dev-key-0001',
      KIOSK_OPERATOR_PIN: '246810',
      KIOSK_ID: 'K-01',
      BRANCH: 'Training',
    });
    try {
      expect(await kiosk.call('getSettings', {})).toMatchObject({
        environment: 'custom',
        customApiUrl: 'http://127.0.0.1:8080/v1',
        partnerId: '085',
        kioskId: 'K-01',
        branch: 'Training',
        apiKeySet: true,
        pinSet: true,
        configured: true,
      });
      expect(kiosk.core.provisioning).toEqual({
        source: 'env',
        variables: [
          'SMILEID_BASE_URL',
          'SMILEID_PARTNER_ID',
          'SMILEID_API_KEY',
          'KIOSK_OPERATOR_PIN',
          'KIOSK_ID',
          'BRANCH',
        ],
      });
    } finally {
      await kiosk.close();
    }
    // Once provisioned, a later start ignores (and removes) provisioning variables, even invalid ones.
    const env: Record<string, string | undefined> = { SMILEID_API_KEY: 'short' };
    const again = await startOn(dataDir, env);
    try {
      expect(again.core.provisioning).toEqual({ source: 'none' });
      expect(env).toEqual({});
    } finally {
      await again.close();
    }
  });
});
