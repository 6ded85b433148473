// One kiosk under test: a dev host (in-process, temp data folder) and a Chromium page on it, plus the few
// flows every test walks through.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { FIRST_SUPERVISOR_ID } from '../../../app/operators';
import { startDevHostFromEnv, type RunningDevHostFromEnv } from '../../../main/devhost/start';
import { silentLogger } from '../../../main/log';
import { makeVideos as makeVideosIn } from './y4m';
import { openKioskBrowser, type KioskBrowser } from './browser';

export const TMP_DIR = path.resolve(import.meta.dirname, '../.tmp');
/** The PIN every test kiosk is provisioned with (KIOSK_OPERATOR_PIN): the first supervisor's. */
export const OPERATOR_PIN = '246810';
/** Who that PIN belongs to (docs/operators.md): the operator ID a test signs in with unless it names another. */
export const OPERATOR_ID = FIRST_SUPERVISOR_ID;
/**
 * The renderer build the tests serve: dist/renderer, unless KIOSK_E2E_RENDERER_DIR names another (engineers
 * working side by side each build into their own folder, so one's rebuild never pulls files from under
 * another's run).
 */
export const RENDERER_DIR = process.env.KIOSK_E2E_RENDERER_DIR || undefined;

/** The fake camera videos, made from the public-domain fixtures. */
export function makeVideos(): Promise<{ face: string; noFace: string }> {
  return makeVideosIn(TMP_DIR);
}

export interface KioskSession {
  readonly host: RunningDevHostFromEnv;
  readonly ui: KioskBrowser;
  readonly page: Page;
  close(): Promise<void>;
}

export async function startKiosk(
  env: Record<string, string>,
  video: string | null,
  outbox: { connectivityProbeMs?: number } = {},
): Promise<KioskSession> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-e2e-'));
  const host = await startDevHostFromEnv(
    { KIOSK_OPERATOR_PIN: OPERATOR_PIN, ...env },
    {
      dataDir,
      ...(RENDERER_DIR ? { staticDir: RENDERER_DIR } : {}),
      port: 0,
      log: silentLogger,
      outbox: { pollSchedule: { intervalsMs: [0, 250, 500], deadlineMs: 30_000, maxCalls: 60 }, ...outbox },
    },
  );
  const ui = await openKioskBrowser(host.openUrl, video);
  return {
    host,
    ui,
    page: ui.page,
    async close() {
      await ui.close();
      await host.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Signs an operator in for a shift on the home screen's sign-in form (enrollment needs a signed-in operator),
 * typing the PIN on the number pad as a person would. Resolves once "New enrollment" shows; a temporary PIN or a
 * refused one leaves the form up, so the test sees why (sign-in-error) instead of a timeout elsewhere.
 */
export async function signIn(
  session: KioskSession,
  operatorId = OPERATOR_ID,
  pin = OPERATOR_PIN,
): Promise<void> {
  const { page } = session;
  const form = page.getByTestId('sign-in');
  await form.waitFor();
  await form.getByTestId('sign-in-operator').fill(operatorId);
  await form.getByTestId('sign-in-pin').fill('');
  for (const digit of pin) await form.getByTestId(`pin-key-${digit}`).click();
  await form.getByTestId('pin-submit').click();
  const enroll = page.getByTestId('new-enrollment');
  const refused = form.getByTestId('sign-in-error');
  await enroll.or(refused).first().waitFor();
  if (await refused.isVisible()) {
    throw new Error(`sign-in as ${operatorId} was refused: ${(await refused.textContent()) ?? ''}`);
  }
}

/**
 * At home, ready to enroll: waits for the home screen and signs the first supervisor in when it asks for a
 * sign-in (a fresh kiosk, a reloaded page or an ended shift). Does nothing when someone is on shift already.
 */
export async function onShift(
  session: KioskSession,
  operatorId = OPERATOR_ID,
  pin = OPERATOR_PIN,
): Promise<void> {
  const { page } = session;
  const enroll = page.getByTestId('new-enrollment');
  await enroll.or(page.getByTestId('sign-in')).first().waitFor();
  if (!(await enroll.isVisible())) await signIn(session, operatorId, pin);
}

/**
 * Answers the PIN dialog (operator panel, settings, leaving kiosk mode): the operator ID is prefilled with the
 * operator on shift; an empty one is filled with `operatorId` (the first supervisor unless named).
 */
export async function enterPin(page: Page, pin = OPERATOR_PIN, operatorId = OPERATOR_ID): Promise<void> {
  const idField = page.getByTestId('pin-operator-id');
  await idField.waitFor();
  if ((await idField.inputValue()) === '') await idField.fill(operatorId);
  await page.getByTestId('pin-input').fill(pin);
  await page.getByTestId('pin-submit').click();
}

/** Home (signing in first when nobody is on shift) → user ID → consent → capture screen with the camera ready. */
export async function walkToCapture(session: KioskSession, userId: string, shots?: string): Promise<void> {
  const { page, ui } = session;
  await onShift(session);
  await page.getByTestId('new-enrollment').click();
  await page.getByTestId('user-id-input').fill(userId);
  if (shots) await ui.screenshot(`${shots}-user-id`);
  await page.getByTestId('user-id-submit').click();
  await page.getByTestId('consent-accept').waitFor();
  if (shots) await ui.screenshot(`${shots}-consent`);
  await page.getByTestId('consent-accept').click();
  await page.waitForFunction(
    () =>
      (document.querySelector('[data-testid=capture-start]') as HTMLButtonElement | null)?.disabled === false,
  );
}

/** Guided capture to the review screen, then submit; returns when the result screen shows. */
export async function captureAndSubmit(session: KioskSession, shots?: string): Promise<void> {
  const { page, ui } = session;
  if (shots) await ui.screenshot(`${shots}-capture`);
  await page.getByTestId('capture-start').click();
  await page.getByTestId('review-submit').waitFor({ timeout: 60_000 });
  if (shots) await ui.screenshot(`${shots}-review`);
  await page.getByTestId('review-submit').click();
  await page.getByTestId('result-status').waitFor();
}

export async function waitForResult(
  page: Page,
  states: readonly string[],
  timeout = 60_000,
): Promise<string> {
  await page.waitForFunction(
    (wanted) =>
      wanted.includes(
        document.querySelector('[data-testid=result-status]')?.getAttribute('data-state') ?? '',
      ),
    states,
    { timeout },
  );
  return (await page.getByTestId('result-status').getAttribute('data-state')) ?? '';
}
