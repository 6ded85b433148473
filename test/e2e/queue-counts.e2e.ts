// Who and where, and true numbers, as staff see them in Chromium against the dev host: home names the kiosk, its
// branch and where it sends, under a LIVE banner; consent and review show the customer's user ID and the
// enrollment's reference; and offline, the queue line counts every saved enrollment as it is saved — "3
// waiting" for three, without a reload (it used to stay at "1 waiting").
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeCapture, type CaptureJpegs } from '../support/fixture-images';
import {
  captureAndSubmit,
  makeVideos,
  onShift,
  OPERATOR_ID,
  OPERATOR_PIN,
  startKiosk,
  waitForResult,
  walkToCapture,
  type KioskSession,
} from './support/kiosk-session';

let videos: { face: string; noFace: string };
let capture: CaptureJpegs;
let session: KioskSession | undefined;

beforeAll(async () => {
  videos = await makeVideos();
  capture = makeCapture();
});
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const REFERENCE_SHORT_FORM = /^[0-9A-F]{4}-[0-9A-F]{4}$/;

/** The reference on screen: its short form, and the full one it stands for. */
async function shownReference(page: Page): Promise<{ short: string; full: string }> {
  const element = page.getByTestId('identity-reference');
  return {
    short: ((await element.textContent()) ?? '').trim(),
    full: (await element.getAttribute('data-reference')) ?? '',
  };
}

/**
 * Saves one enrollment through the page's own window.kiosk, as the review screen would, under a shift of its own
 * (the first supervisor signed in through the bridge: enrollment needs an operator on shift).
 */
async function submitThroughBridge(page: Page, userId: string, jpegs: CaptureJpegs): Promise<void> {
  const answer = await page.evaluate(
    async ({ userId, selfie, liveness, operatorId, pin }) => {
      const signedIn = (await window.kiosk!.signIn({ operatorId, pin })) as {
        value?: { grant?: { token: string } };
      };
      const grant = signedIn.value?.grant?.token;
      if (!grant) throw new Error('the operator PIN was refused');
      const envelope = (await window.kiosk!.submitEnrollment({
        grant,
        reference: crypto.randomUUID(),
        userId,
        consent: { given: true, at: Date.now() },
        selfie: new Uint8Array(selfie),
        liveness: liveness.map((frame) => new Uint8Array(frame)),
      })) as { ok: boolean };
      return envelope.ok;
    },
    {
      userId,
      selfie: [...jpegs.selfie],
      liveness: jpegs.liveness.map((frame) => [...frame]),
      operatorId: OPERATOR_ID,
      pin: OPERATOR_PIN,
    },
  );
  expect(answer).toBe(true);
}

describe('who, where and true numbers', () => {
  it('offline: names kiosk and customer, and the queue line counts 3 waiting for 3 saved, with no reload', async () => {
    session = await startKiosk(
      {
        // Nothing listens on port 9: the kiosk is offline from the start.
        SMILEID_BASE_URL: 'http://127.0.0.1:9/v1',
        SMILEID_PARTNER_ID: '085',
        SMILEID_API_KEY: 'e2e-offline-key-5d1c',
        KIOSK_ID: 'K-07',
        BRANCH: 'Mombasa, Moi Avenue',
        KIOSK_LATITUDE: '-4.0435',
        KIOSK_LONGITUDE: '39.6682',
        KIOSK_LOCATION_ACCURACY_M: '50',
        KIOSK_PLACE: 'Moi Avenue',
      },
      videos.face,
      { connectivityProbeMs: 500 },
    );
    const { page, ui } = session;
    await onShift(session);
    // A page that reloads loses this mark.
    await page.evaluate(() => Object.assign(window, { queueCountsMark: true }));

    // Home: which kiosk, which branch, where it sends, and a LIVE banner (not the training one).
    expect(await page.getByTestId('where-kiosk-id').textContent()).toBe('K-07');
    expect(await page.getByTestId('where-branch').textContent()).toBe('Mombasa, Moi Avenue');
    expect(await page.getByTestId('where-place').textContent()).toBe('Moi Avenue · -4.0435, 39.6682 ±50 m');
    expect(await page.getByTestId('where-environment').textContent()).toBe('Custom server');
    expect(await page.getByTestId('live-banner').textContent()).toMatch(/^Live/);
    expect(await page.getByTestId('training-banner').count()).toBe(0);
    await ui.screenshot('who-where-01-home-live');

    // Consent and review: the customer's user ID and this enrollment's reference, the same on both.
    await page.getByTestId('new-enrollment').click();
    expect(await page.getByTestId('user-id-rule').textContent()).toBe(
      '4 to 40 characters. Letters, digits, dash (-) and underscore (_).',
    );
    await page.getByTestId('user-id-input').fill('CUST-Q-0001');
    await page.getByTestId('user-id-submit').click();
    await page.getByTestId('consent-accept').waitFor();
    expect(await page.getByTestId('identity-user-id').textContent()).toBe('CUST-Q-0001');
    const onConsent = await shownReference(page);
    expect(onConsent.short).toMatch(REFERENCE_SHORT_FORM);
    expect(onConsent.full.replace(/-/g, '').slice(0, 8).toUpperCase()).toBe(onConsent.short.replace('-', ''));
    await ui.screenshot('who-where-02-consent');
    await page.getByTestId('consent-accept').click();
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid=capture-start]') as HTMLButtonElement | null)?.disabled ===
        false,
    );
    await page.getByTestId('capture-start').click();
    await page.getByTestId('review-submit').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('identity-user-id').textContent()).toBe('CUST-Q-0001');
    expect(await shownReference(page)).toEqual(onConsent);
    await ui.screenshot('who-where-03-review');
    await page.getByTestId('review-submit').click();
    expect(await waitForResult(page, ['saved'])).toBe('saved');
    expect(await page.getByTestId('identity-user-id').textContent()).toBe('CUST-Q-0001');
    expect(await shownReference(page)).toEqual(onConsent);
    // The saved job carries the reference the customer was shown as its job ID.
    expect(session.host.core.outbox.get(onConsent.full)).toMatchObject({ userId: 'CUST-Q-0001' });
    await page.getByTestId('result-done').click();

    const queueLine = page.getByTestId('queue-status');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=queue-status]')?.getAttribute('data-waiting') === '1',
    );
    expect(await queueLine.getAttribute('data-online')).toBe('false');

    // Two more while offline, while the home screen shows: the line follows each one.
    await submitThroughBridge(page, 'CUST-Q-0002', capture);
    await submitThroughBridge(page, 'CUST-Q-0003', capture);
    await page.waitForFunction(
      () => document.querySelector('[data-testid=queue-status]')?.getAttribute('data-waiting') === '3',
      null,
      { timeout: 10_000 },
    );
    expect(await page.getByTestId('queue-waiting').textContent()).toBe('3 waiting');
    expect(await page.evaluate(() => (window as { queueCountsMark?: boolean }).queueCountsMark)).toBe(true);
    await ui.screenshot('queue-counts-three-waiting-offline');
  });

  it('photos taken again after a rejection are a new enrollment, under a new reference', async () => {
    session = await startKiosk({}, videos.face);
    const { page, host } = session;
    // Training mode answers user IDs starting NOFACE with a rejection that asks for new photos (0941).
    await walkToCapture(session, 'NOFACE-0002');
    await captureAndSubmit(session);
    expect(await waitForResult(page, ['rejected'])).toBe('rejected');
    const first = host.core.outbox.snapshot();
    expect(first).toHaveLength(1);

    const rejectedUnder = await shownReference(page);
    expect(rejectedUnder.full).toBe(first[0]!.jobId);
    await page.getByTestId('result-recapture').click();
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid=capture-start]') as HTMLButtonElement | null)?.disabled ===
        false,
    );
    await captureAndSubmit(session);
    expect(await waitForResult(page, ['rejected'])).toBe('rejected');
    const jobs = host.core.outbox.snapshot();
    expect(jobs).toHaveLength(2);
    const second = jobs.find((job) => job.jobId !== first[0]!.jobId)!;
    expect(second).toMatchObject({ userId: 'NOFACE-0002' });
    // The screen names the new enrollment, not the first one.
    expect((await shownReference(page)).full).toBe(second.jobId);
  });
});
