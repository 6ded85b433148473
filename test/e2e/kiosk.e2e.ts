// The kiosk as a person uses it: the built renderer in Chromium with a fake camera, against the dev host and
// (in training mode) its in-process simulator, or an external simulator that goes down and comes back.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../main/smileid/simulator/server';
import { DEFAULT_STATIC_DIR } from '../../main/devhost/start';
import {
  captureAndSubmit,
  enterPin,
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
let session: KioskSession | undefined;

beforeAll(async () => {
  videos = await makeVideos();
});

afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** Every request the page made went to the dev host (blob:/data: URLs are in-page, not network). */
function expectOnlyDevHostRequests(s: KioskSession): void {
  const origin = new URL(s.host.url).origin;
  const elsewhere = s.ui.requests.filter(
    (url) => !url.startsWith(`${origin}/`) && !/^(blob|data):/.test(url),
  );
  expect(elsewhere).toEqual([]);
  expect(s.ui.requests.length).toBeGreaterThan(3);
}

describe('kiosk in a real browser', () => {
  it('completes a training enrollment: approved, and the page talks to nobody but its host', async () => {
    session = await startKiosk({}, videos.face);
    const { page, ui } = session;
    await onShift(session);
    await expect(page.getByTestId('training-banner').textContent()).resolves.toMatch(/Training mode/);
    await ui.screenshot('01-home');
    await walkToCapture(session, 'CUST-10001', '02');
    await captureAndSubmit(session, '03');
    expect(await waitForResult(page, ['approved'])).toBe('approved');
    await ui.screenshot('04-result-approved');
    await page.getByTestId('result-done').click();
    await page.getByTestId('queue-status').waitFor();
    expect(await page.getByTestId('queue-status').textContent()).toMatch(/1 sent today/);
    expectOnlyDevHostRequests(session);
  });

  it('offline: the capture is saved, then delivered exactly once when Smile ID is back, and shown approved', async () => {
    const apiKey = 'e2e-secret-api-key-4f9d2c';
    const simulator = await startSimulator({ port: 0, partnerId: '085', apiKey });
    const port = simulator.port;
    session = await startKiosk(
      { SMILEID_BASE_URL: `${simulator.url}/v1`, SMILEID_PARTNER_ID: '085', SMILEID_API_KEY: apiKey },
      videos.face,
      { connectivityProbeMs: 500 },
    );
    const { page, ui } = session;
    await onShift(session);
    expect(await page.getByTestId('training-banner').count()).toBe(0);
    await simulator.close();

    await walkToCapture(session, 'CUST-20002');
    await captureAndSubmit(session);
    expect(await waitForResult(page, ['saved'])).toBe('saved');
    await ui.screenshot('05-result-saved-offline');

    const revived = await startSimulator({ port, partnerId: '085', apiKey });
    try {
      expect(await waitForResult(page, ['approved'])).toBe('approved');
      await ui.screenshot('06-result-approved-after-offline');
      const jobs = revived.jobs();
      expect(jobs).toHaveLength(1);
      expect(jobs[0]).toMatchObject({ userId: 'CUST-20002', acceptedZips: 1, state: 'complete' });
    } finally {
      await revived.close();
    }

    // The API key never reaches the renderer: not in the DOM, not in any window.kiosk answer, not in the bundle.
    expect(await page.content()).not.toContain(apiKey);
    const answers = await page.evaluate(
      async ({ operatorId, pin }) => {
        // window.kiosk is the raw bridge: envelopes. The queue needs an operator session's grant.
        const kiosk = window.kiosk!;
        const signedIn = (await kiosk.verifyPin({ operatorId, pin })) as {
          value?: { grant?: { token: string } };
        };
        const grant = signedIn.value?.grant?.token;
        if (!grant) throw new Error('the operator PIN was refused');
        const answers = [
          await kiosk.getSettings({}),
          await kiosk.getHealth({}),
          await kiosk.getQueue({ grant }),
          await kiosk.checkUserId({ userId: 'CUST-20002' }),
        ];
        await kiosk.endSession({ grant });
        return JSON.stringify(answers);
      },
      { operatorId: OPERATOR_ID, pin: OPERATOR_PIN },
    );
    expect(answers).toContain('"apiKeySet":true');
    expect(answers).not.toContain(apiKey);
    for (const file of await readdir(DEFAULT_STATIC_DIR, { recursive: true })) {
      const full = path.join(DEFAULT_STATIC_DIR, file);
      if (!/\.(js|html|css|json)$/.test(full)) continue;
      expect(await readFile(full, 'utf8')).not.toContain(apiKey);
    }
    expectOnlyDevHostRequests(session);
  });

  it('with no face in view, guides the customer and takes no photo', async () => {
    session = await startKiosk({}, videos.noFace);
    const { page, ui } = session;
    await walkToCapture(session, 'CUST-30003');
    await page.getByTestId('capture-start').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid=capture-prompt]')?.getAttribute('data-prompt') === 'no_face',
    );
    await ui.screenshot('07-capture-no-face');
    // Give the guidance loop time for dozens of frames: still nothing captured, no review.
    await page.waitForTimeout(3_000);
    expect(await page.getByTestId('capture-progress').getAttribute('data-captured')).toBe('0');
    expect(await page.getByTestId('review-submit').count()).toBe(0);
  });

  it('a rejection for no face (0941) advises taking the photos again', async () => {
    session = await startKiosk({}, videos.face);
    const { page, ui } = session;
    // Training mode answers user IDs starting NOFACE with 0941.
    await walkToCapture(session, 'NOFACE-0001');
    await captureAndSubmit(session);
    expect(await waitForResult(page, ['rejected'])).toBe('rejected');
    expect(await page.getByTestId('result-reason').getAttribute('data-next-step')).toBe('recapture');
    await expect(page.getByTestId('result-reason').textContent()).resolves.toMatch(/Take the photos again/);
    await page.getByTestId('result-recapture').waitFor();
    await ui.screenshot('08-result-rejected-0941');
    await page.getByTestId('result-recapture').click();
    await page.getByTestId('capture-start').waitFor();
  });

  it('idle reset returns home, turns the camera off and forgets the user ID', async () => {
    session = await startKiosk({}, videos.face);
    const { page, ui } = session;
    await onShift(session);
    await page.evaluate(
      async ({ operatorId, pin }) => {
        const kiosk = window.kiosk!;
        const signedIn = (await kiosk.verifyPin({ operatorId, pin })) as {
          value?: { grant?: { token: string } };
        };
        const grant = signedIn.value?.grant?.token;
        if (!grant) throw new Error('the operator PIN was refused');
        const updated = (await kiosk.updateSettings({ grant, patch: { idleTimeoutSeconds: 15 } })) as {
          ok: boolean;
        };
        if (!updated.ok) throw new Error('the settings change was refused');
        await kiosk.endSession({ grant });
      },
      { operatorId: OPERATOR_ID, pin: OPERATOR_PIN },
    );
    await page.reload();
    await walkToCapture(session, 'CUST-40004');
    await page.waitForFunction(
      () => document.querySelector('[data-screen]')?.getAttribute('data-screen') === 'home',
      null,
      {
        timeout: 30_000,
      },
    );
    await ui.screenshot('09-home-after-idle');
    expect(await page.evaluate(() => document.querySelectorAll('video').length)).toBe(0);
    await page.getByTestId('new-enrollment').click();
    expect(await page.getByTestId('user-id-input').inputValue()).toBe('');
  });

  it('with no camera at all, says so and what to do', async () => {
    session = await startKiosk({}, null);
    const { page, ui } = session;
    await onShift(session);
    await page.getByTestId('new-enrollment').click();
    await page.getByTestId('user-id-input').fill('CUST-50005');
    await page.getByTestId('user-id-submit').click();
    await page.getByTestId('consent-accept').click();
    await page.getByTestId('camera-problem').waitFor();
    expect(await page.getByTestId('camera-problem').getAttribute('data-problem')).toMatch(
      /not_found|unknown/,
    );
    await ui.screenshot('10-camera-problem');
  });

  it('the operator panel lists the queue behind the PIN', async () => {
    session = await startKiosk({}, videos.face);
    const { page, ui } = session;
    await walkToCapture(session, 'CUST-60006');
    await captureAndSubmit(session);
    await waitForResult(page, ['approved']);
    await page.getByTestId('result-done').click();
    await page.getByTestId('open-operator').click();
    // The PIN dialog names the operator on shift already: only the PIN is typed.
    expect(await page.getByTestId('pin-operator-id').inputValue()).toBe(OPERATOR_ID);
    await enterPin(page);
    await page.getByTestId('operator-jobs').waitFor();
    expect(await page.getByTestId('operator-jobs').textContent()).toContain('CUST-60006');
    await ui.screenshot('11-operator-panel');
  });
});
