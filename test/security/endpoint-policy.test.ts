// Finding 1 of the security review: "Any endpoint, plain http, in production." Whoever got past the PIN once
// could point the kiosk at their own server (custom URL, any host, plain http), receive selfies, user IDs and
// live signatures, and the stored API key stayed in use after the change. Each case below is one such move
// against a core built as a packaged kiosk builds it (no development endpoints).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  apiUrlProblem,
  callbackUrlProblem,
  STRICT_ENDPOINT_POLICY,
  uploadUrlProblem,
} from '../../app/smileid/endpoint-policy';
import { SmileIdClient } from '../../main/smileid/client';
import { startCore, type CoreHarness } from '../support/core-harness';

let kiosk: CoreHarness;

beforeEach(async () => {
  kiosk = await startCore({}, { developmentEndpoints: false });
});
afterEach(() => kiosk.close());

describe('security finding 1: the kiosk sends only to Smile ID, over https', () => {
  it.each([
    ['plain http', 'http://attacker.example/v1'],
    ['https to a host nobody allowed', 'https://attacker.example/v1'],
    ['the simulator on loopback http', 'http://127.0.0.1:8080/v1'],
  ])('refuses a custom API URL: %s', async (_what, customApiUrl) => {
    const refused = await kiosk.failure('updateSettings', {
      patch: { environment: 'custom', customApiUrl, partnerId: '085' },
    });
    expect(refused.code).toBe('not_allowed');
    expect(kiosk.core.settings.get().environment).toBe('training');
  });

  it('refuses a plain-http callback URL', async () => {
    const refused = await kiosk.failure('updateSettings', {
      patch: { callbackUrl: 'http://bank.example/cb' },
    });
    expect(refused.code).toBe('not_allowed');
    expect(kiosk.core.settings.get().callbackUrl).toBeNull();
  });

  it('the operator screens cannot allow a custom host (only a provisioning file can)', async () => {
    const refused = await kiosk.failure('updateSettings', {
      patch: { allowedCustomApiHosts: ['attacker.example'] },
    });
    expect(refused.code).toBe('invalid_request');
  });

  it('never lets the stored API key follow a change of environment or partner ID', async () => {
    await kiosk.call('updateSettings', {
      patch: { environment: 'sandbox', partnerId: '085' },
      apiKey: 'sk_live_key_for_085_0123',
    });
    expect((await kiosk.call('getSettings', {})).apiKeySet).toBe(true);

    // Another partner ID with the old key would send that key's signatures elsewhere: it needs a key of its own,
    // and without one the change is refused (settings that cannot send are never saved).
    const refused = await kiosk.failure('updateSettings', { patch: { partnerId: '086' } });
    expect(refused).toMatchObject({
      code: 'invalid_request',
      params: { field: 'apiKey', problem: 'needed_again' },
    });
    expect(kiosk.core.settings.get().partnerId).toBe('085');
    expect(await kiosk.vault.get('smileid.apiKey')).toBe('sk_live_key_for_085_0123');

    await kiosk.call('updateSettings', { patch: { partnerId: '086' }, apiKey: 'sk_live_key_for_086_0123' });
    expect(await kiosk.vault.get('smileid.apiKey')).toBe('sk_live_key_for_086_0123');
    expect(await kiosk.failure('updateSettings', { patch: { environment: 'production' } })).toMatchObject({
      params: { field: 'apiKey', problem: 'needed_again' },
    });

    // Training needs no key: the one for the old destination is cleared, not kept for later.
    await kiosk.call('updateSettings', { patch: { environment: 'training' } });
    expect(await kiosk.vault.get('smileid.apiKey')).toBeNull();
  });

  it('keeps the key when nothing about the destination changes', async () => {
    await kiosk.call('updateSettings', {
      patch: { environment: 'sandbox', partnerId: '085' },
      apiKey: 'sk_live_key_for_085_0123',
    });
    await kiosk.call('updateSettings', { patch: { language: 'fr', kioskId: 'K-1' } });
    expect(await kiosk.vault.get('smileid.apiKey')).toBe('sk_live_key_for_085_0123');
  });

  it('the policy as data: Smile ID hosts over https, S3 upload links, https callbacks', () => {
    expect(apiUrlProblem('https://api.smileidentity.com/v1', STRICT_ENDPOINT_POLICY)).toBeNull();
    expect(apiUrlProblem('https://testapi.smileidentity.com/v1', STRICT_ENDPOINT_POLICY)).toBeNull();
    expect(apiUrlProblem('http://api.smileidentity.com/v1', STRICT_ENDPOINT_POLICY)).toBe('not_https');
    expect(apiUrlProblem('https://api.smileidentity.com.attacker.example/v1', STRICT_ENDPOINT_POLICY)).toBe(
      'host_not_allowed',
    );
    expect(
      apiUrlProblem('https://proxy.bank.example/v1', {
        ...STRICT_ENDPOINT_POLICY,
        allowedCustomApiHosts: ['proxy.bank.example'],
      }),
    ).toBeNull();
    const api = 'https://api.smileidentity.com/v1';
    expect(
      uploadUrlProblem(
        'https://smile-uploads.s3.amazonaws.com/videos/x/selfie.zip',
        api,
        STRICT_ENDPOINT_POLICY,
      ),
    ).toBeNull();
    expect(uploadUrlProblem('http://smile-uploads.s3.amazonaws.com/x', api, STRICT_ENDPOINT_POLICY)).toBe(
      'not_https',
    );
    expect(uploadUrlProblem('https://attacker.example/x', api, STRICT_ENDPOINT_POLICY)).toBe(
      'host_not_allowed',
    );
    expect(callbackUrlProblem('https://bank.example/smile/callback', STRICT_ENDPOINT_POLICY)).toBeNull();
    expect(callbackUrlProblem('http://bank.example/smile/callback', STRICT_ENDPOINT_POLICY)).toBe(
      'not_https',
    );
  });
});

describe('security finding 1: an upload link to another host gets nothing', () => {
  let server: Server;
  let puts = 0;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.method === 'PUT') puts += 1;
      req.resume();
      req.on('end', () => res.end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('the client refuses to PUT a selfie to an upload_url that is not https on an allowed host', async () => {
    const client = new SmileIdClient({
      partnerId: '085',
      apiKey: 'sk_live_key_for_085_0123',
      apiUrl: 'https://api.smileidentity.com/v1',
    });
    // Any bytes: the point is that none of them leave the kiosk.
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);
    await expect(client.uploadZip(`${base}/uploads/x`, zip)).rejects.toMatchObject({
      kind: 'endpoint_not_allowed',
      errorClass: 'systemic',
    });
    expect(puts).toBe(0);
  });
});
