// Renderer recycling in a real browser: with the kiosk set to recycle every 2 enrollments, the page reloads
// itself to the home screen once it is idle there after the second one — not on the result screen while the
// customer is still looking at it, and not under an open PIN prompt. A marker put on window by the test tells
// a reload: a reloaded page is a new window object without it.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RECYCLE_QUIET_MS } from '../../renderer/store/recycle-policy';
import {
  captureAndSubmit,
  makeVideos,
  onShift,
  startKiosk,
  waitForResult,
  walkToCapture,
  type KioskSession,
} from './support/kiosk-session';

/** Long enough that a recycle which was going to happen has happened: the quiet time plus a margin. */
const LONGER_THAN_QUIET_MS = RECYCLE_QUIET_MS + 3_000;

let videos: { face: string; noFace: string };
let session: KioskSession | undefined;

beforeAll(async () => {
  videos = await makeVideos();
});

afterEach(async () => {
  await session?.close();
  session = undefined;
});

interface MarkedWindow {
  __recycleTestMarker?: true;
}

async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as MarkedWindow).__recycleTestMarker = true;
  });
}

async function pageIsMarked(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as MarkedWindow).__recycleTestMarker === true);
}

async function shownScreen(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('[data-screen]')?.getAttribute('data-screen') ?? null);
}

async function enrollAndStayOnResult(s: KioskSession, userId: string): Promise<void> {
  await walkToCapture(s, userId);
  await captureAndSubmit(s);
  expect(await waitForResult(s.page, ['approved'])).toBe('approved');
}

describe('renderer recycling', () => {
  it(
    'reloads to home after the 2nd enrollment once idle at home, never during a customer flow or a PIN prompt',
    { timeout: 180_000 },
    async () => {
      session = await startKiosk({}, videos.face);
      const { page, ui } = session;
      await onShift(session);
      session.host.core.settings.update({ recycleRendererAfterEnrollments: 2 });
      await page.reload(); // the page reads settings when it loads
      // The operator's shift survives a reload of the page, as it must survive each recycling below.
      await page.getByTestId('new-enrollment').waitFor();
      let loads = 0;
      page.on('load', () => (loads += 1));
      await markPage(page);

      // First enrollment: below the limit, so the page stays as it is at home.
      await enrollAndStayOnResult(session, 'CUST-R0001');
      await page.getByTestId('result-done').click();
      await page.getByTestId('new-enrollment').waitFor();
      await page.waitForTimeout(LONGER_THAN_QUIET_MS);
      expect(await pageIsMarked(page)).toBe(true);

      // Second enrollment: due from the submit on, but the customer is still on the result screen.
      await enrollAndStayOnResult(session, 'CUST-R0002');
      await page.waitForTimeout(LONGER_THAN_QUIET_MS);
      expect(await pageIsMarked(page)).toBe(true);
      expect(await shownScreen(page)).toBe('result');

      // Home, but the operator opens the PIN prompt at once: no reload under it.
      await page.getByTestId('result-done').click();
      await page.getByTestId('open-operator').click();
      await page.getByTestId('pin-input').waitFor();
      await page.waitForTimeout(LONGER_THAN_QUIET_MS);
      expect(await pageIsMarked(page)).toBe(true);
      expect(loads).toBe(0);

      // The prompt is cancelled: idle at home, so the page reloads, and comes back to the home screen.
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.waitForFunction(() => (window as MarkedWindow).__recycleTestMarker === undefined, null, {
        timeout: 30_000,
      });
      await page.getByTestId('new-enrollment').waitFor();
      expect(await shownScreen(page)).toBe('home');
      expect(loads).toBe(1);
      await ui.screenshot('12-home-after-recycle');

      // The reloaded page works (the dev host's token survived the reload) and counts from 0 again: one
      // enrollment later it has not recycled.
      await markPage(page);
      await enrollAndStayOnResult(session, 'CUST-R0003');
      await page.getByTestId('result-done').click();
      await page.getByTestId('new-enrollment').waitFor();
      await page.waitForTimeout(LONGER_THAN_QUIET_MS);
      expect(await pageIsMarked(page)).toBe(true);
      expect(loads).toBe(1);
    },
  );
});
