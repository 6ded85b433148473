// The Electron shell's security decisions, one test per item of Electron's security checklist that they cover
// (https://www.electronjs.org/docs/latest/tutorial/security, item numbers as there).
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from '../../main/electron/policy/app-origin';
import { isBlockedKioskKey, isOperatorExitChord } from '../../main/electron/policy/operator-exit';
import {
  allowDownload,
  allowNavigation,
  allowPermissionCheck,
  allowPermissionRequest,
  allowWebview,
  isTrustedSender,
  windowOpenDecision,
} from '../../main/electron/policy/session-policy';
import { LogScrubber } from '../../main/log-scrub';
import { RendererWatchdog } from '../../main/electron/policy/watchdog';
import { kioskWindowOptions } from '../../main/electron/policy/window-options';
import { CONTENT_SECURITY_POLICY } from '../../main/content-security-policy';

const packaged = kioskWindowOptions({
  packaged: true,
  windowedOperatorMode: false,
  preloadPath: '/app/preload.cjs',
});
const web = packaged.webPreferences!;

describe('Electron security checklist', () => {
  it('#1 only load secure content: the renderer comes from the app:// origin, never http or file', () => {
    expect(APP_ENTRY_URL.startsWith(`${APP_ORIGIN}/`)).toBe(true);
    expect(isAppUrl('file:///app/index.html')).toBe(false);
    expect(isAppUrl('http://kiosk/index.html')).toBe(false);
  });

  it('#2 do not enable Node.js integration for remote content (nor workers, nor subframes)', () => {
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('#3 enable context isolation', () => {
    expect(web.contextIsolation).toBe(true);
  });

  it('#4 enable process sandboxing', () => {
    expect(web.sandbox).toBe(true);
  });

  it('#5 handle session permission requests: only video media, only for the app origin', () => {
    expect(allowPermissionRequest('media', APP_ENTRY_URL, { mediaTypes: ['video'] })).toBe(true);
    expect(allowPermissionRequest('media', APP_ENTRY_URL, { mediaTypes: ['audio'] })).toBe(false);
    expect(allowPermissionRequest('media', APP_ENTRY_URL, { mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(allowPermissionRequest('media', APP_ENTRY_URL, { mediaTypes: [] })).toBe(false);
    expect(allowPermissionRequest('media', 'https://evil.example/', { mediaTypes: ['video'] })).toBe(false);
    for (const other of [
      'geolocation',
      'notifications',
      'clipboard-read',
      'midi',
      'openExternal',
      'hid',
      'serial',
    ]) {
      expect(allowPermissionRequest(other, APP_ENTRY_URL, {})).toBe(false);
    }
    expect(allowPermissionCheck('media', APP_ORIGIN, 'video')).toBe(true);
    expect(allowPermissionCheck('media', APP_ORIGIN, 'audio')).toBe(false);
    expect(allowPermissionCheck('media', 'http://127.0.0.1:5180', 'video')).toBe(false);
  });

  it('#6 do not disable webSecurity', () => {
    expect(web.webSecurity).toBe(true);
  });

  it('#7 define a Content-Security-Policy: nothing from outside the app, no eval', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'|https?:|\*/);
  });

  it('#8 do not enable allowRunningInsecureContent', () => {
    expect(web.allowRunningInsecureContent).toBe(false);
  });

  it('#9 do not enable experimental features', () => {
    expect(web.experimentalFeatures).toBe(false);
  });

  it('#11 do not use webviews (webviewTag off, will-attach-webview refused)', () => {
    expect(web.webviewTag).toBe(false);
    expect(allowWebview()).toBe(false);
  });

  it('#13 disable or limit navigation', () => {
    expect(allowNavigation('https://evil.example/phish')).toBe(false);
    expect(allowNavigation('file:///etc/passwd')).toBe(false);
    expect(allowNavigation(`${APP_ORIGIN}/index.html#review`)).toBe(true);
  });

  it('#14 disable or limit creation of new windows', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });

  it('#17 validate the sender of all IPC messages', () => {
    expect(isTrustedSender(APP_ENTRY_URL)).toBe(true);
    expect(isTrustedSender('https://evil.example/')).toBe(false);
    expect(isTrustedSender('app://other/index.html')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('#18 avoid the file:// protocol', () => {
    expect(isAppUrl('file:///app/index.html')).toBe(false);
    expect(allowNavigation('file:///app/index.html')).toBe(false);
  });

  it('#19 check which fuses you can change (electron-builder.yml flips them)', async () => {
    const { readFile } = await import('node:fs/promises');
    const yml = await readFile('electron-builder.yml', 'utf8');
    for (const line of [
      'runAsNode: false',
      'enableNodeOptionsEnvironmentVariable: false',
      'enableNodeCliInspectArguments: false',
      'enableCookieEncryption: true',
      'enableEmbeddedAsarIntegrityValidation: true',
      'onlyLoadAppFromAsar: true',
    ]) {
      expect(yml).toContain(line);
    }
  });

  it('DevTools are off when packaged, downloads only of the page’s own files, spellcheck is off', () => {
    expect(web.devTools).toBe(false);
    expect(
      kioskWindowOptions({ packaged: false, windowedOperatorMode: false, preloadPath: 'p' }).webPreferences
        ?.devTools,
    ).toBe(true);
    // Only files the kiosk's own page made (its exports): nothing from another origin, nothing fetched.
    expect(allowDownload('blob:app://kiosk/5f0c1d2e-6a7b-4c8d-9e0f-112233445566')).toBe(true);
    expect(allowDownload('https://attacker.example/payload.exe')).toBe(false);
    expect(allowDownload('app://kiosk/index.html')).toBe(false);
    expect(allowDownload('blob:https://attacker.example/5f0c1d2e-6a7b-4c8d-9e0f-112233445566')).toBe(false);
    expect(allowDownload('blob:app://kiosk.evil/5f0c1d2e')).toBe(false);
    expect(allowDownload('data:text/plain,hello')).toBe(false);
    expect(web.spellcheck).toBe(false);
  });
});

describe('kiosk window and operator controls', () => {
  it('is a frameless fullscreen kiosk unless the operator chose windowed mode', () => {
    expect(packaged).toMatchObject({ kiosk: true, fullscreen: true, frame: false });
    expect(
      kioskWindowOptions({ packaged: true, windowedOperatorMode: true, preloadPath: 'p' }),
    ).toMatchObject({
      kiosk: false,
      fullscreen: false,
      frame: true,
    });
  });

  it('recognises the operator exit chord and swallows reload/close keys', () => {
    const key = (
      k: string,
      mods: Partial<{ control: boolean; alt: boolean; shift: boolean; meta: boolean }> = {},
    ) => ({
      type: 'keyDown',
      key: k,
      control: false,
      alt: false,
      shift: false,
      meta: false,
      ...mods,
    });
    expect(isOperatorExitChord(key('Q', { control: true, alt: true, shift: true }))).toBe(true);
    expect(isOperatorExitChord(key('q', { control: true, shift: true }))).toBe(false);
    expect(isBlockedKioskKey(key('r', { control: true }))).toBe(true);
    expect(isBlockedKioskKey(key('F5'))).toBe(true);
    expect(isBlockedKioskKey(key('F4', { alt: true }))).toBe(true);
    expect(isBlockedKioskKey(key('a'))).toBe(false);
  });

  it('reloads a crashed renderer, and relaunches after repeated failures', () => {
    const watchdog = new RendererWatchdog({ windowMs: 60_000, maxReloadsInWindow: 2 });
    expect(watchdog.onFailure(0)).toBe('reload');
    expect(watchdog.onFailure(1_000)).toBe('reload');
    expect(watchdog.onFailure(2_000)).toBe('relaunch');
    expect(watchdog.onFailure(200_000)).toBe('reload');
  });

  it('scrubs keys, PINs and image data from log lines', () => {
    const scrubber = new LogScrubber();
    scrubber.register('sk-live-1234567890');
    const line = scrubber.scrub(
      `key sk-live-1234567890 img data:image/jpeg;base64,${'A'.repeat(300)} blob ${'B'.repeat(200)}`,
    );
    expect(line).not.toContain('sk-live');
    expect(line).not.toMatch(/A{50}|B{50}/);
    expect(scrubber.scrubValue({ jobId: 'j1', pin: '1234', selfie: new Uint8Array(10) })).toEqual({
      jobId: 'j1',
      pin: '[redacted]',
      selfie: '[redacted]',
    });
  });
});
