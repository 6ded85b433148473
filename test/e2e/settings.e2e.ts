// The settings screen as an operator meets it, in Chromium against the dev host (issue 10). A tester once bricked
// a kiosk in one save: "production" with no partner ID and no key said "Settings saved", and from then on the
// kiosk showed only a setup screen whose Save asked for a PIN it had no field for. Here: that save is refused
// beside the fields (and by main when the screen is bypassed), a kiosk that cannot send asks for the PIN and
// always has a way on, Back never leaves the app, and settings round-trip through main.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_SUPERVISOR_ID } from '../../app/operators';
import { startDevHostFromEnv, type RunningDevHostFromEnv } from '../../main/devhost/start';
import { silentLogger } from '../../main/log';
import { openKioskBrowser, SCREENSHOT_DIR, type KioskBrowser } from './support/browser';
import {
  enterPin,
  makeVideos,
  onShift,
  OPERATOR_PIN,
  RENDERER_DIR,
  startKiosk,
  type KioskSession,
} from './support/kiosk-session';

let session: KioskSession | undefined;
const cleanup: Array<() => Promise<void>> = [];

afterEach(async () => {
  await session?.close();
  session = undefined;
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A dev host with exactly these provisioning variables (startKiosk always adds the PIN). */
async function startWith(
  env: Record<string, string>,
): Promise<{ host: RunningDevHostFromEnv; ui: KioskBrowser }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-e2e-settings-'));
  cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
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

function shownScreen(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('[data-screen]')?.getAttribute('data-screen') ?? null);
}

async function waitForScreen(page: Page, screen: string): Promise<void> {
  await page.waitForFunction(
    (wanted) => document.querySelector('[data-screen]')?.getAttribute('data-screen') === wanted,
    screen,
    { timeout: 15_000 },
  );
}

async function openSettings(page: Page): Promise<void> {
  await page.getByTestId('open-settings').click();
  await enterPin(page);
  await page.getByTestId('setup-save').waitFor();
}

/** The problem shown beside a field, or null. */
async function problemOf(page: Page, field: string): Promise<string | null> {
  const problem = page.getByTestId(`setup-${field.replace(/\./g, '-')}-problem`);
  return (await problem.count()) === 0 ? null : problem.getAttribute('data-problem');
}

/** Every settings request the page sends. */
function settingsSaves(page: Page): string[] {
  const saves: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/settings.update') {
      saves.push(request.postData() ?? '');
    }
  });
  return saves;
}

describe('no dead ends on the settings screen', () => {
  it('refuses the brick save beside its fields, and main refuses what the screen cannot know', async () => {
    session = await startKiosk({}, null);
    const { page, ui, host } = session;
    const saves = settingsSaves(page);
    await waitForScreen(page, 'home');
    const fileBefore = await readFile(path.join(host.dataDir, 'kiosk-settings.json'), 'utf8');
    await openSettings(page);

    // The old brick: production, no partner ID, no API key. The screen says what is missing, beside each field.
    await page.getByTestId('setup-environment').selectOption('production');
    await page.getByTestId('setup-save').click();
    await page.getByTestId('setup-partnerId-problem').waitFor();
    expect(await problemOf(page, 'partnerId')).toBe('needed_to_send');
    expect(await problemOf(page, 'apiKey')).toBe('needed_to_send');
    expect(await page.getByTestId('setup-message').textContent()).toMatch(/Not saved/);
    await ui.screenshot('settings-refused-before-sending');
    // Nothing was sent, nothing saved.
    expect(saves).toEqual([]);
    expect(host.core.settings.get().environment).toBe('training');

    // In French too: the same problems, in the operator's language.
    await page.getByTestId('setup-language').selectOption('fr');
    await page.getByTestId('setup-partnerId').fill('P-085');
    await page.getByTestId('setup-save').click();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid=setup-partnerId-problem]')?.getAttribute('data-problem') ===
        'digits_only',
    );
    await page.getByTestId('setup-language').selectOption('en');

    // Main's own refusal, shown the same way: a plain-http custom URL that is not loopback passes the screen's
    // schema check, and main's endpoint policy refuses it. Nothing is saved.
    await page.getByTestId('setup-environment').selectOption('custom');
    await page.getByTestId('setup-customApiUrl').fill('http://smileid.attacker.example/v1');
    await page.getByTestId('setup-partnerId').fill('085');
    await page.getByTestId('setup-apiKey').fill('sk_attacker_key_0123');
    await page.getByTestId('setup-save').click();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid=setup-customApiUrl-problem]')?.getAttribute('data-problem') ===
        'not_https',
    );
    expect(saves).toHaveLength(1);
    expect(await readFile(path.join(host.dataDir, 'kiosk-settings.json'), 'utf8')).toBe(fileBefore);
    expect(await host.core.vault.get('smileid.apiKey')).toBeNull();
    await ui.screenshot('settings-refused-by-main');

    // Cancel leads home; a reload still rests on home: the kiosk was never bricked.
    await page.getByTestId('setup-cancel').click();
    await waitForScreen(page, 'home');
    await page.reload();
    await waitForScreen(page, 'home');
  });

  it('a kiosk that cannot send asks for the PIN on its setup screen; Cancel and Back always lead somewhere', async () => {
    // Provisioned like the bricked kiosk: production, a PIN, but no partner ID and no key.
    const { host, ui } = await startWith({
      SMILEID_BASE_URL: 'https://api.smileidentity.com/v1',
      KIOSK_OPERATOR_PIN: OPERATOR_PIN,
    });
    const page = ui.page;
    await page.getByTestId('setup-gate').waitFor();
    // The PIN is asked at once; the screen says what is missing.
    await page.getByTestId('pin-input').waitFor();
    expect(
      await page.locator('.setup-missing li').evaluateAll((items) => items.map((li) => li.dataset.field)),
    ).toEqual(['partnerId', 'apiKey']);
    await ui.screenshot('settings-gate-asks-pin');

    // Cancel closes the PIN prompt onto the gate, which offers the PIN again and the recovery code.
    await page.getByTestId('pin-cancel').click();
    await page.getByTestId('setup-sign-in').waitFor();
    expect(await page.getByTestId('pin-input').count()).toBe(0);
    // "Forgot the PIN?" leads to the recovery screen, whose Cancel comes back here.
    await page.getByTestId('setup-forgot').click();
    await waitForScreen(page, 'recover');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('setup-gate').waitFor();

    // A reload rests here too, and asks for the PIN again.
    await page.reload();
    await page.getByTestId('pin-input').waitFor();
    await enterPin(page);
    await page.getByTestId('setup-save').waitFor();
    // The way out: training needs nothing.
    await page.getByTestId('setup-environment').selectOption('training');
    await page.getByTestId('setup-save').click();
    await waitForScreen(page, 'home');
    expect(host.core.settings.get().environment).toBe('training');
    await page.reload();
    await waitForScreen(page, 'home');
  });

  it('first-run setup asks for a PIN and refuses a destination that cannot send', async () => {
    const { host, ui } = await startWith({});
    const page = ui.page;
    await page.getByTestId('setup-save').waitFor();
    await page.getByTestId('setup-environment').selectOption('sandbox');
    await page.getByTestId('setup-save').click();
    await page.getByTestId('setup-newPin-problem').waitFor();
    expect(await problemOf(page, 'newPin')).toBe('required');
    expect(await problemOf(page, 'partnerId')).toBe('needed_to_send');

    await page.getByTestId('setup-partnerId').fill('085');
    await page.getByTestId('setup-apiKey').fill('sk_sandbox_key_0123');
    await page.getByTestId('setup-newPin').fill('97531086');
    await page.getByTestId('setup-confirmPin').fill('97531068');
    await page.getByTestId('setup-save').click();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid=setup-confirmPin-problem]')?.getAttribute('data-problem') ===
        'pins_differ',
    );
    await page.getByTestId('setup-confirmPin').fill('97531086');
    await page.getByTestId('setup-save').click();
    await page.getByTestId('recovery-code-done').click();
    await waitForScreen(page, 'home');
    expect(host.core.settings.get()).toMatchObject({ environment: 'sandbox', partnerId: '085' });
    expect(await host.core.vault.get('smileid.apiKey')).toBe('sk_sandbox_key_0123');
    expect((await host.core.settings.verifyPin('97531086')).kind).toBe('ok');
  });

  it('browser Back never leaves the kiosk', async () => {
    session = await startKiosk({}, null);
    const { page, host } = session;
    await waitForScreen(page, 'home');
    const origin = new URL(host.url).origin;
    const inKiosk = async () => {
      expect(new URL(page.url()).origin).toBe(origin);
      expect(await shownScreen(page)).not.toBeNull();
    };

    // From the home screen, before and after a touch (signing in for a shift).
    await page.goBack();
    await inKiosk();
    await onShift(session);
    await page.getByTestId('new-enrollment').click();
    await waitForScreen(page, 'userId');
    for (let press = 0; press < 3; press++) {
      await page.goBack();
      await inKiosk();
    }
    expect(await shownScreen(page)).toBe('userId');

    // From script, as a mouse's back button would; the screen's own Back still works.
    await page.evaluate(() => history.go(-1));
    await inKiosk();
    expect(await shownScreen(page)).toBe('userId');
    await page.getByRole('button', { name: 'Back' }).first().click();
    await waitForScreen(page, 'home');
    // From the settings screen.
    await openSettings(page);
    await page.goBack();
    await page.evaluate(() => history.back());
    await inKiosk();
    expect(await shownScreen(page)).toBe('setup');
  });
});

describe('settings round-trip through main', () => {
  it('auto-start, windowed mode, idle and capture timeouts, user-ID rule, retention and camera', async () => {
    // A fake camera, so the picker has a device to choose besides the default.
    session = await startKiosk({}, (await makeVideos()).face);
    const { page, ui, host } = session;
    await waitForScreen(page, 'home');
    await openSettings(page);
    await page.setViewportSize({ width: 1366, height: 768 });
    await ui.screenshot('settings-1366x768');
    // What the operator sees without scrolling: the first sections, and Save / Cancel above the queue line.
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'settings-1366x768-viewport.png') });
    expect(await page.getByTestId('setup-save').isVisible()).toBe(true);

    await page.getByTestId('setup-autoStartAtLogin').uncheck();
    await page.getByTestId('setup-windowedOperatorMode').check();
    await page.getByTestId('setup-idleTimeoutSeconds').fill('45');
    await page.getByTestId('setup-captureTimeoutSeconds').fill('30');
    await page.getByTestId('setup-userIdRule-minLength').fill('6');
    await page.getByTestId('setup-duplicateGuard').selectOption('block');
    await page.getByTestId('setup-retentionDays').fill('14');
    await page.getByTestId('setup-maxImageAgeDays').fill('7');
    await page.getByTestId('camera-resolution').selectOption('640x480');
    // The first camera the browser lists (Chromium's fake device), chosen by its deviceId.
    await page.waitForFunction(
      () =>
        ((document.querySelector('[data-testid=camera-device]') as HTMLSelectElement | null)?.options
          .length ?? 0) > 1,
    );
    const deviceId = await page
      .getByTestId('camera-device')
      .evaluate((select: HTMLSelectElement) => select.options[1]!.value);
    await page.getByTestId('camera-device').selectOption(deviceId);

    // An out-of-range value is named beside its field first, with its limit.
    await page.getByTestId('setup-captureTimeoutSeconds').fill('5');
    await page.getByTestId('setup-save').click();
    await page.getByTestId('setup-captureTimeoutSeconds-problem').waitFor();
    expect(await page.getByTestId('setup-captureTimeoutSeconds-problem').textContent()).toContain('15');
    await page.getByTestId('setup-captureTimeoutSeconds').fill('30');

    await page.getByTestId('setup-save').click();
    await waitForScreen(page, 'home');
    expect(host.core.settings.get()).toMatchObject({
      autoStartAtLogin: false,
      windowedOperatorMode: true,
      idleTimeoutSeconds: 45,
      captureTimeoutSeconds: 30,
      userIdRule: { minLength: 6 },
      duplicateGuard: 'block',
      retentionDays: 14,
      maxImageAgeDays: 7,
      camera: { deviceId, resolution: '640x480' },
    });

    // Read back after a reload: the form shows what main holds.
    await page.reload();
    await openSettings(page);
    expect(await page.getByTestId('setup-autoStartAtLogin').isChecked()).toBe(false);
    expect(await page.getByTestId('setup-windowedOperatorMode').isChecked()).toBe(true);
    expect(await page.getByTestId('setup-idleTimeoutSeconds').inputValue()).toBe('45');
    expect(await page.getByTestId('setup-captureTimeoutSeconds').inputValue()).toBe('30');
    expect(await page.getByTestId('camera-resolution').inputValue()).toBe('640x480');
    expect(await page.getByTestId('camera-device').inputValue()).toBe(deviceId);
    await page.setViewportSize({ width: 1080, height: 1920 });
    await ui.screenshot('settings-1080x1920');
  });

  it('window.kiosk called directly cannot save a forbidden combination', async () => {
    session = await startKiosk({}, null);
    const { page, host } = session;
    await waitForScreen(page, 'home');
    const before = host.core.settings.get();
    const answers = await page.evaluate(
      async ({ pin, operatorId }) => {
        const kiosk = window.kiosk!;
        const signedIn = (await kiosk.verifyPin({ operatorId, pin })) as {
          ok: boolean;
          value: { grant: { token: string } };
        };
        const grant = signedIn.value.grant.token;
        const attempts: Array<Record<string, unknown>> = [
          { patch: { environment: 'production' } },
          { patch: { environment: 'sandbox', partnerId: '085' } },
          { patch: { environment: 'custom', partnerId: '085' }, apiKey: 'sk_attacker_key_0123' },
          { patch: { environment: 'custom', customApiUrl: 'http://attacker.example/v1', partnerId: '085' } },
          { patch: { allowedCustomApiHosts: ['attacker.example'] } },
          { patch: { idleTimeoutSeconds: 1 } },
          // No grant at all.
          { patch: { environment: 'training', kioskId: 'no-session' } },
        ];
        const results: unknown[] = [];
        for (const [index, attempt] of attempts.entries()) {
          const request = index === attempts.length - 1 ? attempt : { ...attempt, grant };
          results.push(await kiosk.updateSettings(request as never));
        }
        return results as Array<{ ok: boolean; error?: { code: string; params?: Record<string, unknown> } }>;
      },
      { pin: OPERATOR_PIN, operatorId: FIRST_SUPERVISOR_ID },
    );
    expect(answers.map((answer) => answer.ok)).toEqual([false, false, false, false, false, false, false]);
    expect(answers.map((answer) => answer.error?.params?.field ?? answer.error?.code)).toEqual([
      'partnerId',
      'apiKey',
      'customApiUrl',
      'customApiUrl',
      'patch.allowedCustomApiHosts',
      'patch.idleTimeoutSeconds',
      'pin_required',
    ]);
    expect(host.core.settings.get()).toEqual(before);
    expect(await host.core.vault.get('smileid.apiKey')).toBeNull();
  });
});
