// Operator sessions as a person meets them (security findings 3, 4 and 5), in Chromium against the dev host:
// an unattended settings screen closes itself and its session dies in main, the PIN crosses to main once; a
// locked kiosk says what happened and gets back in with the supervisor recovery code; an old 4-digit PIN is
// changed before anything else.
import { randomBytes, scryptSync } from 'node:crypto';
import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { startDevHostFromEnv, type RunningDevHostFromEnv } from '../../main/devhost/start';
import { silentLogger } from '../../main/log';
import { openKioskBrowser, type KioskBrowser } from './support/browser';
import { enterPin, OPERATOR_PIN, RENDERER_DIR, startKiosk, type KioskSession } from './support/kiosk-session';

let session: KioskSession | undefined;
const cleanup: Array<() => Promise<void>> = [];

afterEach(async () => {
  await session?.close();
  session = undefined;
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A dev host and a page on a data folder the test prepared (startKiosk makes a fresh one). */
async function startOn(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<{ host: RunningDevHostFromEnv; ui: KioskBrowser }> {
  const host = await startDevHostFromEnv(env, {
    dataDir,
    ...(RENDERER_DIR ? { staticDir: RENDERER_DIR } : {}),
    port: 0,
    log: silentLogger,
  });
  const ui = await openKioskBrowser(host.openUrl, null);
  cleanup.push(async () => {
    await ui.close();
    await host.close();
  });
  return { host, ui };
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-e2e-operator-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function shownScreen(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('[data-screen]')?.getAttribute('data-screen') ?? null);
}

async function setNewPin(page: Page, pin: string): Promise<void> {
  await page.getByTestId('change-pin-new').fill(pin);
  await page.getByTestId('change-pin-confirm').fill(pin);
  await page.getByTestId('change-pin-save').click();
}

describe('operator sessions in the browser', () => {
  it('closes an unattended settings screen on idle and ends its session in main; the PIN crosses once', async () => {
    session = await startKiosk({}, null);
    const { page, ui, host } = session;
    host.core.settings.update({ idleTimeoutSeconds: 15 });
    await page.reload();
    // Nobody on shift: the supervisor walks up and opens the settings (a shift would be a second session).
    await page.getByTestId('sign-in').waitFor();
    const posted: Array<{ path: string; body: string }> = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') {
        posted.push({ path: new URL(request.url()).pathname, body: request.postData() ?? '' });
      }
    });

    await page.getByTestId('open-settings').click();
    await enterPin(page);
    await page.getByTestId('setup-save').waitFor();
    expect(host.core.sessions.count()).toBe(1);
    // A privileged call from the screen: a new recovery code, shown once.
    await page.getByTestId('new-recovery-code').click();
    await page.getByTestId('recovery-code').waitFor();
    expect(await page.getByTestId('recovery-code').textContent()).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    await ui.screenshot('13-recovery-code-notice');
    await page.getByTestId('recovery-code-done').click();
    expect(await shownScreen(page)).toBe('setup');

    // Nobody touches it: the settings screen closes, and main no longer honours the grant.
    await page.waitForFunction(
      () => document.querySelector('[data-screen]')?.getAttribute('data-screen') === 'home',
      null,
      { timeout: 30_000 },
    );
    await expect.poll(() => host.core.sessions.count(), { timeout: 5_000 }).toBe(0);
    expect(posted.map((request) => request.path)).toContain('/api/operator.endSession');

    const withPin = posted.filter((request) => request.body.includes(OPERATOR_PIN));
    expect(withPin.map((request) => request.path)).toEqual(['/api/operator.verifyPin']);
    const issued = posted.find((request) => request.path === '/api/operator.issueRecoveryCode');
    expect(JSON.parse(issued!.body)).toEqual({ grant: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
  });

  it('a locked kiosk says what happened, and the recovery code gets it back', async () => {
    const dataDir = await tempDir();
    const first = await startDevHostFromEnv(
      { KIOSK_OPERATOR_PIN: OPERATOR_PIN },
      { dataDir, port: 0, log: silentLogger },
    );
    const recoveryCode = await first.core.settings.issueRecoveryCode();
    await first.close();
    // The settings file is lost (deleted, or moved aside after failing its seal).
    await unlink(path.join(dataDir, 'kiosk-settings.json'));

    const { host, ui } = await startOn(dataDir);
    const page = ui.page;
    await page.getByTestId('recover').waitFor();
    expect(await page.getByTestId('lock-reason').getAttribute('data-reason')).toBe('settings_file_missing');
    // Plain words for the operator (no variable or file-format names on screen), naming the guide's section.
    const hint = await page.getByTestId('recovery-provision-hint').textContent();
    expect(hint).toMatch(/IT support.*provisioning it again.*"A locked kiosk"/);
    expect(hint).not.toMatch(/KIOSK_PROVISION|operatorPin/);
    expect(await page.getByTestId('new-enrollment').count()).toBe(0);
    await ui.screenshot('14-kiosk-locked');

    await page.getByTestId('recovery-code-input').fill('WRONG-CODE0-00000-00000');
    await page.getByTestId('recovery-submit').click();
    await page
      .getByRole('alert')
      .filter({ hasText: /not right/ })
      .waitFor();

    await page.getByTestId('recovery-code-input').fill(recoveryCode.toLowerCase());
    await page.getByTestId('recovery-submit').click();
    await page.getByTestId('change-pin').waitFor();
    await setNewPin(page, '97531086');
    await page.getByTestId('recovery-code').waitFor();
    expect(await page.getByTestId('recovery-code').textContent()).not.toBe(recoveryCode);
    await page.getByTestId('recovery-code-done').click();
    await page.getByTestId('setup-save').waitFor();
    expect(host.core.settings.pinState()).toBe('set');
    expect((await host.core.settings.verifyPin('97531086')).kind).toBe('ok');
  });

  it('asks for a new PIN before anything else after signing in with an old 4-digit PIN', async () => {
    const dataDir = await tempDir();
    const salt = randomBytes(16);
    const hash = scryptSync('1234', salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const legacyPinHash = ['scrypt', 2 ** 15, 8, 1, salt.toString('base64'), hash.toString('base64')].join(
      '$',
    );
    await writeFile(
      path.join(dataDir, 'kiosk-settings.json'),
      JSON.stringify({ schemaVersion: 1, settings: {}, pinHash: legacyPinHash, provisioned: true }),
    );
    const { host, ui } = await startOn(dataDir);
    const page = ui.page;
    await page.getByTestId('open-operator').click();
    // The old single PIN is the first supervisor's now (settings migration 3).
    await enterPin(page, '1234');
    await page.getByTestId('change-pin').waitFor();
    await ui.screenshot('15-pin-change-required');
    await setNewPin(page, '86420135');
    // No recovery code existed yet: one is made with the new PIN, shown once, then on to the panel.
    await page.getByTestId('recovery-code-done').click();
    await page.getByTestId('operator-close').waitFor();
    expect(await shownScreen(page)).toBe('operator');
    expect((await host.core.settings.verifyPin('86420135')).kind).toBe('ok');
  });
});
