// Every kiosk screen at the three screen sizes kiosks have (1920×1080, 1366×768, 1080×1920 portrait) and in the
// four languages (issue 10): one walk per language through the real flows, and at each screen the layout rules
// of support/layout-audit.ts (no sideways scrolling, 56 px targets, the main action in view, a large portrait
// preview) plus a screenshot per size in test/e2e/screenshots/gallery/<language>/<size>/ for people to look at.
//
// The main kiosk sends to a simulator the test stops and starts, so one walk shows every result a customer can
// meet: rejected, saved offline, approved, needs the operator (a second enrollment of one user ID), submitted
// (the result goes to the bank's callback). Three more kiosks show what the main one cannot at the same time:
// nobody before the camera (the guidance, then "call the operator" at the capture time limit), no camera at all,
// and a locked kiosk (no home screen, so its language is the kiosk's setting). Each kiosk has its own operator
// shift: a kiosk has one shift at a time.
import { mkdtemp, rm, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../app/settings';
import { startDevHostFromEnv, type RunningDevHostFromEnv } from '../../main/devhost/start';
import { silentLogger } from '../../main/log';
import { startSimulator, type RunningSimulator } from '../../main/smileid/simulator/server';
import {
  makeVideos,
  onShift,
  OPERATOR_ID,
  OPERATOR_PIN,
  RENDERER_DIR,
  signIn,
  startKiosk,
  waitForResult,
  type KioskSession,
} from './support/kiosk-session';
import { ScreenGallery } from './support/layout-audit';

const PARTNER_ID = '085';
const API_KEY = 'gallery-api-key-7c1e55';
/** The outcome that asks for the photos again (0941): the result screen with two actions. */
const OUTCOMES = [{ pattern: '^NOFACE', resultCode: '0941' }];
/** The operator panel's parts besides the queue, each with its main action. */
const PANEL_PARTS = [
  ['day', 'day-export-csv'],
  ['audit', 'audit-show'],
  ['support', 'export-diagnostics'],
] as const;
/** The walks take minutes: no idle reset or page recycling under them, and a capture may be slow (a busy CI). */
const UNHURRIED = {
  idleTimeoutSeconds: 3600,
  captureTimeoutSeconds: 600,
  recycleRendererAfterEnrollments: 10_000,
  recycleRendererAboveHeapMb: 4096,
};

let simulator: RunningSimulator;
/** Sends to the simulator, a face before its camera: the main walk. */
let main: KioskSession;
/** Nobody before its camera. */
let empty: KioskSession;
/** No camera. */
let cameraless: KioskSession;
let lockedHost: RunningDevHostFromEnv;
let locked: Page;
const cleanup: Array<() => Promise<void>> = [];
/** The main kiosk's operator PIN: each walk sets a new one through the recovery code. */
let mainPin = OPERATOR_PIN;

function startSmileId(port = 0): Promise<RunningSimulator> {
  return startSimulator({ port, partnerId: PARTNER_ID, apiKey: API_KEY, outcomes: OUTCOMES });
}

async function startUnhurriedKiosk(
  env: Record<string, string>,
  video: string | null,
  options: { connectivityProbeMs?: number; captureTimeoutSeconds?: number } = {},
): Promise<KioskSession> {
  const { captureTimeoutSeconds, ...outbox } = options;
  const session = await startKiosk(env, video, outbox);
  session.host.core.settings.update({
    ...UNHURRIED,
    ...(captureTimeoutSeconds !== undefined ? { captureTimeoutSeconds } : {}),
  });
  await session.page.reload();
  return session;
}

/** A kiosk whose settings file went missing after it was set up: it rests locked on the recovery screen. */
async function startLockedKiosk(): Promise<RunningDevHostFromEnv> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-e2e-gallery-locked-'));
  cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
  const options = {
    dataDir,
    ...(RENDERER_DIR ? { staticDir: RENDERER_DIR } : {}),
    port: 0,
    log: silentLogger,
  };
  const first = await startDevHostFromEnv({ KIOSK_OPERATOR_PIN: OPERATOR_PIN }, options);
  await first.close();
  await unlink(path.join(dataDir, 'kiosk-settings.json'));
  return startDevHostFromEnv({}, options);
}

beforeAll(async () => {
  const videos = await makeVideos();
  simulator = await startSmileId();
  main = await startUnhurriedKiosk(
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
  // Nobody comes: the capture ends at its shortest time limit.
  empty = await startUnhurriedKiosk({}, videos.noFace, { captureTimeoutSeconds: 15 });
  cameraless = await startUnhurriedKiosk({}, null);
  lockedHost = await startLockedKiosk();
  const lockedContext = await cameraless.ui.browser.newContext();
  locked = await lockedContext.newPage();
  await locked.goto(lockedHost.openUrl);
}, 180_000);

afterAll(async () => {
  await lockedHost?.close();
  for (const session of [empty, cameraless, main]) await session?.close();
  await simulator?.close();
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** The home screen's language buttons: how a customer picks the language. */
async function chooseLanguage(page: Page, language: Language): Promise<void> {
  await page.getByTestId(`language-${language}`).click();
  await page.waitForFunction((wanted) => document.documentElement.lang === wanted, language);
}

async function tapDigits(page: Page, digits: string): Promise<void> {
  for (const digit of digits) await page.getByTestId(`pin-key-${digit}`).click();
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

/** Waits for the result screen to show `state`; if it does not, says what the screen shows instead. */
async function resultShown(page: Page, state: string): Promise<void> {
  try {
    await waitForResult(page, [state]);
  } catch (error) {
    const shown = await page.locator('main').textContent();
    throw new Error(`the result screen did not show "${state}"; it shows: ${shown}`, { cause: error });
  }
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
      const { page, host } = main;
      // Each walk starts from rest, whatever the last one left behind: home, nobody signed in.
      await Promise.all([main, empty, cameraless].map((session) => session.page.reload()));

      await chooseLanguage(page, language);
      // The last walk's shift goes on after a reload: ending it shows the sign-in, photographed in this language.
      await page.getByTestId('new-enrollment').or(page.getByTestId('sign-in')).first().waitFor();
      if (await page.getByTestId('sign-out').isVisible()) await page.getByTestId('sign-out').click();
      await page.getByTestId('sign-in-operator').fill(OPERATOR_ID);
      await shots.take(page, '01-sign-in', { mainAction: 'pin-submit' });
      await signIn(main, OPERATOR_ID, mainPin);
      await shots.take(page, '02-home', { mainAction: 'new-enrollment' });

      // Nobody before the camera: the guidance, then (15 s later) the time limit, which runs out while the main
      // walk goes on and is photographed at its end.
      await chooseLanguage(empty.page, language);
      await onShift(empty);
      await walkToCamera(empty.page, `GUIDE-${tag}`);
      await cameraReady(empty.page);
      await empty.page.getByTestId('capture-start').click();
      await empty.page.waitForFunction(
        () =>
          document.querySelector('[data-testid=capture-prompt]')?.getAttribute('data-prompt') === 'no_face',
      );
      await shots.take(empty.page, '07-capture-guidance', { mainAction: 'capture-cancel', preview: true });

      // An enrollment Smile ID rejects for no face: the customer may take the photos again.
      await page.getByTestId('new-enrollment').click();
      await page.getByTestId('user-id-input').fill(`NOFACE-${tag}-1`);
      await shots.take(page, '03-user-id', { mainAction: 'user-id-submit' });
      await page.getByTestId('user-id-submit').click();
      await page.getByTestId('consent-accept').waitFor();
      await shots.take(page, '05-consent', { mainAction: 'consent-accept' });
      await page.getByTestId('consent-accept').click();
      await cameraReady(page);
      await shots.take(page, '06-capture-ready', { mainAction: 'capture-start', preview: true });
      await captureToReview(page);
      await shots.take(page, '09-review', { mainAction: 'review-submit' });
      await page.getByTestId('review-submit').click();
      await resultShown(page, 'rejected');
      await page.getByTestId('result-recapture').waitFor();
      await shots.take(page, '10-result-rejected', { mainAction: 'result-done' });
      await page.getByTestId('result-done').click();

      // Smile ID out of reach: saved on the kiosk; back again: sent and approved.
      const userId = `CUST-${tag}-2`;
      await walkToCamera(page, userId);
      await captureToReview(page);
      const port = simulator.port;
      await simulator.close();
      try {
        await page.getByTestId('review-submit').click();
        await resultShown(page, 'saved');
        await shots.take(page, '11-result-saved-offline', { mainAction: 'result-done' });
      } finally {
        simulator = await startSmileId(port);
      }
      await resultShown(page, 'approved');
      await shots.take(page, '12-result-approved', { mainAction: 'result-done' });
      await page.getByTestId('result-done').click();

      // The same customer again: the duplicate warning; Smile ID refuses a second enrollment, so the operator
      // is needed.
      await page.getByTestId('new-enrollment').click();
      await page.getByTestId('user-id-input').fill(userId);
      await page.getByTestId('user-id-submit').click();
      await page.getByTestId('duplicate-warning').waitFor();
      await shots.take(page, '04-user-id-duplicate', { mainAction: 'user-id-submit' });
      await page.getByTestId('user-id-submit').click();
      await page.getByTestId('consent-accept').click();
      await captureToReview(page);
      await page.getByTestId('review-submit').click();
      await resultShown(page, 'attention');
      await shots.take(page, '13-result-attention', { mainAction: 'result-done' });
      await page.getByTestId('result-done').click();

      // A kiosk whose results go only to the bank's callback: submitted.
      host.core.settings.update({ jobStatusPollingTimeoutSeconds: 0 });
      try {
        await walkToCamera(page, `CUST-${tag}-3`);
        await captureToReview(page);
        await page.getByTestId('review-submit').click();
        await resultShown(page, 'submitted');
        await shots.take(page, '14-result-submitted', { mainAction: 'result-done' });
      } finally {
        host.core.settings.update({ jobStatusPollingTimeoutSeconds: 120 });
      }
      await page.getByTestId('result-done').click();

      // No camera at all.
      await chooseLanguage(cameraless.page, language);
      await onShift(cameraless);
      await walkToCamera(cameraless.page, `CAMERA-${tag}`);
      await cameraless.page.getByTestId('camera-problem').waitFor();
      await shots.take(cameraless.page, '15-camera-problem', { mainAction: 'camera-retry' });

      // The PIN dialog after a wrong PIN, then the operator panel with this walk's enrollments.
      await page.getByTestId('open-operator').click();
      // The operator on shift is filled in; a wrong PIN typed on the pad shows the tries left.
      await expect.poll(() => page.getByTestId('pin-operator-id').inputValue()).toBe(OPERATOR_ID);
      await tapDigits(page, '1357');
      await page.getByTestId('pin-submit').click();
      await page.getByTestId('pin-error').waitFor();
      await shots.take(page, '16-pin-dialog', { mainAction: 'pin-submit' });
      await tapDigits(page, mainPin);
      await page.getByTestId('pin-submit').click();
      await page.getByTestId('operator-jobs').waitFor();
      await shots.take(page, '17-operator-queue', { mainAction: 'operator-close', scrolls: true });
      await page.locator('tr[data-state=needs_attention]').getByTestId('job-discard').first().click();
      await page.getByTestId('discard-dialog').waitFor();
      await shots.take(page, '18-discard-dialog', { mainAction: 'discard-confirm' });
      await page.getByTestId('discard-confirm').click();
      await page.getByTestId('discard-dialog').waitFor({ state: 'detached' });
      // The panel's other parts, where this kiosk's panel has them.
      for (const [tab, mainAction] of PANEL_PARTS) {
        if ((await page.getByTestId(`operator-tab-${tab}`).count()) === 0) continue;
        await page.getByTestId(`operator-tab-${tab}`).click();
        await page.getByTestId(mainAction).waitFor();
        if (tab === 'audit') {
          await page.getByTestId('audit-show').click();
          await page.getByTestId('audit-entries').waitFor();
        }
        await shots.take(page, `19-operator-${tab}`, { mainAction });
      }
      await page.getByTestId('operator-close').click();

      // A forgotten PIN: the recovery code, a new PIN, the new recovery code shown once, then the settings.
      const recoveryCode = await host.core.settings.issueRecoveryCode();
      await page.getByTestId('open-settings').click();
      await page.getByTestId('pin-forgot').click();
      await page.getByTestId('recovery-code-input').fill(recoveryCode);
      await shots.take(page, '20-recover', { mainAction: 'recovery-submit' });
      await page.getByTestId('recovery-submit').click();
      await page.getByTestId('change-pin').waitFor();
      await shots.take(page, '21-change-pin', { mainAction: 'change-pin-save' });
      mainPin = nextPin(language);
      await page.getByTestId('change-pin-new').fill(mainPin);
      await page.getByTestId('change-pin-confirm').fill(mainPin);
      await page.getByTestId('change-pin-save').click();
      await page.getByTestId('recovery-code').waitFor();
      await shots.take(page, '22-recovery-code', { mainAction: 'recovery-code-done' });
      await page.getByTestId('recovery-code-done').click();
      await page.getByTestId('setup-save').waitFor();
      await shots.take(page, '23-settings', { mainAction: 'setup-save', scrolls: true });
      await page.getByTestId('setup-cancel').click();

      // The capture that found nobody has reached its time limit meanwhile.
      await empty.page.getByTestId('capture-timeout').waitFor({ timeout: 30_000 });
      await shots.take(empty.page, '08-capture-timeout', { mainAction: 'capture-retry', preview: true });
      await empty.page.getByTestId('capture-cancel').click();

      // A locked kiosk has no home screen: its language is the kiosk's setting.
      lockedHost.core.settings.update({ language });
      await locked.reload();
      await locked.getByTestId('recover').waitFor();
      await locked.waitForFunction((wanted) => document.documentElement.lang === wanted, language);
      await shots.take(locked, '24-locked', { mainAction: 'recovery-submit' });

      expect(shots.problems).toEqual([]);
    });
  }
});
