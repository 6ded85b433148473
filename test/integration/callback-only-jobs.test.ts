// A job_status polling timeout of 0, end to end: the kiosk uploads, never polls, and ends the job "submitted";
// Smile ID (the simulator) posts the signed result to the callback URL, where the bank's server (a loopback
// server here) receives it and can verify it with the partner's API key. Also the settings rule that makes this
// safe: no polling needs a callback URL.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifySignature } from '../../main/smileid/signature';
import { startSimulator, type RunningSimulator } from '../../main/smileid/simulator/server';
import {
  startBankCallbackServer,
  type BankCallbackServer,
  type BankCallbackServerOptions,
} from '../support/bank-callback-server';
import { startCore, type CoreHarness } from '../support/core-harness';

const PARTNER_ID = '085';
const API_KEY = 'callback-test-api-key-0123456789';
const PIN = '904512';

let sim: RunningSimulator | undefined;
let bank: BankCallbackServer | undefined;
let h: CoreHarness | undefined;

afterEach(async () => {
  await h?.close();
  await sim?.close();
  await bank?.close();
  h = undefined;
  sim = undefined;
  bank = undefined;
});

/** The bank's server, the simulator, and a kiosk provisioned with `envFor(the bank's callback URL)`. */
async function kiosk(
  envFor: (bankUrl: string) => Record<string, string> = () => ({}),
  bankOptions: BankCallbackServerOptions = {},
): Promise<CoreHarness> {
  bank = await startBankCallbackServer(bankOptions);
  sim = await startSimulator({
    port: 0,
    partnerId: PARTNER_ID,
    apiKey: API_KEY,
    seed: 5,
    processingDelayMs: 50,
    callbackRetryDelaysMs: [20, 20, 20],
  });
  h = await startCore({
    SMILEID_BASE_URL: sim.url,
    SMILEID_PARTNER_ID: PARTNER_ID,
    SMILEID_API_KEY: API_KEY,
    KIOSK_OPERATOR_PIN: PIN,
    KIOSK_ID: 'K-11',
    BRANCH: 'Kisumu',
    ...envFor(bank.url),
  });
  return h;
}

/** Provisioned for results through the callback alone. */
const CALLBACK_ONLY = (bankUrl: string) => ({
  SMILEID_CALLBACK_URL: bankUrl,
  SMILEID_JOB_STATUS_POLLING_TIMEOUT_SECONDS: '0',
});

/**
 * Waits until only the record and the manifest are left in the job folder: the photos and their key go just
 * after the state is saved (a moment later, a record write may briefly show its temporary file).
 */
async function untilOnlyRecordAndManifest(harness: CoreHarness, jobId: string): Promise<string[]> {
  const folder = path.join(harness.dataDir, 'jobs', jobId);
  for (;;) {
    const files = (await readdir(folder)).sort();
    if (files.join() === 'manifest.bin,record.bin') return files;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('polling timeout 0: results go to the bank’s callback', () => {
  it('ends the job "submitted" without polling, and the bank receives the signed result', async () => {
    const harness = await kiosk(CALLBACK_ONLY);
    const jobId = await harness.enroll('CB-0001');
    const submitted = await harness.untilState(jobId, 'submitted');
    expect(submitted).toMatchObject({ result: null, lastError: null, attempts: 1 });
    expect(submitted.completedAt).not.toBeNull();

    const [body] = (await bank!.waitForAccepted(1)) as Record<string, unknown>[];
    // The bank checks the signature with the partner's API key, as it would for Smile ID.
    expect(verifySignature(API_KEY, PARTNER_ID, String(body?.timestamp), String(body?.signature))).toBe(true);
    expect(body).toMatchObject({
      job_complete: true,
      job_success: true,
      result: {
        ResultCode: '0840',
        PartnerParams: { job_id: jobId, user_id: 'CB-0001', kiosk_id: 'K-11', branch: 'Kisumu' },
      },
    });

    const atSmileId = sim!.jobs().find((job) => job.jobId === jobId);
    expect(atSmileId).toMatchObject({ callbackUrl: bank!.url, jobStatusCalls: 0, state: 'complete' });

    // Sent today, counted under its own state; its photos are gone (Smile ID holds them).
    const health = await harness.call('getHealth', {});
    expect(health.sentToday).toBe(1);
    expect(health.counts.submitted).toBe(1);
    await untilOnlyRecordAndManifest(harness, jobId);
  });

  it('the simulator retries a bank that refuses at first, and the kiosk never polls meanwhile', async () => {
    const harness = await kiosk(CALLBACK_ONLY, { refuseFirst: 2 });
    const jobId = await harness.enroll('CB-0002');
    await harness.untilState(jobId, 'submitted');
    const [body] = (await bank!.waitForAccepted(1)) as { result: { PartnerParams: { job_id: string } } }[];
    expect(body?.result.PartnerParams.job_id).toBe(jobId);
    expect(bank!.posts()).toBe(3);
    expect(sim!.jobs().find((job) => job.jobId === jobId)?.jobStatusCalls).toBe(0);
  });

  it('a polling kiosk with the same callback still polls and shows the result itself', async () => {
    const harness = await kiosk((bankUrl) => ({ SMILEID_CALLBACK_URL: bankUrl }));
    const jobId = await harness.enroll('CB-0003');
    await harness.untilState(jobId, 'approved');
    expect(sim!.jobs().find((job) => job.jobId === jobId)?.jobStatusCalls).toBeGreaterThan(0);
    // Smile ID posts to the callback all the same.
    await bank!.waitForAccepted(1);
  });

  it('refuses settings without a callback URL when polling is off, naming the field', async () => {
    const harness = await kiosk();
    const token = await harness.elevated();
    expect(
      await harness.failure('updateSettings', {
        grant: token,
        patch: { jobStatusPollingTimeoutSeconds: 0 },
      }),
    ).toMatchObject({
      code: 'invalid_request',
      params: { field: 'callbackUrl', problem: 'needed_without_polling' },
    });
    await harness.call('updateSettings', {
      grant: token,
      patch: { callbackUrl: bank!.url, jobStatusPollingTimeoutSeconds: 0 },
    });
    expect(
      await harness.failure('updateSettings', { grant: token, patch: { callbackUrl: null } }),
    ).toMatchObject({
      code: 'invalid_request',
      params: { field: 'callbackUrl', problem: 'needed_without_polling' },
    });
    expect(await harness.call('getSettings', {})).toMatchObject({
      callbackUrl: bank!.url,
      jobStatusPollingTimeoutSeconds: 0,
    });
  });
});
