// Capture that meets people where they stand, in Chromium with scripted fake-camera videos: a customer who
// walks in from the side and comes closer is guided and captured; one who stays far away is asked to come
// closer; Cancel always goes home with the camera off; a capture that cannot succeed ends, at the capture
// time limit and however often the screen is tapped, on "Please call the operator" with Try again and Cancel.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeVideos, startKiosk, TMP_DIR, walkToCapture, type KioskSession } from './support/kiosk-session';
import { type FacePlacement, walk, writeSceneY4m } from './support/y4m';

const FPS = 10;
const seconds = (count: number) => Math.round(count * FPS);

let videos: { walkIn: string; farAway: string; noFace: string };
let session: KioskSession | undefined;

beforeAll(async () => {
  const { noFace } = await makeVideos();
  const walkIn = path.join(TMP_DIR, 'walk-in-from-left.y4m');
  const farAway = path.join(TMP_DIR, 'far-away-centre.y4m');
  // At the left edge, far away (11 % of the frame width) for 4 s — the camera opens at the first frame, so
  // this is what the customer first shows — then walking to the middle and closer over 3 s, then standing
  // there (the oval's size) for 6 s. The file loops.
  const left: FacePlacement = { centreX: 0.14, centreY: 0.45, widthShare: 0.11 };
  const standing: FacePlacement = { centreX: 0.5, centreY: 0.47, widthShare: 0.36 };
  const sway = (index: number): FacePlacement => ({
    ...standing,
    centreX: standing.centreX + 0.004 * Math.sin(index / 3),
  });
  await writeSceneY4m(
    walkIn,
    [
      ...Array.from({ length: seconds(4) }, () => left),
      ...walk(left, standing, seconds(3)),
      ...Array.from({ length: seconds(6) }, (_, index) => sway(index)),
    ],
    { fps: FPS, background: 'no-face-cat' },
  );
  // In the middle but too far: 12 % of the frame width (about 1.5 % of its area).
  await writeSceneY4m(
    farAway,
    Array.from({ length: seconds(2) }, () => ({ centreX: 0.5, centreY: 0.45, widthShare: 0.12 })),
    { fps: FPS, background: 'no-face-cat' },
  );
  videos = { walkIn, farAway, noFace };
}, 120_000);

afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** Records every prompt the capture screen shows from now on (in the page, so none is missed). */
async function recordPrompts(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (globalThis as unknown as { promptsSeen: string[] }).promptsSeen = seen;
    new MutationObserver(() => {
      const prompt = document.querySelector('[data-testid=capture-prompt]')?.getAttribute('data-prompt');
      if (prompt && seen.at(-1) !== prompt) seen.push(prompt);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  return () => page.evaluate(() => (globalThis as unknown as { promptsSeen: string[] }).promptsSeen);
}

function shownScreen(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('[data-screen]')?.getAttribute('data-screen') ?? null);
}

function waitForScreen(page: Page, screen: string, timeout = 30_000): Promise<unknown> {
  return page.waitForFunction(
    (wanted) => document.querySelector('[data-screen]')?.getAttribute('data-screen') === wanted,
    screen,
    { timeout },
  );
}

/** True when no <video> shows a camera stream any more. */
function cameraOff(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    [...document.querySelectorAll('video')].every((video) => video.srcObject === null),
  );
}

function waitForPrompt(page: Page, prompt: string, timeout = 30_000): Promise<unknown> {
  return page.waitForFunction(
    (wanted) =>
      document.querySelector('[data-testid=capture-prompt]')?.getAttribute('data-prompt') === wanted,
    prompt,
    { timeout },
  );
}

describe('capture framing in a real browser', () => {
  it('guides a customer who walks in from the side and comes closer, and captures them', async () => {
    session = await startKiosk({}, videos.walkIn);
    const { page, ui } = session;
    await walkToCapture(session, 'CUST-71001');
    const prompts = await recordPrompts(page);
    await page.getByTestId('capture-start').click();
    await page.getByTestId('review-submit').waitFor({ timeout: 60_000 });
    await ui.screenshot('capture-framing-01-review');
    const seen = await prompts();
    // First told where to go (to the middle, or closer), then held still and photographed.
    expect(seen.some((prompt) => prompt === 'off_centre' || prompt === 'too_far')).toBe(true);
    expect(seen).toContain('hold_still');
    expect(seen.indexOf('hold_still')).toBeGreaterThan(
      Math.max(seen.indexOf('off_centre'), seen.indexOf('too_far')),
    );
  });

  it('asks a customer who stays far away to come closer, and takes no photo', async () => {
    session = await startKiosk({}, videos.farAway);
    const { page, ui } = session;
    await walkToCapture(session, 'CUST-71002');
    await page.getByTestId('capture-start').click();
    await waitForPrompt(page, 'too_far');
    await ui.screenshot('capture-framing-02-too-far');
    await expect(page.getByTestId('capture-prompt').textContent()).resolves.toMatch(/closer/i);
    // The guidance loop runs on: still "closer", still nothing captured.
    await page.waitForTimeout(2_000);
    expect(await page.getByTestId('capture-prompt').getAttribute('data-prompt')).toBe('too_far');
    expect(await page.getByTestId('capture-progress').getAttribute('data-captured')).toBe('0');
  });

  it('Cancel goes home with the camera off and the customer forgotten, before and during the capture', async () => {
    session = await startKiosk({}, videos.noFace);
    const { page } = session;
    await walkToCapture(session, 'CUST-71003');
    await page.getByTestId('capture-cancel').click();
    await waitForScreen(page, 'home');
    expect(await cameraOff(page)).toBe(true);

    await walkToCapture(session, 'CUST-71004');
    await page.getByTestId('capture-start').click();
    await waitForPrompt(page, 'no_face');
    await page.getByTestId('capture-cancel').click();
    await waitForScreen(page, 'home');
    expect(await cameraOff(page)).toBe(true);
    await page.getByTestId('new-enrollment').click();
    expect(await page.getByTestId('user-id-input').inputValue()).toBe('');
  });

  it('opens the default camera when the camera chosen in the settings is no longer connected', async () => {
    session = await startKiosk({}, videos.walkIn);
    const { page, host } = session;
    host.core.settings.update({ camera: { deviceId: 'camera-that-was-unplugged', resolution: '1920x1080' } });
    await page.reload();
    // walkToCapture waits for Start to be enabled: the camera opened (the fake one, at the size it has).
    await walkToCapture(session, 'CUST-71007');
    expect(await shownScreen(page)).toBe('capture');
    expect(await cameraOff(page)).toBe(false);
  });

  it('ends a capture that cannot succeed on "call the operator" at the time limit, taps or not; Try again restarts it', async () => {
    session = await startKiosk({}, videos.noFace);
    const { page, ui, host } = session;
    // The idle reset is shorter than the capture limit: while the capture runs it must not be what ends it,
    // and the taps below (which restart the idle timer) must not keep the capture going.
    host.core.settings.update({ captureTimeoutSeconds: 20, idleTimeoutSeconds: 15 });
    await page.reload();
    await walkToCapture(session, 'CUST-71005');
    await page.getByTestId('capture-start').click();
    await waitForPrompt(page, 'no_face');
    const tapping = setInterval(() => void page.mouse.click(5, 5).catch(() => undefined), 2_000);
    try {
      await page.getByTestId('capture-timeout').waitFor({ timeout: 40_000 });
    } finally {
      clearInterval(tapping);
    }
    await ui.screenshot('capture-framing-03-call-operator');
    // Still the capture screen: the idle reset (15 s) did not end the running capture (20 s) — the limit did.
    expect(await shownScreen(page)).toBe('capture');
    await expect(page.getByTestId('capture-timeout').textContent()).resolves.toMatch(/call the operator/i);
    expect(await cameraOff(page)).toBe(true);
    expect(await page.getByTestId('capture-prompt').count()).toBe(0);

    await page.getByTestId('capture-retry').click();
    await waitForPrompt(page, 'no_face');
    expect(await page.getByTestId('capture-timeout').count()).toBe(0);
    expect(await cameraOff(page)).toBe(false);

    await page.getByTestId('capture-cancel').click();
    await waitForScreen(page, 'home');
    expect(await cameraOff(page)).toBe(true);
  });

  it('after the time limit, an untouched "call the operator" screen returns home by the idle reset', async () => {
    session = await startKiosk({}, videos.noFace);
    const { page, host } = session;
    host.core.settings.update({ captureTimeoutSeconds: 15, idleTimeoutSeconds: 15 });
    await page.reload();
    await walkToCapture(session, 'CUST-71006');
    await page.getByTestId('capture-start').click();
    await page.getByTestId('capture-timeout').waitFor({ timeout: 40_000 });
    await waitForScreen(page, 'home', 40_000);
    expect(await cameraOff(page)).toBe(true);
  });
});
