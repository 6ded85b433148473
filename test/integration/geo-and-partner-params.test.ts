// Where and by whom an enrollment was captured reaches Smile ID, through the whole kiosk core (provisioning →
// settings → outbox → client) to the simulator: partner_params carry kiosk_id, branch, operator_id and the
// geo_* strings (so the bank's callback sees them), prep_upload's metadata carries the geolocation entry Smile
// ID's SDKs send, and both describe the moment of capture, not later settings.
import { afterEach, describe, expect, it } from 'vitest';
import { computeSignature } from '../../main/smileid/signature';
import { startSimulator, type RunningSimulator } from '../../main/smileid/simulator/server';
import { HARNESS_PIN, startCore, type CoreHarness } from '../support/core-harness';
import { waitFor } from '../support/outbox-harness';

const PARTNER_ID = '085';
const API_KEY = 'geo-test-api-key-0123456789';

let sim: RunningSimulator | undefined;
let h: CoreHarness | undefined;

afterEach(async () => {
  await h?.close();
  await sim?.close();
  h = undefined;
  sim = undefined;
});

/** A kiosk provisioned as an installer would, sending to the simulator. */
async function kiosk(extraEnv: Record<string, string> = {}): Promise<CoreHarness> {
  sim = await startSimulator({ port: 0, partnerId: PARTNER_ID, apiKey: API_KEY, seed: 3 });
  h = await startCore({
    SMILEID_BASE_URL: sim.url,
    SMILEID_PARTNER_ID: PARTNER_ID,
    SMILEID_API_KEY: API_KEY,
    KIOSK_ID: 'K-07',
    BRANCH: 'Mombasa',
    ...extraEnv,
  });
  return h;
}

function simulatorJob(jobId: string) {
  const job = sim?.jobs().find((candidate) => candidate.jobId === jobId);
  if (!job) throw new Error(`the simulator has no job ${jobId}`);
  return job;
}

const MOMBASA = {
  KIOSK_LATITUDE: '-4.0435',
  KIOSK_LONGITUDE: '39.6682',
  KIOSK_LOCATION_ACCURACY_M: '35',
  KIOSK_PLACE: 'Mombasa, Moi Avenue',
};

describe('partner_params and geolocation at Smile ID', () => {
  it('carry operator, kiosk, branch and geo, and prep_upload names the geolocation', async () => {
    const harness = await kiosk(MOMBASA);
    const jobId = await harness.enroll('GEO-0001');
    await harness.untilState(jobId, 'approved');
    const job = simulatorJob(jobId);
    expect(job.partnerParams).toEqual({
      user_id: 'GEO-0001',
      job_id: jobId,
      job_type: 4,
      kiosk_id: 'K-07',
      branch: 'Mombasa',
      // The operator whose shift captured it: here the first supervisor.
      operator_id: 'supervisor',
      geo_latitude: '-4.0435',
      geo_longitude: '39.6682',
      geo_accuracy_m: '35',
      geo_place: 'Mombasa, Moi Avenue',
    });
    const created = harness.core.outbox.get(jobId)!.createdAt;
    expect(job.metadata).toEqual([
      {
        name: 'geolocation',
        // 35 m is "approximate" in Smile ID's words (under 100 m, not under 20 m).
        value: { latitude: -4.0435, longitude: 39.6682, accuracy: 'approximate', source: 'unknown' },
        timestamp: new Date(created).toISOString(),
      },
    ]);
  });

  it('sends no geo keys and no metadata when no location is set', async () => {
    const harness = await kiosk();
    const jobId = await harness.enroll('GEO-0002');
    await harness.untilState(jobId, 'approved');
    const job = simulatorJob(jobId);
    expect(job.partnerParams).toEqual({
      user_id: 'GEO-0002',
      job_id: jobId,
      job_type: 4,
      kiosk_id: 'K-07',
      branch: 'Mombasa',
      operator_id: 'supervisor',
    });
    expect(job.metadata).toBeNull();
  });

  it('describes the moment of capture: a later change of settings does not rewrite a waiting job', async () => {
    const harness = await kiosk(MOMBASA);
    // Smile ID is failing when the capture is saved, so the job waits with what it was captured under.
    sim!.configure({ http500: 1, faultScope: ['upload'] });
    const jobId = await harness.enroll('GEO-0003');
    await waitFor(
      () => (harness.core.outbox.get(jobId)?.lastError?.errorClass === 'transient' ? true : undefined),
      20_000,
      'a first attempt refused by Smile ID',
    );
    const elevated = await harness.call('verifyPin', { operatorId: 'supervisor', pin: HARNESS_PIN });
    if (!elevated.valid) throw new Error('the supervisor PIN was refused');
    const { grant } = elevated;
    await harness.call('updateSettings', {
      grant: grant.token,
      patch: {
        branch: 'Nairobi CBD',
        kioskId: 'K-99',
        location: { latitude: -1.2864, longitude: 36.8172, accuracyMeters: 10, placeName: 'Nairobi' },
      },
    });
    sim!.configure({ http500: 0 });
    await harness.call('sendNow', { grant: grant.token });
    await harness.untilState(jobId, 'approved');
    const job = simulatorJob(jobId);
    expect(job.partnerParams).toMatchObject({
      kiosk_id: 'K-07',
      branch: 'Mombasa',
      geo_latitude: '-4.0435',
      geo_place: 'Mombasa, Moi Avenue',
    });
    expect(job.metadata?.[0]?.value).toMatchObject({ latitude: -4.0435, longitude: 39.6682 });
    // The next capture is under the new settings.
    const next = await harness.enroll('GEO-0004');
    await harness.untilState(next, 'approved');
    expect(simulatorJob(next).partnerParams).toMatchObject({
      kiosk_id: 'K-99',
      branch: 'Nairobi CBD',
      geo_latitude: '-1.2864',
      geo_accuracy_m: '10',
      geo_place: 'Nairobi',
    });
    // 10 m is "precise" in Smile ID's words (under 20 m).
    expect(simulatorJob(next).metadata?.[0]?.value).toMatchObject({ accuracy: 'precise' });
  });

  it('carry the named operator whose shift captured the enrollment, beside kiosk, branch and geo', async () => {
    const harness = await kiosk(MOMBASA);
    await harness.shift();
    const elevated = await harness.call('verifyPin', { operatorId: 'supervisor', pin: HARNESS_PIN });
    if (!elevated.valid) throw new Error('the supervisor PIN was refused');
    await harness.call('createOperator', {
      grant: elevated.grant.token,
      operatorId: 'amina.k',
      displayName: 'Amina K.',
      role: 'operator',
      temporaryPin: '902147',
    });
    // The temporary PIN signs in only to choose her own; the shift that answers is hers.
    const first = await harness.call('signIn', { operatorId: 'amina.k', pin: '902147' });
    if (!first.valid) throw new Error('the temporary PIN was refused');
    expect(first.pinChangeRequired).toBe(true);
    const own = await harness.call('setPin', { grant: first.grant.token, newPin: '620815' });
    expect(own.grant).toMatchObject({ kind: 'shift', operatorId: 'amina.k', scope: 'full' });

    const jobId = await harness.enroll('GEO-0006', own.grant.token);
    await harness.untilState(jobId, 'approved');
    expect(simulatorJob(jobId).partnerParams).toEqual({
      user_id: 'GEO-0006',
      job_id: jobId,
      job_type: 4,
      kiosk_id: 'K-07',
      branch: 'Mombasa',
      operator_id: 'amina.k',
      geo_latitude: '-4.0435',
      geo_longitude: '39.6682',
      geo_accuracy_m: '35',
      geo_place: 'Mombasa, Moi Avenue',
    });
    // The job records its operator too (the queue and the per-operator totals read it).
    expect(harness.core.outbox.get(jobId)?.operatorId).toBe('amina.k');
  });

  it('echoes the geo strings in the result Smile ID gives (and posts to the bank), "" as "null"', async () => {
    const harness = await kiosk(MOMBASA);
    const jobId = await harness.enroll('GEO-0005');
    await harness.untilState(jobId, 'approved');
    // What job_status and the callback carry back: PartnerParams, every value a string.
    const timestamp = new Date().toISOString();
    const answer = await fetch(`${sim!.apiUrl}/job_status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        partner_id: PARTNER_ID,
        user_id: 'GEO-0005',
        job_id: jobId,
        timestamp,
        signature: computeSignature(API_KEY, PARTNER_ID, timestamp),
      }),
    });
    const body = (await answer.json()) as { result: { PartnerParams: Record<string, string> } };
    expect(body.result.PartnerParams).toMatchObject({
      kiosk_id: 'K-07',
      operator_id: 'supervisor',
      geo_latitude: '-4.0435',
      geo_longitude: '39.6682',
      geo_accuracy_m: '35',
      geo_place: 'Mombasa, Moi Avenue',
    });
  });
});
