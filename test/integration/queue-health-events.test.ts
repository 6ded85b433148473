// The queue line's numbers come from main's health events. They used to be sent only when the link changed or
// an attempt ended, so offline — no attempts — a new job changed nothing on screen: "1 waiting" while 3 were
// queued, until a reload. Now every change of a job sends one, and "sent today" counts jobs under review.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVE_STATES } from '../../app/job-states';
import type { HealthStatus } from '../../app/queue';
import { startCore, type CoreHarness } from '../support/core-harness';
import { makeCapture, type CaptureJpegs } from '../support/fixture-images';
import { waitFor } from '../support/outbox-harness';

const PIN = '432100';
let capture: CaptureJpegs;
let h: CoreHarness | undefined;

beforeAll(() => {
  capture = makeCapture();
});
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** An enrollment under the harness's signed-in shift (enrollment needs one). */
function submission(grant: string, userId: string) {
  return {
    grant,
    reference: randomUUID(),
    userId,
    consent: { given: true as const, at: Date.now() },
    selfie: capture.selfie,
    liveness: capture.liveness,
  };
}

const waiting = (health: HealthStatus) =>
  ACTIVE_STATES.reduce((sum, state) => sum + (health.counts[state] ?? 0), 0);

describe('health events follow the queue', () => {
  it('offline, every job added or removed sends the new counts', async () => {
    // Nothing listens on port 9: every attempt fails as offline.
    h = await startCore({
      SMILEID_BASE_URL: 'http://127.0.0.1:9/v1',
      SMILEID_PARTNER_ID: '085',
      SMILEID_API_KEY: 'k-123456789',
      KIOSK_OPERATOR_PIN: PIN,
    });
    const harness = h;
    const seen: { latest: HealthStatus | null } = { latest: null };
    harness.core.outbox.onEvent((event) => {
      if (event.type === 'health') seen.latest = event.health;
    });
    const latestWaiting = () => (seen.latest === null ? undefined : waiting(seen.latest));

    const jobIds: string[] = [];
    for (const count of [1, 2, 3]) {
      jobIds.push(
        (await harness.call('submitEnrollment', submission(await harness.shift(PIN), `CUST-OFF-${count}`)))
          .jobId,
      );
      await waitFor(() => (latestWaiting() === count ? true : undefined), 5_000, `${count} waiting`);
    }
    // The first attempt's failure is what marks the kiosk offline; it may land after the third count.
    await waitFor(
      () => (seen.latest?.online === false && latestWaiting() === 3 ? true : undefined),
      5_000,
      'offline with 3 waiting',
    );

    const signedIn = await harness.call('verifyPin', { operatorId: 'supervisor', pin: PIN });
    if (!signedIn.valid) throw new Error('the PIN was refused');
    // An attempt may be running at any moment: discard between two.
    let discarded = false;
    for (const deadline = Date.now() + 5_000; !discarded && Date.now() < deadline;) {
      const request = { jobId: jobIds[0], grant: signedIn.grant.token };
      discarded = ((await harness.callRaw('queue.discard', request)) as { ok: boolean }).ok;
      if (!discarded) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(discarded).toBe(true);
    await waitFor(() => (latestWaiting() === 2 ? true : undefined), 5_000, '2 waiting after the discard');
  });

  it('counts a job under review as sent today', async () => {
    h = await startCore();
    const harness = h;
    // In training mode a user ID starting REVIEW is answered "under review" (0842).
    const { jobId } = await harness.call(
      'submitEnrollment',
      submission(await harness.shift(), 'REVIEW-0001'),
    );
    await waitFor(
      () => (harness.core.outbox.get(jobId)?.state === 'provisional' ? true : undefined),
      20_000,
      'under review',
    );
    expect(await harness.call('getHealth', {})).toMatchObject({ sentToday: 1, counts: { provisional: 1 } });
  });
});
