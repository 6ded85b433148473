// The official Node SDK (smile-identity-core, used as a library) against our simulator and beside our client:
// the simulator must process what the SDK sends, and our prep_upload body must carry every field the SDK's
// does, with the same JSON types.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import smileIdentityCore from 'smile-identity-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SmileIdClient } from '../../main/smileid/client';
import { startSimulator } from '../../main/smileid/simulator/server';
import type { RunningSimulator } from '../../main/smileid/simulator/server';
import { makeCapture } from '../support/fixture-images';
import { redirectOfficialSdkTo } from '../support/official-sdk';
import type { CaptureJpegs } from '../support/fixture-images';
import { DEVELOPMENT_ENDPOINT_POLICY } from '../../app/smileid/endpoint-policy';

const { WebApi } = smileIdentityCore;

const PARTNER_ID = '085';
const API_KEY = 'interop-test-api-key';
const CALLBACK_URL = 'https://kiosk.example.test/smile-callback';

let sim: RunningSimulator;
let capture: CaptureJpegs;
let stopRedirect: () => void;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, partnerId: PARTNER_ID, apiKey: API_KEY, seed: 7 });
  capture = makeCapture();
  stopRedirect = redirectOfficialSdkTo(sim.url);
});

afterAll(async () => {
  stopRedirect();
  await sim.close();
});

beforeEach(() => {
  sim.reset();
});

function sdkImages(jpegs: CaptureJpegs): { image_type_id: number; image: string }[] {
  return [
    { image_type_id: 2, image: Buffer.from(jpegs.selfie).toString('base64') },
    ...jpegs.liveness.map((jpeg) => ({ image_type_id: 6, image: Buffer.from(jpeg).toString('base64') })),
  ];
}

function sdkFor(apiUrl: string, callbackUrl?: string): InstanceType<typeof WebApi> {
  const webApi = new WebApi(PARTNER_ID, callbackUrl, API_KEY, 0);
  // The constructor forces https://; the property is what every call reads.
  webApi.url = apiUrl;
  return webApi;
}

interface SdkJobStatus {
  job_complete: boolean;
  job_success: boolean;
  result: { ResultCode: string; PartnerParams: Record<string, string> };
}

describe('smile-identity-core against the simulator', () => {
  it('submit_job (job_type 4, base64 types 2 and 6) is processed and answered 0840', async () => {
    const webApi = sdkFor(sim.apiUrl);
    const ids = { user_id: 'sdk-user-1', job_id: 'sdk-job-1' };
    const status = (await webApi.submit_job(
      { ...ids, job_type: 4 },
      sdkImages(capture),
      { entered: false },
      { return_job_status: true },
    )) as SdkJobStatus;

    expect(status.job_complete).toBe(true);
    expect(status.job_success).toBe(true);
    expect(status.result.ResultCode).toBe('0840');
    expect(status.result.PartnerParams).toMatchObject({ ...ids, job_type: '4' });

    const job = sim.jobs().find((candidate) => candidate.jobId === ids.job_id)!;
    expect(job).toMatchObject({
      userId: ids.user_id,
      prepUploads: 1,
      puts: 1,
      acceptedZips: 1,
      state: 'complete',
      result: { resultCode: '0840', outcome: 'approved' },
      zipProblem: null,
    });
    expect(job.images).toEqual([
      { imageTypeId: 2, bytes: capture.selfie.length },
      ...capture.liveness.map((jpeg) => ({ imageTypeId: 6, bytes: jpeg.length })),
    ]);
  });
});

describe('our prep_upload body is a superset of the official SDK one', () => {
  it('has every top-level and partner_params key the SDK sends, with the same JSON types', async () => {
    const bodies: unknown[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        if (req.method === 'POST' && req.url === '/v1/upload') {
          bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        }
        const body = JSON.stringify({ code: '2213', error: 'x' });
        res.writeHead(400, { 'Content-Type': 'application/json', 'Content-Length': String(body.length) });
        res.end(body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const extras = { kiosk_id: 'KIOSK-07', branch: 'B-012', operator: 'op-3' };
    try {
      const webApi = sdkFor(`http://127.0.0.1:${port}/v1`, CALLBACK_URL);
      await expect(
        webApi.submit_job(
          { user_id: 'u-1', job_id: 'j-1', job_type: 4, ...extras },
          sdkImages(capture),
          { entered: false },
          { return_job_status: true },
        ),
      ).rejects.toThrow();
    } finally {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }

    expect(bodies).toHaveLength(1);
    const official = bodies[0] as Record<string, unknown>;
    const client = new SmileIdClient(
      { partnerId: PARTNER_ID, apiKey: API_KEY, apiUrl: sim.apiUrl },
      { endpoints: DEVELOPMENT_ENDPOINT_POLICY },
    );
    const ours = client.buildPrepUploadRequest({
      userId: 'u-1',
      jobId: 'j-1',
      extraPartnerParams: extras,
      callbackUrl: CALLBACK_URL,
      retry: false,
    }) as unknown as Record<string, unknown>;

    expect(Object.keys(official).length).toBeGreaterThan(5);
    for (const key of Object.keys(official)) {
      expect(ours, `our prep_upload lacks "${key}"`).toHaveProperty([key]);
      expect(jsonType(ours[key]), `type of "${key}"`).toBe(jsonType(official[key]));
    }

    const officialParams = official.partner_params as Record<string, unknown>;
    const ourParams = ours.partner_params as Record<string, unknown>;
    expect(Object.keys(officialParams).sort()).toEqual(
      ['user_id', 'job_id', 'job_type', ...Object.keys(extras)].sort(),
    );
    for (const key of Object.keys(officialParams)) {
      expect(ourParams, `our partner_params lack "${key}"`).toHaveProperty([key]);
      expect(jsonType(ourParams[key]), `type of partner_params.${key}`).toBe(jsonType(officialParams[key]));
    }
    expect(officialParams.job_type).toBe(4);
    expect(ourParams.job_type).toBe(4);
    // Values that do not depend on who sends them agree too.
    for (const key of ['file_name', 'smile_client_id', 'callback_url', 'use_enrolled_image', 'entered']) {
      expect(ours[key], key).toEqual(official[key]);
    }
    expect(ours.model_parameters).toEqual(official.model_parameters);
  });
});

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
