// Finding 2 of the security review: "A forged job_status passes." A man in the middle (or a hostile server on the
// configured endpoint) answers the kiosk's job_status. It cannot compute a signature without the API key, but
// it has the kiosk's own signed request in hand, and may have recorded genuine answers before. Each case below
// is one such forgery, served over real HTTP on 127.0.0.1; the client must refuse every one and accept only the
// genuine answer.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmileIdClient } from '../../main/smileid/client';
import { SmileIdError } from '../../main/smileid/errors';
import { computeSignature } from '../../main/smileid/signature';
import { DEVELOPMENT_ENDPOINT_POLICY } from '../../app/smileid/endpoint-policy';

const PARTNER_ID = '085';
const API_KEY = 'security-test-api-key';
const JOB = { jobId: 'job-forgery-1', userId: 'CUST-1' };

interface SignedRequest {
  readonly timestamp: string;
  readonly signature: string;
}

type Forge = (request: SignedRequest) => Record<string, unknown>;

let forge: Forge = () => ({});
let server: Server;
let apiUrl: string;

function signedAt(at: Date): SignedRequest {
  const timestamp = at.toISOString();
  return { timestamp, signature: computeSignature(API_KEY, PARTNER_ID, timestamp) };
}

function approval(partnerParams: Record<string, string> | undefined): Record<string, unknown> {
  return {
    job_complete: true,
    job_success: true,
    code: '2302',
    result: {
      ResultCode: '0840',
      ResultText: 'Enroll User',
      SmileJobID: '0000001',
      ...(partnerParams ? { PartnerParams: partnerParams } : {}),
      IsFinalResult: 'true',
    },
  };
}

const thisJob = { job_id: JOB.jobId, user_id: JOB.userId, job_type: '4' };

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as SignedRequest;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(forge(request)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function answerTo(make: Forge): Promise<SmileIdError | 'accepted'> {
  forge = make;
  const client = new SmileIdClient(
    { partnerId: PARTNER_ID, apiKey: API_KEY, apiUrl },
    { endpoints: DEVELOPMENT_ENDPOINT_POLICY },
  );
  try {
    await client.jobStatus(JOB);
    return 'accepted';
  } catch (error) {
    if (error instanceof SmileIdError) return error;
    throw error;
  }
}

describe('security finding 2: a forged job_status is refused', () => {
  it('accepts the genuine answer: fresh, signed over its own timestamp, naming this job', async () => {
    expect(await answerTo(() => ({ ...signedAt(new Date()), ...approval(thisJob) }))).toBe('accepted');
  });

  it('refuses the request signature echoed back with an approval', async () => {
    const refused = await answerTo((request) => ({ ...request, ...approval(thisJob) }));
    expect(refused).toMatchObject({ kind: 'response_signature_invalid', errorClass: 'systemic' });
  });

  it('refuses an answer signed with another key', async () => {
    const timestamp = new Date().toISOString();
    const refused = await answerTo(() => ({
      timestamp,
      signature: computeSignature('not-the-key', PARTNER_ID, timestamp),
      ...approval(thisJob),
    }));
    expect(refused).toMatchObject({ kind: 'response_signature_invalid' });
  });

  it('refuses a genuine answer replayed an hour later', async () => {
    const refused = await answerTo(() => ({
      ...signedAt(new Date(Date.now() - 60 * 60_000)),
      ...approval(thisJob),
    }));
    expect(refused).toMatchObject({ kind: 'response_stale', errorClass: 'systemic' });
  });

  it('refuses an answer dated in the future', async () => {
    const refused = await answerTo(() => ({
      ...signedAt(new Date(Date.now() + 30 * 60_000)),
      ...approval(thisJob),
    }));
    expect(refused).toMatchObject({ kind: 'response_stale' });
  });

  it("refuses another job's approval (PartnerParams.job_id)", async () => {
    const refused = await answerTo(() => ({
      ...signedAt(new Date()),
      ...approval({ ...thisJob, job_id: 'job-of-someone-else' }),
    }));
    expect(refused).toMatchObject({ kind: 'response_not_this_job', errorClass: 'systemic' });
  });

  it("refuses another person's approval for this job_id (PartnerParams.user_id)", async () => {
    const refused = await answerTo(() => ({
      ...signedAt(new Date()),
      ...approval({ ...thisJob, user_id: 'CUST-2' }),
    }));
    expect(refused).toMatchObject({ kind: 'response_not_this_job' });
  });

  it('refuses a complete answer that names no job at all', async () => {
    const refused = await answerTo(() => ({ ...signedAt(new Date()), ...approval(undefined) }));
    expect(refused).toMatchObject({ kind: 'response_not_this_job' });
  });
});
