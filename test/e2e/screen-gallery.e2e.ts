// Every kiosk screen at the three screen sizes kiosks have (1920×1080, 1366×768, 1080×1920 portrait) and in the
// four languages (issue 10): one walk per language through the real flows, and at each screen the layout rules
// of support/layout-audit.ts (no sideways scrolling, 56 px targets, the main action in view, a large portrait
// preview) plus a screenshot per size in test/e2e/screenshots/gallery/<language>/<size>/ for people to look at.
//
// The kiosk sends to a simulator the test stops and starts, so one walk shows every result the customer can
// meet: rejected, saved offline, approved, submitted (result to the bank's callback). Three browsers look at
// it: one with a face before the camera (the main walk), one with nobody (the guidance and, after the
// capture time limit, "call the operator"), one without a camera (the camera problem screen, and a locked
// kiosk, which has no home screen and so takes its language from the settings).
import { mkdtemp, rm, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../app/settings';
import { startDevHostFromEnv, type RunningDevHostFromEnv } from '../../main/devhost/start';
import { silentLogger } from '../../main/log';
import { startSimulator, type RunningSimulator } from '../../main/smileid/simulator/server';
import { openKioskBrowser, type KioskBrowser } from './support/browser';
import {
  makeVideos,
  OPERATOR_PIN,
  RENDERER_DIR,
  startKiosk,
  waitForResult,
  type KioskSession,
} from './support/kiosk-session';
import { ScreenGallery } from './support/layout-audit';

const PARTNER_ID = '085';
const API_KEY = 'gallery-api-key-7c1e55';
/** The training outcome that asks for the photos again (0941): the result screen with two actions. */
const OUTCOMES = [{ pattern: '^NOFACE', resultCode: '0941' }];

let simulator: RunningSimulator;
let kiosk: KioskSession;
let noFace: KioskBrowser;
let noCamera: KioskBrowser;
let lockedHost: RunningDevHostFromEnv;
let locked: Page;
const cleanup: Array<() => Promise<void>> = [];
/** The operator PIN: each walk sets a new one through the recovery code. */
let operatorPin = OPERATOR_PIN;

function startSmileId(port = 0): Promise<RunningSimulator> {
  return startSimulator({ port, partnerId: PARTNER_ID, apiKey: API_KEY, outcomes: OUTCOMES });
}

/** A kiosk whose settings file went missing after it was set up: it rests locked on the recovery screen. */
async function startLockedKiosk(): Promise<RunningDevHostFromEnv> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-e2e-gallery-locked-'));
  cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
  const options = { dataDir, ...(RENDERER_DIR ? { staticDir: RENDERER_DIR } : {}), port: 0, log: silentLogger };
  const first = await startDevHostFromEnv({ KIOSK_OPERATOR_PIN: OPERATOR_PIN }, options);
  await first.close();
  await unlink(path.join(dataDir, 'kiosk-settings.json'));
  return startDevHostFromEnv({}, options);
}

beforeAll(async () => {
  const videos = await makeVideos();
  simulator = await startSmileId();
  kiosk = await startKiosk(
    {
      SMILEID_BASE_URL: `${simulator.url}/v1`,
      SMILEID_PARTNER_ID: PARTNER_ID,
      SMILEID_API_KEY: API_KEY,
      SMILEID_CALLBACK_URL: 'https://bank.example/smile-id/callback',
      KIOSK_ID: 'KIOSK-0042',
      BRANCH: 'Mombasa Road',
    },
    videos.face,
    { connectivityProbeMs: 500 },
  );
  // The walks take minutes: no idle reset or page recycling under them; the capture limit at its shortest.
  kiosk.host.core.settings.update({
    idleTimeoutSeconds: 3600,
    captureTimeoutSeconds: 15,
    recycleRendererAfterEnrollments: 10_000,
    recycleRendererAboveHeapMb: 4096,
  });
  await kiosk.page.reload();
  noFace = await openKioskBrowser(kiosk.host.openUrl, videos.noFace);
  noCamera = await openKioskBrowser(kiosk.host.openUrl, null);
  lockedHost = await startLockedKiosk();
  const lockedContext = await noCamera.browser.newContext();
  locked = await lockedContext.newPage();
  await locked.goto(lockedHost.openUrl);
}, 120_000);

afterAll(async () => {
  await noFace?.close();
  await noCamera?.close();
  await lockedHost?.close();
  await kiosk?.close();
  await simulator?.close();
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** The home screen's language buttons: how a customer picks the language. */
async function chooseLanguage(page: Page, language: Language): Promise<void> {
  await page.getByTestId(`language-${language}`).click();
  await page.waitForFunction((wanted) => document.documentElement.lang === wanted, language);
}

/** Home → user ID → consent → capture, without stopping for pictures. */
async function walkToCamera(page: Page, userId: string): Promise<void> {
  await page.getByTestId('new-enrollment').click();
  await page.getByTestId('user-id-input').fill(userId);
  await page.getByTestId('user-id-submit').click();
  await page.getByTestId('consent-accept').click();
}

async function cameraReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      (document.querySelector('[data-testid=capture-start]') as HTMLButtonElement | null)?.disabled === false,
  );
}

async function captureToReview(page: Page): Promise<void> {
  await cameraReady(page);
  await page.getByTestId('capture-start').click();
  await page.getByTestId('review-submit').waitFor({ timeout: 60_000 });
}

async function tapDigits(page: Page, digits: string): Promise<void> {
  for (const digit of digits) await page.getByTestId(`pin-key-${digit}`).click();
}

/** A PIN no walk has used yet (the recovery code flow wants a new one). */
function nextPin(language: Language): string {
  return `8642${LANGUAGES.indexOf(language)}975`;
}

describe('every screen at every size, in every language', () => {
  for (const language of LANGUAGES) {
    it(`walks every screen in ${language}`, { timeout: 300_000 }, async () => {
      const shots = await ScreenGallery.start(language);
      const tag = language.toUpperCase();
      const { page, host } = kiosk;
      const waiting = noFace.page;
      const cameraless = noCamera.page;

      await chooseLanguage(page, language);
      await shots.take(page, '01-home', { mainAction: 'new-enrollment' });

      // Nobody before the camera: the guidance, then (after 15 s) the time limit — which runs on while the
      // main walk goes on, and is photographed at the end.
      await chooseLanguage(waiting, language);
      await walkToCamera(waiting, `GUIDE-${tag}`);
      await cameraReady(waiting);
      await waiting.getByTestId('capture-start').click();
      await waiting.waitForFunction(
        () => document.querySelector('[data-testid=capture-prompt]')?.getAttribute('data-prompt') === 'no_face',
      );
      await shots.take(waiting, '06-capture-guidance', { mainAction: 'capture-cancel', preview: true });

      // An enrollment Smile ID rejects for no face: the customer may take the photos again.
      await page.getByTestId('new-enrollment').click();
      await page.getByTestId('user-id-input').fill(`NOFACE-${tag}-1`);
      await shots.take(page, '02-user-id', { mainAction: 'user-id-submit' });
      await page.getByTestId('user-id-submit').click();
      await page.getByTestId('consent-accept').waitFor();
      await shots.take(page, '04-consent', { mainAction: 'consent-accept' });
      await page.getByTestId('consent-accept').click();
      await cameraReady(page);
      await shots.take(page, '05-capture-ready', { mainAction: 'capture-start', preview: true });
      await captureToReview(page);
      await shots.take(page, '08-review', { mainAction: 'review-submit' });
      await page.getByTestId('review-submit').click();
      expect(await waitForResult(page, ['rejected'])).toBe('rejected');
      await page.getByTestId('result-recapture').waitFor();
      await shots.take(page, '09-result-rejected', { mainAction: 'result-done' });
      await page.getByTestId('result-done').click();

      // Smile ID out of reach: saved on the kiosk; back again: sent and approved.
      const userId = `CUST-${tag}-2`;
      await walkToCamera(page, userId);
      await captureToReview(page);
      const port = simulator.port;
      await simulator.close();
      await page.getByTestId('review-submit').click();
      expect(await waitForResult(page, ['saved'])).toBe('saved');
      await shots.take(page, '10-result-saved-offline', { mainAction: 'result-done' });
      simulator = await startSmileId(port);
      expect(await waitForResult(page, ['approved'])).toBe('approved');
      await shots.take(page, '11-result-approved', { mainAction: 'result-done' });
      await page.getByTestId('result-done').click();

      // The same customer again: the duplicate warning; then a kiosk whose results go to the bank's callback.
      await page.getByTestId('new-enrollment').click();
      await page.getByTestId('user-id-input').fill(userId);
      await page.getByTestId('user-id-submit').click();
      await page.getByTestId('duplicate-warning').waitFor();
      await shots.take(page, '03-user-id-duplicate', { mainAction: 'user-id-submit' });
      await page.getByTestId('user-id-submit').click();
      await page.getByTestId('consent-accept').click();
      await captureToReview(page);
      host.core.settings.update({ jobStatusPollingTimeoutSeconds: 0 });
      await page.getByTestId('review-submit').click();
      expect(await waitForResult(page, ['submitted'])).toBe('submitted');
      await shots.take(page, '12-result-submitted', { mainAction: 'result-done' });
      host.core.settings.update({ jobStatusPollingTimeoutSeconds: 120 });
      await page.getByTestId('result-done').click();

      // No camera at all.
      await chooseLanguage(cameraless, language);
      await walkToCamera(cameraless, `CAMERA-${tag}`);
      await cameraless.getByTestId('camera-problem').waitFor();
      await shots.take(cameraless, '13-camera-problem', { mainAction: 'camera-retry' });
      await cameraless.reload();

      // The PIN dialog after a wrong PIN, then the operator panel with this walk's enrollments.
      await page.getByTestId('open-operator').click();
      await tapDigits(page, '1357');
      await page.getByTestId('pin-submit').click();
      await page.getByTestId('pin-error').waitFor();
      await shots.take(page, '14-pin-dialog', { mainAction: 'pin-submit' });
      await tapDigits(page, operatorPin);
      await page.getByTestId('pin-submit').click();
      await page.getByTestId('operator-jobs').waitFor();
      await shots.take(page, '15-operator-panel', { mainAction: 'operator-close', scrolls: true });
      await page.getByTestId('operator-close').click();

      // A forgotten PIN: the recovery code, a new PIN, the new recovery code shown once, then the settings.
      const recoveryCode = await host.core.settings.issueRecoveryCode();
      await page.getByTestId('open-settings').click();
      await page.getByTestId('pin-forgot').click();
      await page.getByTestId('recovery-code-input').fill(recoveryCode);
      await shots.take(page, '17-recover', { mainAction: 'recovery-submit' });
      await page.getByTestId('recovery-submit').click();
      await page.getByTestId('change-pin').waitFor();
      await shots.take(page, '18-change-pin', { mainAction: 'change-pin-save' });
      operatorPin = nextPin(language);
      await page.getByTestId('change-pin-new').fill(operatorPin);
      await page.getByTestId('change-pin-confirm').fill(operatorPin);
      await page.getByTestId('change-pin-save').click();
      await page.getByTestId('recovery-code').waitFor();
      await shots.take(page, '19-recovery-code', { mainAction: 'recovery-code-done' });
      await page.getByTestId('recovery-code-done').click();
      await page.getByTestId('setup-save').waitFor();
      await shots.take(page, '16-settings', { mainAction: 'setup-save', scrolls: true });
      await page.getByTestId('setup-cancel').click();
      await page.getByTestId('new-enrollment').waitFor();

      // The capture that found nobody has reached its time limit meanwhile.
      await waiting.getByTestId('capture-timeout').waitFor({ timeout: 30_000 });
      await shots.take(waiting, '07-capture-timeout', { mainAction: 'capture-retry', preview: true });
      await waiting.getByTestId('capture-cancel').click();

      // A locked kiosk has no home screen: its language is the kiosk's setting.
      lockedHost.core.settings.update({ language });
      await locked.reload();
      await locked.getByTestId('recover').waitFor();
      await locked.waitForFunction((wanted) => document.documentElement.lang === wanted, language);
      await shots.take(locked, '20-locked', { mainAction: 'recovery-submit' });

      expect(shots.problems).toEqual([]);
    });
  }
});
