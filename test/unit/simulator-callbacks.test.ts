// The simulator's prep_upload metadata rules (the geolocation entry Smile ID's SDKs send) and its callbacks: the
// signed job_status body posted to the prep_upload's callback_url when a result is ready, retried on failure,
// and posted only to loopback. Never asserts timings.
import { Agent } from 'node:http';
import axios from 'axios';
import { afterEach, describe, expect, it } from 'vitest';
import { signRequest, verifySignature } from '../../main/smileid/signature';
import {
  startSimulator,
  type RunningSimulator,
  type SimulatorOptions,
} from '../../main/smileid/simulator/server';
import { callbackTargetProblem } from '../../main/smileid/simulator/callback-delivery';
import { parseCliArgs } from '../../main/smileid/simulator/cli-args';
import { buildUploadZip } from '../../main/smileid/upload-package';
import { startBankCallbackServer, type BankCallbackServer } from '../support/bank-callback-server';
import { makeCapture } from '../support/fixture-images';
import { waitFor } from '../support/outbox-harness';

const PARTNER_ID = '085';
const API_KEY = 'test-api-key';
const http = axios.create({ validateStatus: () => true, httpAgent: new Agent({ keepAlive: false }) });

const GEOLOCATION = {
  name: 'geolocation',
  value: { latitude: -1.2921, longitude: 36.8219, accuracy: 'approximate', source: 'unknown' },
  timestamp: '2026-11-30T09:15:00.000Z',
};

let sim: RunningSimulator | undefined;
let bank: BankCallbackServer | undefined;
let counter = 0;

afterEach(async () => {
  await sim?.close();
  await bank?.close();
  sim = undefined;
  bank = undefined;
});

async function simulator(options: Partial<SimulatorOptions>): Promise<RunningSimulator> {
  sim = await startSimulator({ partnerId: PARTNER_ID, apiKey: API_KEY, ...options });
  return sim;
}

function ids(prefix = 'cb') {
  counter += 1;
  return { userId: `${prefix}-user-${counter}`, jobId: `${prefix}-job-${counter}` };
}

function prepBody(job: { userId: string; jobId: string }, extra: Record<string, unknown> = {}) {
  return {
    source_sdk: 'rest_api',
    source_sdk_version: '1.0.0',
    file_name: 'selfie.zip',
    smile_client_id: PARTNER_ID,
    partner_params: { user_id: job.userId, job_id: job.jobId, job_type: 4, geo_place: 'Nairobi' },
    model_parameters: {},
    ...signRequest(API_KEY, PARTNER_ID),
    ...extra,
  };
}

async function prep(target: RunningSimulator, body: unknown) {
  return http.post<{ code: string; upload_url: string; error?: string }>(`${target.apiUrl}/upload`, body);
}

/** prep_upload with `extra`, then the PUT of a real zip; the job is then processing at the simulator. */
async function upload(target: RunningSimulator, job: { userId: string; jobId: string }, extra = {}) {
  const prepared = await prep(target, prepBody(job, extra));
  expect(prepared.status).toBe(200);
  const capture = makeCapture();
  const zip = await buildUploadZip({
    images: capture,
    partnerId: PARTNER_ID,
    partnerParams: { user_id: job.userId, job_id: job.jobId, job_type: 4 },
    signed: signRequest(API_KEY, PARTNER_ID),
  });
  const answer = await http.put(prepared.data.upload_url, Buffer.from(zip), {
    headers: { 'Content-Type': 'application/zip' },
  });
  expect(answer.status).toBe(200);
}

/** The simulator notes a delivery once the bank's answer is in, a moment after the bank has the body. */
function deliveredTo(target: RunningSimulator, jobId: string, count: number) {
  return waitFor(
    () => {
      const job = viewOf(target, jobId);
      return job.callbacks.delivered.length >= count ? job : undefined;
    },
    10_000,
    `${count} callbacks delivered`,
  );
}

function viewOf(target: RunningSimulator, jobId: string) {
  const job = target.jobs().find((candidate) => candidate.jobId === jobId);
  if (!job) throw new Error(`no job ${jobId} at the simulator`);
  return job;
}

describe('simulator: prep_upload metadata', () => {
  it('accepts the geolocation entry and shows it, with any other entry, per job', async () => {
    const target = await simulator({});
    const job = ids('meta');
    const other = { name: 'sdk', value: 'rest_api', timestamp: '2026-11-30T09:15:00.000Z' };
    const answer = await prep(target, prepBody(job, { metadata: [GEOLOCATION, other] }));
    expect(answer.status).toBe(200);
    expect(viewOf(target, job.jobId).metadata).toEqual([GEOLOCATION, other]);
  });

  it.each([
    ['a latitude beyond 90°', { ...GEOLOCATION.value, latitude: 91 }, '2204'],
    ['a longitude given as text', { ...GEOLOCATION.value, longitude: '36.8' }, '2204'],
    ['an accuracy outside Smile ID’s words', { ...GEOLOCATION.value, accuracy: 'about 50 m' }, '2204'],
    ['a source outside Smile ID’s words', { ...GEOLOCATION.value, source: 'typed in' }, '2204'],
    ['no longitude', { latitude: 1, accuracy: 'precise', source: 'gps' }, '2213'],
    ['no value at all', undefined, '2213'],
  ])('refuses a geolocation entry with %s (%s)', async (_what, value, code) => {
    const target = await simulator({});
    const job = ids('meta-bad');
    const answer = await prep(target, prepBody(job, { metadata: [{ ...GEOLOCATION, value }] }));
    expect(answer.status).toBe(400);
    expect(answer.data.code).toBe(code);
    expect(target.jobs()).toEqual([]);
  });

  it('refuses metadata that is not a list of { name, value, timestamp }', async () => {
    const target = await simulator({});
    for (const metadata of [{ geolocation: GEOLOCATION.value }, [{ ...GEOLOCATION, timestamp: 'today' }]]) {
      const answer = await prep(target, prepBody(ids('meta-shape'), { metadata }));
      expect(answer.status).toBe(400);
      expect(answer.data.code).toBe('2204');
    }
  });
});

describe('simulator: callbacks', () => {
  it('posts the signed job_status body to the callback URL once the result is ready', async () => {
    bank = await startBankCallbackServer();
    const target = await simulator({ processingDelayMs: 30 });
    const job = ids();
    await upload(target, job, { callback_url: bank.url });
    const [body] = (await bank.waitForAccepted(1)) as Record<string, unknown>[];
    expect(body).toMatchObject({
      job_complete: true,
      job_success: true,
      code: '2302',
      result: {
        ResultCode: '0840',
        PartnerParams: { user_id: job.userId, job_id: job.jobId, job_type: '4', geo_place: 'Nairobi' },
      },
    });
    expect(verifySignature(API_KEY, PARTNER_ID, String(body?.timestamp), String(body?.signature))).toBe(true);
    // Nobody asked job_status: the result went out on its own.
    expect(await deliveredTo(target, job.jobId, 1)).toMatchObject({
      jobStatusCalls: 0,
      callbackUrl: bank.url,
      callbacks: { attempts: 1, delivered: ['0840'], lastProblem: null },
    });
  });

  it('tries a refused callback again after each retry delay, until the bank takes it', async () => {
    bank = await startBankCallbackServer({ refuseFirst: 2 });
    const target = await simulator({ callbackRetryDelaysMs: [10, 10, 10] });
    const job = ids();
    await upload(target, job, { callback_url: bank.url });
    await bank.waitForAccepted(1);
    expect(bank.posts()).toBe(3);
    expect((await deliveredTo(target, job.jobId, 1)).callbacks).toEqual({
      attempts: 3,
      delivered: ['0840'],
      lastProblem: null,
    });
  });

  it('gives up after the last retry and says why', async () => {
    bank = await startBankCallbackServer({ refuseFirst: 100 });
    const target = await simulator({ callbackRetryDelaysMs: [5] });
    const job = ids();
    await upload(target, job, { callback_url: bank.url });
    const callbacks = await waitFor(
      () => {
        const seen = viewOf(target, job.jobId).callbacks;
        return seen.attempts === 2 && seen.lastProblem !== null ? seen : undefined;
      },
      10_000,
      'two refused callbacks',
    );
    expect(callbacks).toEqual({ attempts: 2, delivered: [], lastProblem: 'HTTP 500' });
  });

  it('posts a provisional result, then the final one after the human review', async () => {
    bank = await startBankCallbackServer();
    const target = await simulator({
      outcomes: [{ pattern: '^review', resultCode: '0842' }],
      provisionalResolveMs: 40,
    });
    const job = ids('review');
    await upload(target, job, { callback_url: bank.url });
    const bodies = (await bank.waitForAccepted(2)) as { result: { ResultCode: string } }[];
    expect(bodies.map((body) => body.result.ResultCode)).toEqual(['0842', '1240']);
    expect((await deliveredTo(target, job.jobId, 2)).callbacks.delivered).toEqual(['0842', '1240']);
  });

  it('never posts off loopback: the callback is recorded, not sent', async () => {
    const target = await simulator({});
    const job = ids();
    await upload(target, job, { callback_url: 'https://bank.example/smileid/callback' });
    const callbacks = await waitFor(
      () => viewOf(target, job.jobId).callbacks.lastProblem ?? undefined,
      10_000,
      'the refusal to post off loopback',
    );
    expect(callbacks).toMatch(/not on loopback/);
    expect(viewOf(target, job.jobId).callbacks.attempts).toBe(0);
    expect(callbackTargetProblem('http://127.0.0.1:9/cb')).toBeNull();
    expect(callbackTargetProblem('http://[::1]:9/cb')).toBeNull();
    expect(callbackTargetProblem('http://10.0.0.8/cb')).toMatch(/loopback/);
    expect(callbackTargetProblem('ftp://127.0.0.1/cb')).toMatch(/http/);
  });

  it('posts nothing for a job without a callback URL', async () => {
    bank = await startBankCallbackServer();
    const target = await simulator({});
    const job = ids();
    await upload(target, job);
    expect(viewOf(target, job.jobId)).toMatchObject({
      state: 'complete',
      callbackUrl: null,
      callbacks: { attempts: 0, delivered: [], lastProblem: null },
    });
    expect(bank.posts()).toBe(0);
  });
});

describe('simulator CLI: callback retries', () => {
  it('takes one --callback-retry-ms per retry, and refuses a value that is not a number', () => {
    const base = ['--partner-id', '085', '--api-key', 'k'];
    expect(parseCliArgs([...base, '--callback-retry-ms', '10', '--callback-retry-ms', '250'])).toEqual({
      kind: 'run',
      options: { partnerId: '085', apiKey: 'k', callbackRetryDelaysMs: [10, 250] },
    });
    expect(parseCliArgs([...base, '--callback-retry-ms', 'soon'])).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('--callback-retry-ms') as unknown,
    });
  });
});
