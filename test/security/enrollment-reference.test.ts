// The enrollment reference (app/enrollment-reference.ts) is chosen by the renderer and becomes the job ID, so
// main must not trust it beyond what it is for. The defences: a reference is one lower-case UUID v4 (zod, before
// any handler runs); the same reference with the same user ID is the same enrollment — one job, one Smile ID
// job, however often or however simultaneously it arrives; the same reference with another user ID is refused
// without saying whose job it names, and that job is left as it was. Each case fails if its defence is removed.
import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../main/smileid/simulator/server';
import { startCore, type CoreHarness } from '../support/core-harness';
import { makeCapture, type CaptureJpegs } from '../support/fixture-images';
import { API_KEY, PARTNER_ID, waitFor } from '../support/outbox-harness';

let capture: CaptureJpegs;
let h: CoreHarness | undefined;
let sim: RunningSimulator | undefined;

beforeAll(() => {
  capture = makeCapture();
});
afterEach(async () => {
  await h?.close();
  await sim?.close();
  h = undefined;
  sim = undefined;
});

/** An enrollment under the signed-in shift `grant` (enrollment needs one). */
function submission<Reference>(grant: string, reference: Reference, userId: string) {
  return {
    grant,
    reference,
    userId,
    consent: { given: true as const, at: Date.now() },
    selfie: capture.selfie,
    liveness: capture.liveness,
  };
}

/** Job folders on disk (a job being written lives in a dot-folder until it is whole). */
async function jobFolders(harness: CoreHarness): Promise<string[]> {
  const entries = await readdir(path.join(harness.dataDir, 'jobs')).catch(() => []);
  return entries.filter((name) => !name.startsWith('.')).sort();
}

describe('enrollment reference: one reference, one customer, one job', () => {
  it('makes one job — and one Smile ID job — of a submission repeated in turn or all at once', async () => {
    sim = await startSimulator({ port: 0, partnerId: PARTNER_ID, apiKey: API_KEY, seed: 7 });
    h = await startCore({
      SMILEID_BASE_URL: sim.url,
      SMILEID_PARTNER_ID: PARTNER_ID,
      SMILEID_API_KEY: API_KEY,
      KIOSK_OPERATOR_PIN: '864209',
    });
    const harness = h;
    const shift = await harness.shift('864209');
    const tapped = randomUUID();
    const first = await harness.call('submitEnrollment', submission(shift, tapped, 'CUST-REF-1'));
    const again = await harness.call('submitEnrollment', submission(shift, tapped, ' CUST-REF-1 '));
    expect(first.jobId).toBe(tapped);
    expect(again.jobId).toBe(tapped);

    // Three copies in flight together (a retried request overtaking the first): still one job.
    const raced = randomUUID();
    const answers = await Promise.all(
      [1, 2, 3].map(() => harness.call('submitEnrollment', submission(shift, raced, 'CUST-REF-2'))),
    );
    expect(answers.map((answer) => answer.jobId)).toEqual([raced, raced, raced]);

    const simulator = sim;
    const sent = await waitFor(
      () => {
        const jobs = simulator.jobs();
        return jobs.length === 2 && jobs.every((job) => job.state === 'complete') ? jobs : undefined;
      },
      20_000,
      'both enrollments complete at Smile ID',
    );
    expect(sent.map((job) => job.jobId).sort()).toEqual([tapped, raced].sort());
    for (const job of sent) expect(job).toMatchObject({ prepUploads: 1, acceptedZips: 1 });
    expect(
      harness.core.outbox
        .snapshot()
        .map((job) => job.jobId)
        .sort(),
    ).toEqual([tapped, raced].sort());
    expect(await jobFolders(harness)).toEqual([tapped, raced].sort());
  });

  it("refuses another customer's reference without naming them, and leaves their job as it was", async () => {
    h = await startCore();
    const harness = h;
    const shift = await harness.shift();
    const reference = randomUUID();
    await harness.call('submitEnrollment', submission(shift, reference, 'CUST-OWNER-1'));

    const refused = await harness.failure('submitEnrollment', submission(shift, reference, 'CUST-OTHER-2'));
    expect(refused.code).toBe('not_allowed');
    expect(JSON.stringify(refused)).not.toContain('CUST-OWNER-1');
    expect(harness.core.outbox.get(reference)).toMatchObject({ userId: 'CUST-OWNER-1' });

    // Two customers racing for one fresh reference: exactly one gets it.
    const contested = randomUUID();
    const envelopes = (await Promise.all(
      ['CUST-RACE-A', 'CUST-RACE-B'].map((userId) =>
        harness.callRaw('enroll.submit', submission(shift, contested, userId)),
      ),
    )) as Array<{ ok: boolean; error?: { code: string } }>;
    expect(envelopes.filter((envelope) => envelope.ok)).toHaveLength(1);
    expect(envelopes.find((envelope) => !envelope.ok)?.error?.code).toBe('not_allowed');

    expect(
      harness.core.outbox
        .snapshot()
        .map((job) => job.jobId)
        .sort(),
    ).toEqual([reference, contested].sort());
    expect(await jobFolders(harness)).toEqual([reference, contested].sort());
  });

  it('refuses a malformed reference before anything is written', async () => {
    h = await startCore();
    const harness = h;
    const shift = await harness.shift();
    const existing = randomUUID();
    await harness.call('submitEnrollment', submission(shift, existing, 'CUST-KEEP-1'));
    const malformed: unknown[] = [
      undefined,
      '',
      'not-a-reference',
      // The same UUID in capitals: another key in the index, but the same folder on a case-insensitive disk.
      existing.toUpperCase(),
      `{${existing}}`,
      `${existing} `,
      existing.replace(/-/g, ''),
      'c232ab00-9414-11ec-b3c8-9f6bdeced846', // a UUID v1 (time and MAC based), not random
      '3f9a21c0-1111-4111-c111-111111111111', // v4 digit, but not the RFC 4122 variant
      '../../settings',
      '00000000-0000-4000-8000-000000000000/../x',
      42,
    ];
    for (const reference of malformed) {
      const failure = await harness.failure('submitEnrollment', submission(shift, reference, 'CUST-BAD-2'));
      expect(failure.code, String(reference)).toBe('invalid_request');
    }
    expect(harness.core.outbox.snapshot().map((job) => job.jobId)).toEqual([existing]);
    expect(await jobFolders(harness)).toEqual([existing]);
  });

  it('lets a repeat through a blocking duplicate guard, but not a second enrollment of the same user ID', async () => {
    h = await startCore();
    const harness = h;
    await harness.call('updateSettings', { patch: { duplicateGuard: 'block' } });
    const shift = await harness.shift();
    const reference = randomUUID();
    await harness.call('submitEnrollment', submission(shift, reference, 'CUST-ONCE-1'));
    expect(await harness.call('submitEnrollment', submission(shift, reference, 'CUST-ONCE-1'))).toMatchObject(
      {
        jobId: reference,
        warnings: [],
      },
    );
    expect(
      await harness.failure('submitEnrollment', submission(shift, randomUUID(), 'CUST-ONCE-1')),
    ).toMatchObject({
      code: 'duplicate_user',
    });
    expect(harness.core.outbox.snapshot()).toHaveLength(1);
  });
});
