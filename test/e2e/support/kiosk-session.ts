// One kiosk under test: a dev host (in-process, temp data folder) and a Chromium page on it, plus the few
// flows every test walks through.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startDevHostFromEnv, type RunningDevHostFromEnv } from '../../../main/devhost/start';
import { silentLogger } from '../../../main/log';
import { makeVideos as makeVideosIn } from './y4m';
import { openKioskBrowser, type KioskBrowser } from './browser';

export const TMP_DIR = path.resolve(import.meta.dirname, '../.tmp');
export const OPERATOR_PIN = '246810';
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

/** Home → user ID → consent → capture screen with the camera ready. */
export async function walkToCapture(session: KioskSession, userId: string, shots?: string): Promise<void> {
  const { page, ui } = session;
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
