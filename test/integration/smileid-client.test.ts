// The Smile ID client, enrollment flow and job_status poller against the local simulator over real HTTP on
// 127.0.0.1: no mocks of the client, every answer comes from a server. Never asserts timings.
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SmileIdClient } from '../../main/smileid/client';
import type { SmileIdClientOptions } from '../../main/smileid/client';
import { FRESH_PROGRESS, submitEnrollment } from '../../main/smileid/enrollment';
import type {
  EnrollmentSubmission,
  SubmissionOptions,
  SubmissionProgress,
} from '../../main/smileid/enrollment';
import { SmileIdError } from '../../main/smileid/errors';
import { pollJobStatus } from '../../main/smileid/job-status-poller';
import type { PollSchedule } from '../../main/smileid/job-status-poller';
import { buildUploadZip } from '../../main/smileid/upload-package';
import type { EnrollmentImages } from '../../main/smileid/upload-package';
import type { JobStatusResponse } from '../../main/smileid/wire';
import { startSimulator } from '../../main/smileid/simulator/server';
import type { RunningSimulator, SimulatorJobView } from '../../main/smileid/simulator/server';
import { makeCapture } from '../support/fixture-images';
import { DEVELOPMENT_ENDPOINT_POLICY } from '../../app/smileid/endpoint-policy';

const PARTNER_ID = '085';
const API_KEY = 'integration-test-api-key';
const SEED = 20260101;

/** Polls at once and then briskly: the simulator completes a job as soon as its zip is inspected. */
const QUICK_POLL: PollSchedule = { intervalsMs: [0, 50], deadlineMs: 10_000, maxCalls: 20 };

let sim: RunningSimulator;
let images: EnrollmentImages;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, partnerId: PARTNER_ID, apiKey: API_KEY, seed: SEED });
  images = makeCapture();
});

afterAll(async () => {
  await sim.close();
});

beforeEach(() => {
  sim.reset();
});

let idCounter = 0;
function submission(userPrefix = 'user', extra: Partial<EnrollmentSubmission> = {}): EnrollmentSubmission {
  idCounter += 1;
  return { userId: `${userPrefix}-${idCounter}`, jobId: `job-${idCounter}`, images, ...extra };
}

function clientFor(apiUrl = sim.apiUrl, options: SmileIdClientOptions = {}, apiKey = API_KEY): SmileIdClient {
  return new SmileIdClient(
    { partnerId: PARTNER_ID, apiKey, apiUrl },
    { endpoints: DEVELOPMENT_ENDPOINT_POLICY, ...options },
  );
}

function jobView(jobId: string): SimulatorJobView {
  const job = sim.jobs().find((candidate) => candidate.jobId === jobId);
  if (!job) throw new Error(`the simulator has no job ${jobId}`);
  return job;
}

function submit(
  client: SmileIdClient,
  sub: EnrollmentSubmission,
  progress: SubmissionProgress = FRESH_PROGRESS,
  options: SubmissionOptions = {},
): ReturnType<typeof submitEnrollment> {
  return submitEnrollment(client, sub, progress, { poll: QUICK_POLL, ...options });
}

/** Resolves with the SmileIdError a promise rejects with; fails the test if it resolves or throws another thing. */
async function smileErrorOf(promise: Promise<unknown>): Promise<SmileIdError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SmileIdError);
    return error as SmileIdError;
  }
  throw new Error('expected a SmileIdError, but the call succeeded');
}

interface RecordedRequest {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A tiny HTTP server that records every request and answers 200 with an empty body (like S3). */
async function startRecorder(): Promise<{
  url: string;
  requests: RecordedRequest[];
  close: () => Promise<void>;
}> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(200, { 'Content-Length': '0' });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on any more. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function expectedImages(): { imageTypeId: number; bytes: number }[] {
  return [
    { imageTypeId: 0, bytes: images.selfie.length },
    ...images.liveness.map((jpeg) => ({ imageTypeId: 4, bytes: jpeg.length })),
  ];
}

describe('SmileIdClient + submitEnrollment against the simulator', () => {
  it('enrolls cleanly: one prep_upload, one PUT, one zip with the selfie (type 0) and 8 liveness frames (type 4)', async () => {
    const client = clientFor();
    const sub = submission();
    const result = await submit(client, sub);

    expect(result).toMatchObject({ outcome: 'approved', resultCode: '0840', final: true, nextStep: 'none' });
    const job = jobView(sub.jobId);
    expect(job).toMatchObject({
      prepUploads: 1,
      prepUploadRetries: 0,
      puts: 1,
      acceptedZips: 1,
      state: 'complete',
      result: { resultCode: '0840', outcome: 'approved' },
      zipProblem: null,
    });
    expect(images.liveness).toHaveLength(8);
    expect(job.images).toEqual(expectedImages());
    expect(result.smileJobId).toBe(job.smileJobId);
  });

  it('PUTs the zip with Content-Type exactly application/zip and the exact Content-Length', async () => {
    const recorder = await startRecorder();
    try {
      const client = clientFor();
      const zip = await buildUploadZip({
        images,
        partnerId: PARTNER_ID,
        partnerParams: client.partnerParams({ userId: 'u-put', jobId: 'j-put', retry: false }),
        signed: client.sign(),
      });
      await client.uploadZip(`${recorder.url}/uploads/some-ref/selfie.zip?Expires=1`, zip);

      expect(recorder.requests).toHaveLength(1);
      const [put] = recorder.requests;
      expect(put!.method).toBe('PUT');
      expect(put!.url).toBe('/uploads/some-ref/selfie.zip?Expires=1');
      expect(put!.headers['content-type']).toBe('application/zip');
      expect(put!.headers['content-length']).toBe(String(zip.length));
      expect(put!.body.equals(Buffer.from(zip))).toBe(true);
      // No Smile auth travels with the PUT: the presigned URL is the credential.
      expect(put!.headers.authorization).toBeUndefined();
    } finally {
      await recorder.close();
    }
  });

  it('sends partner_params with job_type the integer 4 and the extras as strings', async () => {
    const client = clientFor();
    const sub = submission('params', {
      extraPartnerParams: { kiosk_id: 'KIOSK-07', branch: 'B-012', operator: 'op-3' },
    });
    await submit(client, sub);

    const { partnerParams } = jobView(sub.jobId);
    expect(partnerParams).toEqual({
      user_id: sub.userId,
      job_id: sub.jobId,
      job_type: 4,
      kiosk_id: 'KIOSK-07',
      branch: 'B-012',
      operator: 'op-3',
    });
    expect(typeof partnerParams.job_type).toBe('number');
    for (const key of ['user_id', 'job_id', 'kiosk_id', 'branch', 'operator']) {
      expect(typeof partnerParams[key]).toBe('string');
    }
  });

  it('continues a job with retry:true when prep_upload answers 2215', async () => {
    sim.configure({ duplicateJob2215: 1 });
    const client = clientFor();
    const sub = submission();
    const result = await submit(client, sub);

    expect(result).toMatchObject({ outcome: 'approved', resultCode: '0840' });
    expect(jobView(sub.jobId)).toMatchObject({
      prepUploads: 2,
      prepUploadRetries: 1,
      puts: 1,
      acceptedZips: 1,
      state: 'complete',
    });
  });

  it('sends retry:true on the very first prep_upload when the job was ever prepared', async () => {
    const client = clientFor();
    const sub = submission();
    const result = await submit(client, sub, { ...FRESH_PROGRESS, everPrepared: true });

    expect(result.outcome).toBe('approved');
    expect(jobView(sub.jobId)).toMatchObject({ prepUploads: 1, prepUploadRetries: 1, acceptedZips: 1 });
  });

  it('replaces an expired upload URL by re-preparing with retry:true and PUTs again', async () => {
    sim.configure({ expiredUploadUrl: 1 });
    const client = clientFor();
    const sub = submission();
    let prepared = 0;
    const result = await submit(client, sub, FRESH_PROGRESS, {
      hooks: {
        onPrepared: () => {
          prepared += 1;
          // Only the first link is expired.
          if (prepared === 1) sim.configure({ expiredUploadUrl: 0 });
        },
      },
    });

    expect(result).toMatchObject({ outcome: 'approved', resultCode: '0840' });
    expect(prepared).toBe(2);
    const job = jobView(sub.jobId);
    expect(job).toMatchObject({ prepUploads: 2, prepUploadRetries: 1, acceptedZips: 1, state: 'complete' });
    expect(job.puts).toBeGreaterThanOrEqual(2);
  });

  it('gives up with upload_refused when every upload link is expired', async () => {
    sim.configure({ expiredUploadUrl: 1 });
    const client = clientFor();
    const sub = submission();
    const error = await smileErrorOf(submit(client, sub, FRESH_PROGRESS, { maxUploadLinkRenewals: 2 }));

    expect(error.kind).toBe('upload_refused');
    expect(error.httpStatus).toBe(403);
    expect(error.errorClass).toBe('transient');
    const job = jobView(sub.jobId);
    // The first link plus two renewals, each refused; nothing was processed.
    expect(job).toMatchObject({ prepUploads: 3, prepUploadRetries: 2, puts: 3, acceptedZips: 0 });
    expect(job.state).toBe('prepared');
    expect(job.result).toBeNull();
  });

  it('refuses a job_status answer whose signature does not verify, and the poller never resolves it', async () => {
    const client = clientFor();
    const sub = submission();
    await submit(client, sub);
    sim.configure({ tamperedSignature: 1 });
    const ids = { userId: sub.userId, jobId: sub.jobId };

    const single = await smileErrorOf(client.jobStatus(ids));
    expect(single.kind).toBe('response_signature_invalid');

    const attempts: (JobStatusResponse | SmileIdError)[] = [];
    const polled = await smileErrorOf(
      pollJobStatus(
        client,
        ids,
        { intervalsMs: [0], deadlineMs: 10_000, maxCalls: 3 },
        { onAttempt: (_attempt, outcome) => attempts.push(outcome) },
      ),
    );
    expect(polled.kind).toBe('response_signature_invalid');
    expect(polled.errorClass).toBe('systemic');
    // A systemic failure stops polling at once: asking again cannot make the answer trustworthy.
    expect(attempts).toHaveLength(1);
    for (const outcome of attempts) expect(outcome).toBeInstanceOf(SmileIdError);
  });

  it('a whole enrollment fails rather than trusting a tampered job_status answer', async () => {
    sim.configure({ tamperedSignature: 1 });
    const error = await smileErrorOf(
      submit(clientFor(), submission(), FRESH_PROGRESS, {
        poll: { intervalsMs: [0], deadlineMs: 10_000, maxCalls: 2 },
      }),
    );
    expect(error.kind).toBe('response_signature_invalid');
  });
});

describe('pollJobStatus budget', () => {
  it('stops after maxCalls network failures with kind network', async () => {
    const port = await closedPort();
    const client = clientFor(`http://127.0.0.1:${port}/v1`);
    const attempts: number[] = [];
    const error = await smileErrorOf(
      pollJobStatus(
        client,
        { userId: 'u-closed', jobId: 'j-closed' },
        { intervalsMs: [0], deadlineMs: 10_000, maxCalls: 3 },
        { onAttempt: (attempt) => attempts.push(attempt) },
      ),
    );
    expect(error.kind).toBe('network');
    expect(error.mayHaveLanded).toBe(false);
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('stops after maxCalls incomplete answers with kind result_pending', async () => {
    sim.configure({ processingDelayMs: 3_600_000 });
    const client = clientFor();
    const sub = submission();
    const schedule: PollSchedule = { intervalsMs: [0], deadlineMs: 10_000, maxCalls: 3 };

    const viaEnrollment = await smileErrorOf(submit(client, sub, FRESH_PROGRESS, { poll: schedule }));
    expect(viaEnrollment.kind).toBe('result_pending');
    expect(jobView(sub.jobId)).toMatchObject({ acceptedZips: 1, state: 'processing', jobStatusCalls: 3 });

    const attempts: (JobStatusResponse | SmileIdError)[] = [];
    const error = await smileErrorOf(
      pollJobStatus(client, { userId: sub.userId, jobId: sub.jobId }, schedule, {
        onAttempt: (_attempt, outcome) => attempts.push(outcome),
      }),
    );
    expect(error.kind).toBe('result_pending');
    expect(error.errorClass).toBe('transient');
    expect(attempts).toHaveLength(3);
    for (const outcome of attempts) {
      expect(outcome).not.toBeInstanceOf(SmileIdError);
      expect((outcome as JobStatusResponse).job_complete).toBe(false);
    }
  });
});

describe('resuming after a PUT that may have landed', () => {
  it('asks job_status first and returns its result without another prep_upload or PUT', async () => {
    const client = clientFor();
    const sub = submission();
    await submit(client, sub);
    const before = jobView(sub.jobId);

    const result = await submit(client, sub, {
      everPrepared: true,
      uploadMayHaveLanded: true,
      uploadConfirmed: false,
    });

    expect(result).toMatchObject({ outcome: 'approved', resultCode: '0840' });
    const after = jobView(sub.jobId);
    expect(after.prepUploads).toBe(before.prepUploads);
    expect(after.puts).toBe(before.puts);
    expect(after.acceptedZips).toBe(before.acceptedZips);
    expect(after.jobStatusCalls).toBe(before.jobStatusCalls + 1);
  });
});

describe('outcomes chosen by user_id', () => {
  beforeEach(() => {
    sim.configure({
      outcomes: [
        { pattern: '^mismatch-', resultCode: '0841' },
        { pattern: '^noface-', resultCode: '0941' },
        { pattern: '^review-', resultCode: '0842' },
      ],
    });
  });

  it.each([
    ['mismatch', '0841', { outcome: 'rejected', final: true, nextStep: 'recapture' }],
    ['noface', '0941', { outcome: 'rejected', final: true, nextStep: 'recapture' }],
    ['review', '0842', { outcome: 'provisional', final: false, nextStep: 'wait_for_review' }],
  ] as const)('%s → %s', async (prefix, code, expected) => {
    const sub = submission(prefix);
    const result = await submit(clientFor(), sub);
    expect(result).toMatchObject({ resultCode: code, ...expected });
    expect(jobView(sub.jobId).result?.resultCode).toBe(code);
  });
});

describe('errors classified from real answers', () => {
  it('a wrong API key is api_error 2205, systemic', async () => {
    const client = clientFor(sim.apiUrl, {}, 'not-the-right-key');
    const error = await smileErrorOf(submit(client, submission()));
    expect(error).toMatchObject({ kind: 'api_error', code: '2205', errorClass: 'systemic', httpStatus: 401 });
    expect(sim.jobs()).toHaveLength(0);
  });

  it('a stale clock is api_error 2205, systemic', async () => {
    const client = clientFor(sim.apiUrl, { now: () => new Date(Date.now() + 3_600_000) });
    const error = await smileErrorOf(submit(client, submission()));
    expect(error).toMatchObject({ kind: 'api_error', code: '2205', errorClass: 'systemic' });
  });

  it('an HTTP 500 from the upload host (S3 XML body) is server_error, transient, may have landed', async () => {
    const client = clientFor();
    const sub = submission();
    const prepared = await client.prepUpload({ userId: sub.userId, jobId: sub.jobId, retry: false });
    const zip = await buildUploadZip({
      images,
      partnerId: PARTNER_ID,
      partnerParams: client.partnerParams({ userId: sub.userId, jobId: sub.jobId, retry: false }),
      signed: client.sign(),
    });
    sim.configure({ http500: 1, faultScope: ['put'] });
    const error = await smileErrorOf(client.uploadZip(prepared.upload_url, zip));
    expect(error).toMatchObject({
      kind: 'server_error',
      errorClass: 'transient',
      httpStatus: 500,
      mayHaveLanded: true,
    });
  });

  it('an HTTP 500 from the API (body {"code":"2201"}) is transient', async () => {
    sim.configure({ http500: 1 });
    const error = await smileErrorOf(submit(clientFor(), submission()));
    expect(error.errorClass).toBe('transient');
    expect(error.httpStatus).toBe(500);
    // The simulator answers Smile ID's JSON error shape with the 500: the code 2201 ("unknown system
    // error") is kept, and a 5xx may have been acted on, so it may have landed.
    expect(error).toMatchObject({ kind: 'api_error', code: '2201', mayHaveLanded: true });
  });
});
