// The dev host: the real kiosk core's handler table over loopback HTTP + an event stream, and the renderer's
// HTTP bridge (createHttpKiosk) driving it from Node exactly as the UI does from Chromium.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/content-security-policy';
import { encodeBytes } from '../../app/ipc/json-bytes';
import type { KioskEvent } from '../../app/queue';
import { silentLogger } from '../../main/log';
import {
  describeEnvironment,
  DevHostStartError,
  parsePort,
  REPO_ROOT,
  startDevHostFromEnv,
  type RunningDevHostFromEnv,
} from '../../main/devhost/start';
import { startSimulator, type RunningSimulator } from '../../main/smileid/simulator/server';
import { KioskError } from '../../app/errors';
import type { KioskApi } from '../../app/ipc/channels';
import { createHttpKiosk as createHttpBridge, sseParser } from '../../renderer/bridge/http-kiosk';
import { kioskApiFromBridge } from '../../renderer/bridge/kiosk-api';

/** The screens' API over the HTTP bridge: what installKiosk() gives the renderer in a browser. */
function createHttpKiosk(options: Parameters<typeof createHttpBridge>[0]): KioskApi {
  return kioskApiFromBridge(createHttpBridge(options));
}
import {
  APP_JS,
  INDEX_HTML,
  makeFakeRenderer,
  openEvents,
  postApi,
  raw,
  startDevHostHarness,
  type DevHostHarness,
  type EventStreamReader,
} from '../support/devhost-harness';
import { makeCapture, type CaptureJpegs } from '../support/fixture-images';
import { API_KEY, FAST_TIMINGS, PARTNER_ID, waitFor } from '../support/outbox-harness';

let capture: CaptureJpegs;
let d: DevHostHarness;
let stream: EventStreamReader | undefined;
const OPERATOR_PIN = '135790';

beforeAll(async () => {
  capture = makeCapture();
  d = await startDevHostHarness({ heartbeatMs: 50 });
  await d.h.call('setPin', { newPin: OPERATOR_PIN });
});

/** A fresh operator session's token, as the PIN dialog gets it. */
async function operatorGrant(): Promise<string> {
  const answer = await d.h.call('verifyPin', { operatorId: 'supervisor', pin: OPERATOR_PIN });
  if (!answer.valid) throw new Error('the operator PIN was refused');
  return answer.grant.token;
}

afterAll(async () => {
  await d.close();
});

afterEach(() => {
  stream?.close();
  stream = undefined;
});

/** An enrollment under a signed-in shift (enrollment needs one): the shared kiosk's, unless `grant` names another. */
async function submission(userId: string, grant?: string) {
  return {
    grant: grant ?? (await d.h.shift(OPERATOR_PIN)),
    reference: randomUUID(),
    userId,
    consent: { given: true as const, at: Date.now() },
    selfie: capture.selfie,
    liveness: capture.liveness,
  };
}

function expectSecurityHeaders(headers: Record<string, unknown>) {
  expect(headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
}

describe('dev host: listening', () => {
  it('binds to 127.0.0.1 only and says so in its URL', () => {
    expect(d.host.url).toBe(`http://127.0.0.1:${d.host.port}/`);
    expect(d.host.port).toBeGreaterThan(0);
  });

  it('refuses a Host header naming another site (DNS rebinding)', async () => {
    const answer = await raw(d.host.port, { path: '/', headers: { Host: `evil.example:${d.host.port}` } });
    expect(answer.status).toBe(403);
    expectSecurityHeaders(answer.headers);
    const local = await raw(d.host.port, { path: '/', headers: { Host: `localhost:${d.host.port}` } });
    expect(local.status).toBe(200);
  });
});

describe('dev host: static files', () => {
  it('serves index.html at / with the CSP, text/html and no-store', async () => {
    const answer = await raw(d.host.port, { path: '/' });
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe(INDEX_HTML);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-store');
    expectSecurityHeaders(answer.headers);
    const byName = await raw(d.host.port, { path: '/index.html?v=1' });
    expect(byName.status).toBe(200);
    expect(byName.headers['cache-control']).toBe('no-store');
  });

  it('serves assets with their content type and the security headers', async () => {
    const js = await raw(d.host.port, { path: '/assets/app.js' });
    expect(js.status).toBe(200);
    expect(js.body.toString()).toBe(APP_JS);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['content-length']).toBe(String(Buffer.byteLength(APP_JS)));
    expectSecurityHeaders(js.headers);
    const css = await raw(d.host.port, { path: '/assets/app.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const bin = await raw(d.host.port, { path: '/model.bin' });
    expect(bin.headers['content-type']).toBe('application/octet-stream');
    expect([...bin.body]).toEqual([0, 1, 2, 3]);
    const head = await raw(d.host.port, { method: 'HEAD', path: '/assets/app.js' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it.each([
    '/missing.js',
    '/empty',
    '/empty/',
    '/assets/',
    '/../package.json',
    '/../secret.txt',
    '/%2e%2e/package.json',
    '/%2E%2E/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/assets/../../secret.txt',
    '//etc/passwd',
    '/.hidden',
    '/escape.txt',
    '/index.html%00.js',
  ])('answers 404 for %s (no listing, no traversal, no symlink escape)', async (target) => {
    const answer = await raw(d.host.port, { path: target });
    expect(answer.status).toBe(404);
    expectSecurityHeaders(answer.headers);
    expect(answer.body.toString()).not.toContain('outside');
  });

  it('refuses methods other than GET and HEAD for files', async () => {
    const answer = await raw(d.host.port, { method: 'POST', path: '/', body: 'x' });
    expect(answer.status).toBe(405);
  });
});

describe('dev host: API', () => {
  it('answers 401 without a token and with a wrong one', async () => {
    const none = await raw(d.host.port, {
      method: 'POST',
      path: '/api/health.status',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expectSecurityHeaders(none.headers);
    expect(none.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const wrong = await postApi({ ...d, token: `${d.token}x` }, 'health.status', '{}');
    expect(wrong.status).toBe(401);
    const events = await raw(d.host.port, { path: '/api/events' });
    expect(events.status).toBe(401);
  });

  it('answers 403 to a request from another origin, even with the token', async () => {
    const foreign = await postApi(d, 'health.status', '{}', { Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.json()).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    const otherPort = await postApi(d, 'health.status', '{}', { Origin: 'http://127.0.0.1:1' });
    expect(otherPort.status).toBe(403);
    const own = await postApi(d, 'health.status', '{}', { Origin: d.origin });
    expect(own.status).toBe(200);
    expect(own.json()).toMatchObject({ ok: true, value: { training: true } });
  });

  it('round-trips bytes: enroll.submit with a real JPEG capture, then queue.snapshot shows the job', async () => {
    const answer = await postApi(
      d,
      'enroll.submit',
      JSON.stringify(encodeBytes(await submission('DEVHOST-1'))),
    );
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-store');
    expectSecurityHeaders(answer.headers);
    const envelope = answer.json() as { ok: true; value: { jobId: string; state: string } };
    expect(envelope).toMatchObject({ ok: true, value: { state: 'queued', warnings: [] } });
    // The queue lists user IDs: only under an operator session.
    expect((await postApi(d, 'queue.snapshot', '{}')).json()).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    const queue = await postApi(d, 'queue.snapshot', JSON.stringify({ grant: await operatorGrant() }));
    expect(queue.json()).toMatchObject({
      ok: true,
      value: { jobs: expect.arrayContaining([expect.objectContaining({ jobId: envelope.value.jobId })]) },
    });
  });

  it('passes invalid requests to the handler, which answers a typed envelope', async () => {
    const broken = { ...(encodeBytes(await submission('DEVHOST-2')) as object), selfie: { $bytes: '!!!' } };
    const answer = await postApi(d, 'enroll.submit', JSON.stringify(broken));
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('answers 404 with a not_found envelope for an unknown channel', async () => {
    for (const channel of ['nope.nothing', 'constructor', '__proto__', 'toString', 'health.status/x']) {
      const answer = await postApi(d, channel, '{}');
      expect(answer.status, channel).toBe(404);
      expect(answer.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
  });

  it('answers 400 invalid_request for malformed JSON, without echoing the body', async () => {
    const answer = await postApi(d, 'enroll.submit', '{"userId": "SECRET-SELFIE-BYTES",');
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(answer.body.toString()).not.toContain('SECRET');
  });

  it('requires application/json, POST, and a body under 8 MiB', async () => {
    const text = await postApi(d, 'health.status', '{}', { 'Content-Type': 'text/plain' });
    expect(text.status).toBe(415);
    const withCharset = await postApi(d, 'health.status', '{}', {
      'Content-Type': 'application/json; charset=utf-8',
    });
    expect(withCharset.status).toBe(200);
    const get = await raw(d.host.port, {
      path: '/api/health.status',
      headers: { Authorization: `Bearer ${d.token}` },
    });
    expect(get.status).toBe(405);
    const declared = await raw(d.host.port, {
      method: 'POST',
      path: '/api/enroll.submit',
      headers: {
        Authorization: `Bearer ${d.token}`,
        'Content-Type': 'application/json',
        'Content-Length': String(8 * 1024 * 1024 + 1),
      },
      headersOnly: true,
    });
    expect(declared.status).toBe(413);
    expect(declared.json()).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});

describe('dev host: event stream', () => {
  it('sends a health event first, then a job event after an enqueue, with heartbeats', async () => {
    stream = await openEvents(d.host.port, d.token);
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers['cache-control']).toBe('no-store');
    expectSecurityHeaders(stream.headers);
    const first = await stream.next(() => true);
    expect(first).toMatchObject({ type: 'health', health: { training: true } });
    expect(stream.events[0]).toBe(first);

    const answer = await postApi(
      d,
      'enroll.submit',
      JSON.stringify(encodeBytes(await submission('DEVHOST-SSE'))),
    );
    const { value } = answer.json() as { value: { jobId: string } };
    const job = await stream.next(
      (event) =>
        (event as KioskEvent).type === 'job' &&
        (event as { job: { jobId: string } }).job.jobId === value.jobId,
    );
    expect(job).toMatchObject({ type: 'job', job: { jobId: value.jobId, userId: 'DEVHOST-SSE' } });
    await waitFor(() => (stream!.comments.length > 0 ? true : undefined), 5_000, 'a heartbeat');
    expect(stream.comments[0]).toBe(': heartbeat');
  });

  it('lets a stream go without disturbing the others', async () => {
    const a = await openEvents(d.host.port, d.token);
    const b = await openEvents(d.host.port, d.token);
    await a.next(() => true);
    await b.next(() => true);
    a.close();
    await postApi(d, 'enroll.submit', JSON.stringify(encodeBytes(await submission('DEVHOST-SSE-2'))));
    const job = await b.next(
      (event) => (event as KioskEvent).type === 'job' && JSON.stringify(event).includes('DEVHOST-SSE-2'),
    );
    expect(job).toMatchObject({ type: 'job', job: { userId: 'DEVHOST-SSE-2' } });
    b.close();
  });
});

describe('renderer HTTP bridge (createHttpKiosk) against the dev host', () => {
  it('calls every kind of method, with bytes, and throws KioskError for error envelopes', async () => {
    const kiosk = createHttpKiosk({ baseUrl: d.origin, token: d.token });
    const health = await kiosk.getHealth({});
    expect(health.training).toBe(true);
    const check = await kiosk.checkUserId({ userId: 'BRIDGE-1' });
    expect(check).toEqual({ userId: 'BRIDGE-1', problem: null, duplicate: null, blocked: false });
    const saved = await kiosk.submitEnrollment(await submission('BRIDGE-1'));
    expect(saved.state).toBe('queued');
    const signedIn = await kiosk.verifyPin({ operatorId: 'supervisor', pin: OPERATOR_PIN });
    if (!signedIn.valid) throw new Error('the operator PIN was refused');
    const queue = await kiosk.getQueue({ grant: signedIn.grant.token });
    expect(queue.jobs.map((job) => job.jobId)).toContain(saved.jobId);
    expect((await kiosk.checkUserId({ userId: 'BRIDGE-1' })).duplicate).not.toBeNull();

    const failure = await kiosk.submitEnrollment(await submission('ab')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KioskError);
    expect(failure).toMatchObject({ code: 'invalid_user_id', name: 'KioskError' });
    expect((failure as KioskError).action).not.toBe('');
  });

  it('reports a wrong token as unauthorized and an unreachable host as internal', async () => {
    const wrong = createHttpKiosk({ baseUrl: d.origin, token: 'not-the-token-at-all' });
    await expect(wrong.getHealth({})).rejects.toMatchObject({ code: 'unauthorized' });
    const gone = createHttpKiosk({ baseUrl: 'http://127.0.0.1:1', token: d.token });
    const error = await gone.getHealth({}).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(KioskError);
    expect(error).toMatchObject({ code: 'internal' });
  });

  it('onEvent delivers health first, then job events, and stops after unsubscribe', async () => {
    const kiosk = createHttpKiosk({ baseUrl: `${d.origin}/`, token: d.token });
    const events: KioskEvent[] = [];
    const unsubscribe = kiosk.onEvent((event) => events.push(event));
    try {
      await waitFor(() => events[0], 10_000, 'the first event');
      expect(events[0]?.type).toBe('health');
      const saved = await kiosk.submitEnrollment(await submission('BRIDGE-SSE'));
      await waitFor(
        () => events.find((event) => event.type === 'job' && event.job.jobId === saved.jobId),
        10_000,
        'the job event',
      );
    } finally {
      unsubscribe();
    }
    const count = events.length;
    await kiosk.submitEnrollment(await submission('BRIDGE-SSE-AFTER'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(events.length).toBe(count);
  });

  it('reconnects when the stream ends', async () => {
    let connections = 0;
    const fetchWithOneShortStream: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/api/events') && ++connections === 1) {
        return new Response('data: {"type":"job_removed","jobId":"j-1"}\n\n', {
          status: 200,
          headers: { 'Content-Type': 'text/event-stream' },
        });
      }
      return fetch(input, init);
    };
    const kiosk = createHttpKiosk({
      baseUrl: d.origin,
      token: d.token,
      fetch: fetchWithOneShortStream,
      reconnectDelaysMs: [10],
    });
    const events: KioskEvent[] = [];
    const unsubscribe = kiosk.onEvent((event) => events.push(event));
    try {
      await waitFor(
        () => events.find((event) => event.type === 'health'),
        10_000,
        'health after reconnecting',
      );
      expect(events[0]).toEqual({ type: 'job_removed', jobId: 'j-1' });
      expect(connections).toBe(2);
    } finally {
      unsubscribe();
    }
  });

  it('parses SSE split anywhere, CRLF line ends, multi-line data and comments', () => {
    const seen: string[] = [];
    const parse = sseParser((data) => seen.push(data));
    const text = ': hi\r\ndata: {"a":\r\ndata: 1}\r\n\r\nevent: x\ndata:2\n\n: heartbeat\n\n';
    for (const char of text) parse(char);
    expect(seen).toEqual(['{"a":\n1}', '2']);
  });
});

describe('startDevHostFromEnv', () => {
  let sim: RunningSimulator | undefined;
  let running: RunningDevHostFromEnv | undefined;
  let cleanup: string[] = [];

  afterEach(async () => {
    await running?.close();
    await sim?.close();
    running = undefined;
    sim = undefined;
    for (const folder of cleanup) await rm(folder, { recursive: true, force: true });
    cleanup = [];
  });

  it('provisions from SMILEID_* variables and sends to that Smile ID (an in-process simulator)', async () => {
    sim = await startSimulator({ port: 0, partnerId: PARTNER_ID, apiKey: API_KEY, seed: 11 });
    const renderer = await makeFakeRenderer();
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-devhost-data-'));
    cleanup.push(renderer.root, dataDir);
    running = await startDevHostFromEnv(
      {
        PORT: '0',
        KIOSK_DATA_DIR: dataDir,
        SMILEID_BASE_URL: sim.url,
        SMILEID_PARTNER_ID: PARTNER_ID,
        SMILEID_API_KEY: API_KEY,
        KIOSK_OPERATOR_PIN: '246810',
      },
      { staticDir: renderer.staticDir, log: silentLogger, outbox: FAST_TIMINGS },
    );
    expect(running.url).toBe(`http://127.0.0.1:${running.port}/`);
    expect(running.openUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{32}$/);
    expect(running.openUrl).toBe(`${running.url}#token=${running.token}`);
    expect(running.dataDir).toBe(dataDir);

    const kiosk = createHttpKiosk({ baseUrl: running.url, token: running.token });
    const settings = await kiosk.getSettings({});
    expect(settings).toMatchObject({
      environment: 'custom',
      customApiUrl: sim.apiUrl,
      partnerId: PARTNER_ID,
      apiKeySet: true,
      pinSet: true,
      configured: true,
    });
    expect(JSON.stringify(settings)).not.toContain(API_KEY);
    expect(describeEnvironment(settings)).toBe(`Smile ID environment: custom (${sim.apiUrl})`);

    const shift = await kiosk.signIn({ operatorId: 'supervisor', pin: '246810' });
    if (!shift.valid) throw new Error('the provisioned PIN was refused');
    const saved = await kiosk.submitEnrollment(await submission('ENV-1', shift.grant.token));
    await waitFor(
      () => (running!.core.outbox.get(saved.jobId)?.state === 'approved' ? true : undefined),
      20_000,
      'approved by the simulator',
    );
    expect(sim.jobs()).toHaveLength(1);
  });

  it('starts in training mode without provisioning and says so', async () => {
    const renderer = await makeFakeRenderer();
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-devhost-data-'));
    cleanup.push(renderer.root, dataDir);
    running = await startDevHostFromEnv(
      { KIOSK_DATA_DIR: dataDir },
      { staticDir: renderer.staticDir, log: silentLogger, port: 0, token: 'a-fixed-token-for-this-test' },
    );
    const kiosk = createHttpKiosk({ baseUrl: running.url, token: 'a-fixed-token-for-this-test' });
    const settings = await kiosk.getSettings({});
    expect(settings).toMatchObject({ environment: 'training', configured: true });
    expect(describeEnvironment(settings)).toBe('Training mode — nothing is sent to Smile ID');
  });

  it('refuses to start without a built renderer, naming the build command', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-devhost-data-'));
    cleanup.push(dataDir);
    const error = await startDevHostFromEnv(
      { KIOSK_DATA_DIR: dataDir, PORT: '0' },
      { staticDir: path.join(dataDir, 'nothing-here'), log: silentLogger },
    ).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(DevHostStartError);
    expect((error as Error).message).toContain('npm run build:renderer');
  });

  it('reads PORT: default 5180, 0 for any, refuses garbage', () => {
    expect(parsePort(undefined)).toBe(5180);
    expect(parsePort('')).toBe(5180);
    expect(parsePort('0')).toBe(0);
    expect(parsePort('8080')).toBe(8080);
    expect(() => parsePort('http')).toThrow(DevHostStartError);
    expect(() => parsePort('70000')).toThrow(DevHostStartError);
  });
});

describe('npm run start:web (main/devhost/cli.ts)', () => {
  // The CLI serves <repo>/dist/renderer; a copy of the sources in a temp folder gets a build (or none) of its
  // own, so the test neither needs nor disturbs the real build.
  let copy: string;
  let dataDir: string;

  beforeAll(async () => {
    copy = await mkdtemp(path.join(os.tmpdir(), 'kiosk-devhost-cli-'));
    for (const item of ['app', 'main', 'package.json']) {
      await cp(path.join(REPO_ROOT, item), path.join(copy, item), { recursive: true });
    }
    await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  afterAll(async () => {
    await rm(copy, { recursive: true, force: true });
  });

  function runCli() {
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(process.env)) {
      if (value !== undefined && !/^(SMILEID_|KIOSK_|PORT$)/.test(name)) env[name] = value;
    }
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(copy, 'main/devhost/cli.ts')], {
      cwd: copy,
      env: { ...env, PORT: '0', KIOSK_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = { stdout: '', stderr: '' };
    child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, output, exited };
  }

  it('refuses to start without a renderer build, naming the command', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-devhost-cli-data-'));
    await rm(path.join(copy, 'dist'), { recursive: true, force: true });
    const { output, exited } = runCli();
    expect(await exited).toBe(1);
    expect(output.stderr).toContain('npm run build:renderer');
    expect(output.stdout).toBe('');
  });

  it('prints the address line and the mode, serves, and exits 0 on SIGTERM', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-devhost-cli-data-'));
    await mkdir(path.join(copy, 'dist', 'renderer'), { recursive: true });
    await writeFile(path.join(copy, 'dist', 'renderer', 'index.html'), INDEX_HTML);
    const { child, output, exited } = runCli();
    try {
      await waitFor(() => (output.stdout.split('\n').length >= 3 ? true : undefined), 20_000, 'the banner');
      const [line, mode, rest] = output.stdout.split('\n');
      expect(line).toMatch(
        /^Selfie kiosk \(dev host\) on http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{32}$/,
      );
      expect(mode).toBe('Training mode — nothing is sent to Smile ID');
      expect(rest).toBe('');
      const [base, token] = line!.replace('Selfie kiosk (dev host) on ', '').split('#token=');
      const kiosk = createHttpKiosk({ baseUrl: base!, token: token! });
      expect((await kiosk.getSettings({})).environment).toBe('training');
      const page = await fetch(base!);
      expect(await page.text()).toBe(INDEX_HTML);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
