// The local Smile ID simulator, one test per rule: request validation, the upload URL, zip inspection,
// results, seeded faults, the control routes and the CLI. Never asserts timings.
import { spawn } from 'node:child_process';
import { Agent } from 'node:http';
import axios from 'axios';
import type { AxiosResponse } from 'axios';
import JSZip from 'jszip';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signRequest, verifySignature } from '../../main/smileid/signature';
import { startSimulator } from '../../main/smileid/simulator/server';
import type { RunningSimulator, SimulatorOptions } from '../../main/smileid/simulator/server';

const PARTNER_ID = '085';
const API_KEY = 'test-api-key';

// keepAlive off: a socket destroyed by one fault test must never be reused by the next request.
const http = axios.create({ validateStatus: () => true, httpAgent: new Agent({ keepAlive: false }) });

/** Not decodable, but it has JPEG's SOI + APP0 start and EOI end, which is all the simulator checks. */
const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
  0x00, 0x00, 0xff, 0xd9,
]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let idCounter = 0;
function freshIds(userPrefix = 'user'): { userId: string; jobId: string } {
  idCounter += 1;
  return { userId: `${userPrefix}-${idCounter}`, jobId: `job-${idCounter}` };
}

interface PrepInput {
  userId: string;
  jobId: string;
  retry?: boolean;
  allowNewEnroll?: boolean;
  at?: Date;
}

function prepBody(input: PrepInput): Record<string, unknown> {
  const { timestamp, signature } = signRequest(API_KEY, PARTNER_ID, input.at);
  return {
    source_sdk: 'rest_api',
    source_sdk_version: '1.0.0',
    file_name: 'selfie.zip',
    smile_client_id: PARTNER_ID,
    partner_params: { user_id: input.userId, job_id: input.jobId, job_type: 4, branch: 'B01' },
    model_parameters: {},
    signature,
    timestamp,
    use_enrolled_image: false,
    ...(input.retry === undefined ? {} : { retry: input.retry }),
    ...(input.allowNewEnroll === undefined ? {} : { allow_new_enroll: input.allowNewEnroll }),
  };
}

interface PrepAnswer {
  code: string;
  error?: string;
  upload_url: string;
  smile_job_id: string;
  ref_id: string;
  camera_config: unknown;
}

function prep(sim: RunningSimulator, body: unknown): Promise<AxiosResponse<PrepAnswer>> {
  return http.post<PrepAnswer>(`${sim.apiUrl}/upload`, body);
}

async function prepOk(sim: RunningSimulator, input: PrepInput): Promise<PrepAnswer> {
  const answer = await prep(sim, prepBody(input));
  expect(answer.status).toBe(200);
  return answer.data;
}

interface ZipImage {
  image_type_id: number;
  file_name?: string;
  image?: string;
}

/** A zip as the kiosk builds it: info.json plus one entry per file-type image. */
async function buildZip(
  images: ZipImage[],
  files: Record<string, Buffer> = {},
  info: unknown = { package_information: {}, id_info: { entered: 'false' }, images },
): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('info.json', JSON.stringify(info));
  for (const [name, bytes] of Object.entries(files)) zip.file(name, bytes);
  return zip.generateAsync({ type: 'nodebuffer' });
}

function validZip(): Promise<Buffer> {
  return buildZip(
    [
      { image_type_id: 0, file_name: 'selfie.jpg' },
      { image_type_id: 4, file_name: 'liveness-1.jpg' },
    ],
    { 'selfie.jpg': JPEG, 'liveness-1.jpg': JPEG },
  );
}

function put(url: string, zip: Buffer, contentType = 'application/zip'): Promise<AxiosResponse<string>> {
  return http.put<string>(url, zip, { headers: { 'Content-Type': contentType }, responseType: 'text' });
}

interface StatusAnswer {
  timestamp: string;
  signature: string;
  job_complete: boolean;
  job_success: boolean;
  code: string;
  result: string | Record<string, unknown>;
  history: unknown;
  image_links: unknown;
}

function jobStatus(
  sim: RunningSimulator,
  ids: { userId: string; jobId: string },
  at?: Date,
): Promise<AxiosResponse<StatusAnswer>> {
  const { timestamp, signature } = signRequest(API_KEY, PARTNER_ID, at);
  return http.post<StatusAnswer>(`${sim.apiUrl}/job_status`, {
    partner_id: PARTNER_ID,
    user_id: ids.userId,
    job_id: ids.jobId,
    signature,
    timestamp,
    image_links: false,
    history: false,
  });
}

/** prep_upload + PUT of a valid zip; returns the final job_status answer. */
async function enroll(sim: RunningSimulator, ids: { userId: string; jobId: string }): Promise<StatusAnswer> {
  const prepared = await prepOk(sim, ids);
  expect((await put(prepared.upload_url, await validZip())).status).toBe(200);
  const status = await jobStatus(sim, ids);
  expect(status.status).toBe(200);
  return status.data;
}

function resultOf(answer: StatusAnswer): Record<string, unknown> {
  expect(typeof answer.result).toBe('object');
  return answer.result as Record<string, unknown>;
}

function jobView(sim: RunningSimulator, jobId: string): ReturnType<RunningSimulator['jobs']>[number] {
  const job = sim.jobs().find((candidate) => candidate.jobId === jobId);
  if (!job) throw new Error(`job ${jobId} not in the simulator`);
  return job;
}

async function withSimulator(
  options: Partial<SimulatorOptions>,
  run: (sim: RunningSimulator) => Promise<void>,
): Promise<void> {
  const sim = await startSimulator({ partnerId: PARTNER_ID, apiKey: API_KEY, ...options });
  try {
    await run(sim);
  } finally {
    await sim.close();
  }
}

describe('Smile ID simulator', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, partnerId: PARTNER_ID, apiKey: API_KEY, seed: 1 });
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(() => {
    sim.reset();
  });

  describe('prep_upload', () => {
    it('answers a valid request with a presigned URL on 127.0.0.1', async () => {
      const answer = await prep(sim, prepBody(freshIds()));
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('application/json');
      expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(sim.apiUrl).toBe(`${sim.url}/v1`);
      expect(answer.data).toMatchObject({ code: '2202', smile_job_id: '0000000001', camera_config: null });
      expect(answer.data.upload_url).toMatch(
        new RegExp(`^${sim.url}/uploads/${answer.data.ref_id}/selfie\\.zip\\?Expires=\\d+&.*Signature=`),
      );
    });

    it('refuses a bad signature with 2205 / 401', async () => {
      const body = { ...prepBody(freshIds()), signature: signRequest('wrong-key', PARTNER_ID).signature };
      const answer = await prep(sim, body);
      expect(answer.status).toBe(401);
      expect(answer.data.code).toBe('2205');
    });

    it('refuses a stale timestamp with 2205', async () => {
      const answer = await prep(sim, prepBody({ ...freshIds(), at: new Date(Date.now() - 10 * 60_000) }));
      expect(answer.status).toBe(401);
      expect(answer.data.code).toBe('2205');
    });

    it('refuses an unparsable timestamp and another partner id with 2205', async () => {
      const badTime = { ...prepBody(freshIds()), timestamp: 'yesterday' };
      expect((await prep(sim, badTime)).data.code).toBe('2205');
      const otherPartner = { ...prepBody(freshIds()), smile_client_id: '85' };
      expect((await prep(sim, otherPartner)).data.code).toBe('2205');
    });

    it('refuses a body that is not JSON with 2213', async () => {
      const answer = await http.post<PrepAnswer>(`${sim.apiUrl}/upload`, 'not json', {
        headers: { 'Content-Type': 'application/json' },
        transformRequest: [(data: unknown) => data],
      });
      expect(answer.status).toBe(400);
      expect(answer.data.code).toBe('2213');
    });

    it('refuses a missing required field with 2213', async () => {
      const { source_sdk: _dropped, ...body } = prepBody(freshIds());
      const answer = await prep(sim, body);
      expect(answer.status).toBe(400);
      expect(answer.data).toMatchObject({ code: '2213' });
      expect(answer.data.error).toContain('source_sdk');
    });

    it('refuses job_type as a string with 2204', async () => {
      const ids = freshIds();
      const body = prepBody(ids);
      body['partner_params'] = { user_id: ids.userId, job_id: ids.jobId, job_type: '4' };
      const answer = await prep(sim, body);
      expect(answer.status).toBe(400);
      expect(answer.data.code).toBe('2204');
    });

    it('refuses a numeric user_id and a non-string custom partner param with 2204', async () => {
      const ids = freshIds();
      const numericUser = prepBody(ids);
      numericUser['partner_params'] = { user_id: 12, job_id: ids.jobId, job_type: 4 };
      expect((await prep(sim, numericUser)).data.code).toBe('2204');
      const numericCustom = prepBody(ids);
      numericCustom['partner_params'] = { user_id: ids.userId, job_id: ids.jobId, job_type: 4, branch: 7 };
      expect((await prep(sim, numericCustom)).data.code).toBe('2204');
    });

    it('refuses job_type 1 with 2212', async () => {
      const ids = freshIds();
      const body = prepBody(ids);
      body['partner_params'] = { user_id: ids.userId, job_id: ids.jobId, job_type: 1 };
      const answer = await prep(sim, body);
      expect(answer.status).toBe(400);
      expect(answer.data.code).toBe('2212');
    });

    it('answers 2215 for a reused job_id, and re-prepares it with retry:true', async () => {
      const ids = freshIds();
      const first = await prepOk(sim, ids);
      const again = await prep(sim, prepBody(ids));
      expect(again.status).toBe(400);
      expect(again.data).toEqual({
        code: '2215',
        error: 'Job already exists. Did you mean to set the retry flag to true?',
      });
      const retried = await prepOk(sim, { ...ids, retry: true });
      expect(retried.smile_job_id).toBe(first.smile_job_id);
      expect(retried.upload_url).not.toBe(first.upload_url);
      expect(jobView(sim, ids.jobId)).toMatchObject({ prepUploads: 3, prepUploadRetries: 1 });
    });

    it('accepts retry:true for an unknown job_id as a new job', async () => {
      const ids = freshIds();
      const answer = await prepOk(sim, { ...ids, retry: true });
      expect(answer.smile_job_id).toBe('0000000001');
      expect(jobView(sim, ids.jobId)).toMatchObject({
        prepUploads: 1,
        prepUploadRetries: 1,
        state: 'prepared',
      });
    });

    it('answers 2209 for an enrolled user_id unless allow_new_enroll is set', async () => {
      const first = freshIds();
      expect((await enroll(sim, first)).job_success).toBe(true);
      const second = { userId: first.userId, jobId: freshIds().jobId };
      const refused = await prep(sim, prepBody(second));
      expect(refused.status).toBe(400);
      expect(refused.data.code).toBe('2209');
      expect((await prep(sim, prepBody({ ...second, allowNewEnroll: true }))).status).toBe(200);
    });
  });

  describe('PUT upload_url', () => {
    it('accepts a zip with 200 and an empty body', async () => {
      const ids = freshIds();
      const prepared = await prepOk(sim, ids);
      const zip = await validZip();
      const answer = await put(prepared.upload_url, zip);
      expect(answer.status).toBe(200);
      expect(answer.data).toBe('');
      expect(jobView(sim, ids.jobId)).toMatchObject({ puts: 1, acceptedZips: 1, zipBytes: zip.length });
    });

    it('refuses a Content-Type other than application/zip with 403', async () => {
      const ids = freshIds();
      const prepared = await prepOk(sim, ids);
      const answer = await put(prepared.upload_url, await validZip(), 'application/octet-stream');
      expect(answer.status).toBe(403);
      expect(jobView(sim, ids.jobId)).toMatchObject({ puts: 1, acceptedZips: 0, state: 'prepared' });
    });

    it('refuses an expired URL with 403 (TTL 0)', async () => {
      sim.configure({ uploadUrlTtlMs: 0 });
      const prepared = await prepOk(sim, freshIds());
      const answer = await put(prepared.upload_url, await validZip());
      expect(answer.status).toBe(403);
      expect(answer.data).toContain('expired');
    });

    it('refuses a URL issued already expired by the expiredUploadUrl fault', async () => {
      sim.configure({ expiredUploadUrl: 1 });
      const prepared = await prepOk(sim, freshIds());
      expect(Number(new URL(prepared.upload_url).searchParams.get('Expires')) * 1000).toBeLessThan(
        Date.now(),
      );
      expect((await put(prepared.upload_url, await validZip())).status).toBe(403);
    });

    it('refuses a URL whose Expires or Signature was altered', async () => {
      const prepared = await prepOk(sim, freshIds());
      const url = new URL(prepared.upload_url);
      url.searchParams.set('Expires', String(Number(url.searchParams.get('Expires')) + 3600));
      expect((await put(url.toString(), await validZip())).status).toBe(403);
    });

    it('counts a second PUT but does not process the job again', async () => {
      const ids = freshIds();
      const prepared = await prepOk(sim, ids);
      expect((await put(prepared.upload_url, await validZip())).status).toBe(200);
      const junk = await buildZip([{ image_type_id: 0, file_name: 'missing.jpg' }]);
      expect((await put(prepared.upload_url, junk)).status).toBe(200);
      expect(jobView(sim, ids.jobId)).toMatchObject({
        puts: 2,
        acceptedZips: 2,
        zipBytes: junk.length,
        result: { resultCode: '0840', outcome: 'approved' },
      });
    });
  });

  describe('zip inspection', () => {
    async function uploadAndStatus(zip: Buffer): Promise<StatusAnswer> {
      const ids = freshIds();
      const prepared = await prepOk(sim, ids);
      expect((await put(prepared.upload_url, zip)).status).toBe(200);
      return (await jobStatus(sim, ids)).data;
    }

    it('rejects a zip without info.json with 0903', async () => {
      const zip = new JSZip();
      zip.file('selfie.jpg', JPEG);
      const answer = await uploadAndStatus(await zip.generateAsync({ type: 'nodebuffer' }));
      expect(answer).toMatchObject({ job_complete: true, job_success: false });
      expect(resultOf(answer)['ResultCode']).toBe('0903');
    });

    it('rejects bytes that are not a zip, and an invalid info.json, with 0903', async () => {
      expect(resultOf(await uploadAndStatus(Buffer.from('plain text')))['ResultCode']).toBe('0903');
      const noImages = await buildZip([], {}, { images: [] });
      expect(resultOf(await uploadAndStatus(noImages))['ResultCode']).toBe('0903');
    });

    it('rejects an image named in info.json but missing from the zip with 0903', async () => {
      const zip = await buildZip(
        [
          { image_type_id: 0, file_name: 'selfie.jpg' },
          { image_type_id: 4, file_name: 'liveness-1.jpg' },
        ],
        { 'selfie.jpg': JPEG },
      );
      expect(resultOf(await uploadAndStatus(zip))['ResultCode']).toBe('0903');
    });

    it('rejects an image that is not a JPEG with 0001', async () => {
      const zip = await buildZip([{ image_type_id: 0, file_name: 'selfie.png' }], { 'selfie.png': PNG });
      const answer = await uploadAndStatus(zip);
      expect(answer).toMatchObject({ job_complete: true, job_success: false });
      expect(resultOf(answer)['ResultCode']).toBe('0001');
    });

    it('rejects a package without a selfie with 0001', async () => {
      const zip = await buildZip([{ image_type_id: 4, file_name: 'liveness-1.jpg' }], {
        'liveness-1.jpg': JPEG,
      });
      expect(resultOf(await uploadAndStatus(zip))['ResultCode']).toBe('0001');
    });

    it('accepts base64 images (types 2 and 6) and records their decoded sizes', async () => {
      const ids = freshIds();
      const prepared = await prepOk(sim, ids);
      const zip = await buildZip([
        { image_type_id: 2, image: JPEG.toString('base64'), file_name: '' },
        { image_type_id: 6, image: JPEG.toString('base64'), file_name: '' },
      ]);
      expect((await put(prepared.upload_url, zip)).status).toBe(200);
      expect(jobView(sim, ids.jobId).images).toEqual([
        { imageTypeId: 2, bytes: JPEG.length },
        { imageTypeId: 6, bytes: JPEG.length },
      ]);
      expect((await jobStatus(sim, ids)).data.job_success).toBe(true);
    });
  });

  describe('job_status', () => {
    it('is incomplete before the PUT and a signed complete result after', async () => {
      const ids = freshIds();
      const prepared = await prepOk(sim, ids);
      const before = await jobStatus(sim, ids);
      expect(before.status).toBe(200);
      expect(before.data).toMatchObject({
        job_complete: false,
        job_success: false,
        result: 'No zip uploaded',
        code: '2302',
      });
      expect(verifySignature(API_KEY, PARTNER_ID, before.data.timestamp, before.data.signature)).toBe(true);

      expect((await put(prepared.upload_url, await validZip())).status).toBe(200);
      const after = await jobStatus(sim, ids);
      expect(after.data).toMatchObject({
        job_complete: true,
        job_success: true,
        history: null,
        image_links: null,
      });
      expect(verifySignature(API_KEY, PARTNER_ID, after.data.timestamp, after.data.signature)).toBe(true);
      expect(resultOf(after.data)).toMatchObject({
        ResultCode: '0840',
        ResultText: 'Enrolled.',
        ResultType: 'SAIA',
        SmileJobID: prepared.smile_job_id,
        PartnerParams: { user_id: ids.userId, job_id: ids.jobId, job_type: '4', branch: 'B01' },
        ConfidenceValue: '99.0',
        IsFinalResult: 'true',
        IsMachineResult: 'true',
        Actions: { Liveness_Check: 'Passed', Register_Selfie: 'Approved', Selfie_Provided: 'Passed' },
      });
    });

    it('says "Processing" while the processing delay runs', async () => {
      sim.configure({ processingDelayMs: 60_000 });
      const ids = freshIds();
      const prepared = await prepOk(sim, ids);
      expect((await put(prepared.upload_url, await validZip())).status).toBe(200);
      expect((await jobStatus(sim, ids)).data).toMatchObject({ job_complete: false, result: 'Processing' });
      expect(jobView(sim, ids.jobId)).toMatchObject({ state: 'processing', result: null });
    });

    it('refuses unknown jobs, bad signatures and stale timestamps', async () => {
      const unknown = await jobStatus(sim, freshIds());
      expect(unknown.status).toBe(400);
      expect(unknown.data).toMatchObject({ code: '2213', error: 'job not found' });
      const ids = freshIds();
      await prepOk(sim, ids);
      const stale = await jobStatus(sim, ids, new Date(Date.now() - 10 * 60_000));
      expect(stale.status).toBe(401);
      expect(stale.data).toMatchObject({ code: '2205' });
      const badSignature = await http.post<{ code: string }>(`${sim.apiUrl}/job_status`, {
        partner_id: PARTNER_ID,
        user_id: ids.userId,
        job_id: ids.jobId,
        ...signRequest('wrong-key', PARTNER_ID),
      });
      expect(badSignature.data.code).toBe('2205');
      expect(jobView(sim, ids.jobId).jobStatusCalls).toBe(0);
    });

    it('gives each user_id the outcome its pattern selects', async () => {
      sim.configure({
        outcomes: [
          { pattern: '^rejected-', resultCode: '0841' },
          { pattern: '^poor-', resultCode: '0942' },
          { pattern: '^review-', resultCode: '0842' },
        ],
      });
      const rejected = await enroll(sim, freshIds('rejected'));
      expect(rejected).toMatchObject({ job_complete: true, job_success: false });
      expect(resultOf(rejected)).toMatchObject({ ResultCode: '0841', IsFinalResult: 'true' });

      const poor = await enroll(sim, freshIds('poor'));
      expect(resultOf(poor)).toMatchObject({
        ResultCode: '0942',
        ResultText: 'The photo quality was too poor.',
      });

      const provisional = await enroll(sim, freshIds('review'));
      expect(provisional).toMatchObject({ job_complete: true, job_success: false });
      const result = resultOf(provisional);
      expect(result).toMatchObject({ ResultCode: '0842', IsFinalResult: 'false' });
      expect(Object.values(result['Actions'] as Record<string, string>)).toContain('Under Review');

      expect(resultOf(await enroll(sim, freshIds('other')))['ResultCode']).toBe('0840');
    });

    it('turns a provisional result into 1240 after provisionalResolveMs and enrolls the user', async () => {
      sim.configure({ defaultResultCode: '0842', provisionalResolveMs: 0 });
      const ids = freshIds();
      const answer = await enroll(sim, ids);
      expect(answer).toMatchObject({ job_complete: true, job_success: true });
      expect(resultOf(answer)).toMatchObject({
        ResultCode: '1240',
        IsFinalResult: 'true',
        IsMachineResult: 'false',
      });
      expect((await prep(sim, prepBody({ userId: ids.userId, jobId: freshIds().jobId }))).data.code).toBe(
        '2209',
      );
    });
  });

  describe('faults', () => {
    it('tamperedSignature: job_status answers with a signature that does not verify', async () => {
      sim.configure({ tamperedSignature: 1 });
      const ids = freshIds();
      await prepOk(sim, ids);
      const answer = await jobStatus(sim, ids);
      expect(answer.status).toBe(200);
      expect(verifySignature(API_KEY, PARTNER_ID, answer.data.timestamp, answer.data.signature)).toBe(false);
    });

    it('http500: answers 500 without handling the request', async () => {
      sim.configure({ http500: 1 });
      const ids = freshIds();
      const answer = await prep(sim, prepBody(ids));
      expect(answer.status).toBe(500);
      sim.configure({ http500: 0 });
      expect(sim.jobs()).toEqual([]);
    });

    it('faultScope limits faults to the named routes', async () => {
      sim.configure({ http500: 1, faultScope: ['put'] });
      const prepared = await prepOk(sim, freshIds());
      expect((await put(prepared.upload_url, await validZip())).status).toBe(500);
    });

    it('reset: the client sees ECONNRESET', async () => {
      sim.configure({ reset: 1 });
      const error: unknown = await http
        .post(`${sim.apiUrl}/upload`, prepBody(freshIds()))
        .catch((caught: unknown) => caught);
      expect(axios.isAxiosError(error)).toBe(true);
      expect(axios.isAxiosError(error) ? error.code : undefined).toBe('ECONNRESET');
      expect(sim.jobs()).toEqual([]);
    });

    it('dropResponse on PUT: the client errors, yet the zip was accepted', async () => {
      const ids = freshIds();
      const prepared = await prepOk(sim, ids);
      sim.configure({ dropResponse: 1, faultScope: ['put'] });
      const error: unknown = await put(prepared.upload_url, await validZip()).catch(
        (caught: unknown) => caught,
      );
      expect(axios.isAxiosError(error)).toBe(true);
      expect(jobView(sim, ids.jobId)).toMatchObject({ puts: 1, acceptedZips: 1, state: 'complete' });
    });

    it('duplicateJob2215: a new job answers 2215 but exists, so retry:true continues it', async () => {
      sim.configure({ duplicateJob2215: 1 });
      const ids = freshIds();
      expect((await prep(sim, prepBody(ids))).data.code).toBe('2215');
      const retried = await prepOk(sim, { ...ids, retry: true });
      expect(retried.smile_job_id).toBe('0000000001');
      expect(jobView(sim, ids.jobId)).toMatchObject({ prepUploads: 2, prepUploadRetries: 1 });
    });

    it('bandwidthBytesPerSec: the throttled upload still arrives whole', async () => {
      sim.configure({ bandwidthBytesPerSec: 2_000_000 });
      const ids = freshIds();
      const prepared = await prepOk(sim, ids);
      const bigSelfie = Buffer.concat([JPEG, Buffer.alloc(100_000, 0x11)]);
      const zip = await buildZip([{ image_type_id: 0, file_name: 'selfie.jpg' }], {
        'selfie.jpg': bigSelfie,
      });
      expect((await put(prepared.upload_url, zip)).status).toBe(200);
      expect(jobView(sim, ids.jobId)).toMatchObject({
        zipBytes: zip.length,
        images: [{ imageTypeId: 0, bytes: bigSelfie.length }],
      });
    });

    it('noAnswer: the client gives up, and close() still ends the held connection', async () => {
      await withSimulator({ noAnswer: 1 }, async (held) => {
        const error: unknown = await http
          .post(`${held.apiUrl}/upload`, prepBody(freshIds()), { timeout: 200 })
          .catch((caught: unknown) => caught);
        expect(axios.isAxiosError(error) ? error.code : undefined).toBe('ECONNABORTED');
        // A second request stays pending until close() destroys its socket.
        const pending = http.post(`${held.apiUrl}/job_status`, {}).catch((caught: unknown) => caught);
        await new Promise((resolve) => setTimeout(resolve, 50));
        await held.close();
        expect(axios.isAxiosError(await pending)).toBe(true);
      });
    });

    it('the same seed replays the same faults', async () => {
      async function statuses(): Promise<number[]> {
        const seen: number[] = [];
        await withSimulator({ seed: 7, http500: 0.5 }, async (seeded) => {
          for (let i = 0; i < 12; i += 1)
            seen.push((await jobStatus(seeded, { userId: 'u', jobId: 'j' })).status);
        });
        return seen;
      }
      const first = await statuses();
      expect(first).toContain(500);
      expect(first).toContain(400);
      expect(await statuses()).toEqual(first);
    });
  });

  describe('control routes', () => {
    it('POST /__simulator/control changes behaviour and refuses bad bodies', async () => {
      const changed = await http.post(`${sim.url}/__simulator/control`, { http500: 1 });
      expect(changed.status).toBe(200);
      expect((await prep(sim, prepBody(freshIds()))).status).toBe(500);
      expect((await http.post(`${sim.url}/__simulator/control`, { unknownKnob: 1 })).status).toBe(400);
      expect((await http.post(`${sim.url}/__simulator/control`, { http500: 'often' })).status).toBe(400);
      expect(() => sim.configure({ latencyMs: -1 })).toThrow();
    });

    it('control routes are never faulted', async () => {
      sim.configure({ http500: 1, reset: 1, latencyMs: 60_000 });
      expect((await http.get(`${sim.url}/__simulator/health`)).data).toEqual({ ok: true });
      expect((await http.get(`${sim.url}/__simulator/jobs`)).status).toBe(200);
    });

    it('POST /__simulator/reset clears jobs and restores the initial behaviour', async () => {
      await prepOk(sim, freshIds());
      sim.configure({ http500: 1 });
      const answer = await http.post(`${sim.url}/__simulator/reset`);
      expect(answer.status).toBe(200);
      expect(sim.jobs()).toEqual([]);
      expect((await prep(sim, prepBody(freshIds()))).data.smile_job_id).toBe('0000000001');
    });

    it('GET /__simulator/jobs shows every counter of a job', async () => {
      const ids = freshIds();
      const prepared = await prepOk(sim, ids);
      const zip = await validZip();
      await put(prepared.upload_url, zip);
      await jobStatus(sim, ids);
      const answer = await http.get<unknown[]>(`${sim.url}/__simulator/jobs`);
      expect(answer.headers['content-type']).toBe('application/json');
      expect(answer.data).toEqual([
        {
          jobId: ids.jobId,
          userId: ids.userId,
          partnerParams: { user_id: ids.userId, job_id: ids.jobId, job_type: 4, branch: 'B01' },
          smileJobId: '0000000001',
          prepUploads: 1,
          prepUploadRetries: 0,
          puts: 1,
          acceptedZips: 1,
          zipBytes: zip.length,
          images: [
            { imageTypeId: 0, bytes: JPEG.length },
            { imageTypeId: 4, bytes: JPEG.length },
          ],
          jobStatusCalls: 1,
          state: 'complete',
          result: { resultCode: '0840', outcome: 'approved' },
          zipProblem: null,
          createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
          callbackUrl: null,
          metadata: null,
          allowNewEnroll: false,
          callbacks: { attempts: 0, delivered: [], lastProblem: null },
        },
      ]);
    });

    it('answers anything else with a JSON 404', async () => {
      const answer = await http.get(`${sim.url}/v1/upload`);
      expect(answer.status).toBe(404);
      expect(answer.headers['content-type']).toBe('application/json');
    });
  });
});

describe('simulator CLI', () => {
  // Node with tsx's loader, not the tsx command: the command is a parent process that relays signals, and on a
  // loaded machine SIGTERM could end it (exit 143) before the CLI's own handler ran.
  const runCli = (args: string[]) =>
    spawn(process.execPath, ['--import', 'tsx', 'main/smileid/simulator/cli.ts', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  it('prints the listening line, serves /__simulator/health and stops on SIGTERM', async () => {
    const child = runCli(['--port', '0', '--partner-id', '085', '--api-key', 'k']);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString('utf8');
          const match = /^Smile ID simulator listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', () => reject(new Error(`CLI exited early: ${output}`)));
      });
      const health = await http.get(`${url}/__simulator/health`);
      expect(health.data).toEqual({ ok: true });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('exits 2 when --api-key is missing', async () => {
    const child = runCli(['--partner-id', '085']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) =>
      child.once('exit', (exitCode) => resolve(exitCode)),
    );
    expect(code).toBe(2);
    expect(stderr).toContain('--api-key');
  });
});
