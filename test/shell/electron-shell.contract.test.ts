// The Electron shell contract: the BUILT dist/main/electron/main.cjs and preload.cjs (what app.asar ships), run
// under a stand-in for the 'electron' module (support/electron-stand-in.ts) that keeps Electron's documented
// semantics where the shell depends on them. This is a stand-in: it proves the wiring — lifecycle order, what is
// registered, window options, session policy, what crosses contextBridge — not Chromium. It runs the real kiosk
// core (training mode, its simulator on 127.0.0.1) and the real renderer bridge code as page code.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KioskError } from '../../app/errors';
import { CHANNEL_NAMES, EVENT_CHANNEL } from '../../app/ipc/channel-names';
import { METHOD_NAMES, type KioskApi, type KioskBridge } from '../../app/ipc/channels';
import type { KioskEvent } from '../../app/queue';
import { CONTENT_SECURITY_POLICY } from '../../main/content-security-policy';
import { kioskApiFromBridge } from '../../renderer/bridge/kiosk-api';
import {
  createElectronStandIn,
  loadMainBundle,
  StandInEvent,
  type StandInBrowserWindow,
  type StandInPage,
  type StandInShell,
} from './support/electron-stand-in';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN_BUNDLE = path.join(REPO_ROOT, 'dist/main/electron/main.cjs');
const APP_ENTRY = 'app://kiosk/index.html';
const WASM_KERNEL = 'app://kiosk/wasm/tfjs-backend-wasm-simd.wasm';

let dataRoot: string;
let shell: StandInShell;
let window: StandInBrowserWindow;
let page: StandInPage;
let registeredBeforeReady: string[];

async function until<T>(probe: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Page code: the renderer's own API over what the preload exposed as window.kiosk. */
function pageApi(on: StandInPage): KioskApi {
  return kioskApiFromBridge(on.mainWorld.kiosk as KioskBridge);
}

beforeAll(async () => {
  dataRoot = await mkdtemp(path.join(os.tmpdir(), 'kiosk-shell-'));
  shell = createElectronStandIn({
    appPath: REPO_ROOT,
    userData: path.join(dataRoot, 'userData'),
    logs: path.join(dataRoot, 'logs'),
  });
  loadMainBundle(MAIN_BUNDLE, shell.electron);
  registeredBeforeReady = shell.protocol.privileged.map((entry) => entry.scheme);
  shell.app.emitReady();
  window = await until(() => shell.windows[0], 'the kiosk window');
  page = await until(() => shell.pages[0], 'the kiosk page to load');
  await until(() => (window.shown || shell.errorBoxes.length > 0 ? true : undefined), 'the window to show');
  expect(shell.errorBoxes).toEqual([]);
}, 60_000);

afterAll(async () => {
  if (shell) {
    const quitting = shell.app.exits.length;
    shell.app.quit();
    await until(
      () => (shell.app.exits.length > quitting ? true : undefined),
      'the core to stop and the app to exit',
    );
  }
  if (dataRoot) await rm(dataRoot, { recursive: true, force: true });
}, 30_000);

describe('Electron shell (stand-in electron module, built main.cjs + preload.cjs)', () => {
  it('registers the app:// scheme as privileged before ready, and serves it only after', () => {
    expect(registeredBeforeReady).toEqual(['app']);
    expect(shell.protocol.privileged[0]).toMatchObject({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
    expect([...shell.protocol.handlers.keys()]).toEqual(['app']);
    expect(window.loadedUrls).toEqual([APP_ENTRY]);
  });

  it('serves index.html and the wasm kernel on app://kiosk/ with their types, the CSP and the security headers', async () => {
    const index = await shell.protocol.fetch('app://kiosk/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await index.text()).toContain('<div id="root">');

    const wasm = await shell.protocol.fetch(WASM_KERNEL);
    expect(wasm.status).toBe(200);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(wasm.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const bytes = new Uint8Array(await wasm.arrayBuffer());
    expect([...bytes.subarray(0, 4)]).toEqual([0x00, 0x61, 0x73, 0x6d]); // "\0asm"
  });

  it('answers 404 outside the renderer folder or the app host, 405 to other methods, and survives a bad %', async () => {
    for (const url of [
      'app://kiosk/%2e%2e/%2e%2e/package.json',
      'app://kiosk/..%2f..%2fpackage.json',
      'app://kiosk/%E0%A4%A',
      'app://kiosk/no-such-file.js',
      'app://elsewhere/index.html',
    ]) {
      expect((await shell.protocol.fetch(url)).status, url).toBe(404);
    }
    expect((await shell.protocol.fetch(APP_ENTRY, { method: 'POST' })).status).toBe(405);
  });

  it('opens one window with the locked webPreferences and kiosk mode', () => {
    expect(shell.windows).toHaveLength(1);
    expect(window.options).toMatchObject({ kiosk: true, fullscreen: true, show: false });
    expect(window.options.webPreferences).toMatchObject({
      preload: path.join(REPO_ROOT, 'dist/main/electron/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: true, // not packaged
    });
    expect(window.shown).toBe(true);
  });

  it('handles exactly the channels of the app/ map over IPC, and nothing else', () => {
    expect([...shell.ipcMain.handlers.keys()].sort()).toEqual(Object.values(CHANNEL_NAMES).sort());
    // No other IPC listener (electron-store's data channel, electron-log's renderer channel).
    expect(shell.ipcMain.eventNames()).toEqual([]);
    // Nothing injected into the session (electron-log's initialize() would write and register a preload).
    expect(shell.session.injectedPreloads).toEqual([]);
  });

  it('exposes window.kiosk with exactly the channel map plus onEvent, as functions', () => {
    expect(Object.keys(page.mainWorld)).toEqual(['kiosk']);
    const kiosk = page.mainWorld.kiosk as Record<string, unknown>;
    expect(Object.keys(kiosk).sort()).toEqual([...METHOD_NAMES, 'onEvent'].sort());
    for (const value of Object.values(kiosk)) expect(typeof value).toBe('function');
  });

  it('answers the page through the bridge: a value, and an error with its code and action', async () => {
    const api = pageApi(page);
    expect((await api.getHealth({})).training).toBe(true);

    // Enrollment needs an operator on shift: first-run setup sets the first supervisor's PIN, who signs in.
    await api.setPin({ newPin: '135790' });
    const shift = await api.signIn({ operatorId: 'supervisor', pin: '135790' });
    if (!shift.valid) throw new Error('the PIN just set was refused');
    const refused = await api
      .submitEnrollment({
        grant: shift.grant.token,
        reference: randomUUID(),
        userId: 'ab',
        consent: { given: true, at: Date.now() },
        selfie: new Uint8Array([0xff, 0xd8, 0xff]),
        liveness: [new Uint8Array([0xff, 0xd8, 0xff])],
      })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(KioskError);
    expect(refused).toMatchObject({ code: 'invalid_user_id' });
    expect((refused as KioskError).action).not.toBe('');

    // A privileged call with a session main never issued: refused before any handler runs.
    const expired = await api
      .retryJob({ jobId: randomUUID(), grant: 'A'.repeat(43) })
      .catch((error: unknown) => error);
    expect(expired).toMatchObject({ code: 'session_expired' });
  });

  it('refuses a call from a page of another origin, with a typed error', async () => {
    const foreign = shell.openPage(window, 'https://attacker.example/');
    try {
      const refused = await pageApi(foreign)
        .getHealth({})
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(KioskError);
      expect(refused).toMatchObject({ code: 'unauthorized' });
    } finally {
      shell.openPage(window, APP_ENTRY);
    }
  });

  it('keeps the page on its own origin: navigation, new windows and webviews are refused', () => {
    const navigate = new StandInEvent();
    window.webContents.emit('will-navigate', navigate, 'https://attacker.example/');
    expect(navigate.defaultPrevented).toBe(true);
    const inside = new StandInEvent();
    window.webContents.emit('will-navigate', inside, 'app://kiosk/index.html');
    expect(inside.defaultPrevented).toBe(false);
    expect(window.webContents.windowOpenHandler?.({ url: 'https://attacker.example/' })).toEqual({
      action: 'deny',
    });
    const webview = new StandInEvent();
    window.webContents.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);
  });

  it('grants the camera (video only) to the app origin and nothing else', () => {
    const decide = (permission: string, url: string, mediaTypes: string[]) => {
      let granted: boolean | null = null;
      const contents = { getURL: () => url };
      shell.session.permissionRequestHandler?.(
        contents,
        permission,
        (answer: boolean) => (granted = answer),
        {
          mediaTypes,
          requestingUrl: url,
        },
      );
      return granted;
    };
    expect(decide('media', APP_ENTRY, ['video'])).toBe(true);
    expect(decide('media', APP_ENTRY, ['video', 'audio'])).toBe(false);
    expect(decide('media', 'https://attacker.example/', ['video'])).toBe(false);
    expect(decide('geolocation', APP_ENTRY, [])).toBe(false);
    expect(shell.session.permissionCheckHandler?.(null, 'media', 'app://kiosk', { mediaType: 'video' })).toBe(
      true,
    );
    expect(shell.session.permissionCheckHandler?.(null, 'media', 'app://kiosk', { mediaType: 'audio' })).toBe(
      false,
    );
  });

  it('turns the operator exit chord into an event on the page, and swallows reload keys in kiosk mode', async () => {
    const seen: KioskEvent[] = [];
    const off = pageApi(shell.pages.at(-1)!).onEvent((event) => seen.push(event));
    const chord = new StandInEvent();
    window.webContents.emit('before-input-event', chord, {
      type: 'keyDown',
      key: 'Q',
      control: true,
      alt: true,
      shift: true,
      meta: false,
    });
    expect(chord.defaultPrevented).toBe(true);
    expect(seen).toContainEqual({ type: 'operator_exit_requested' });
    expect(window.webContents.sent.map((sent) => sent.channel)).toContain(EVENT_CHANNEL);
    off();

    const reload = new StandInEvent();
    window.webContents.emit('before-input-event', reload, {
      type: 'keyDown',
      key: 'F5',
      control: false,
      alt: false,
      shift: false,
      meta: false,
    });
    expect(reload.defaultPrevented).toBe(true);
  });

  it('reloads a crashed renderer, then relaunches the app when it keeps crashing', () => {
    const before = window.webContents.reloads;
    for (let crash = 1; crash <= 3; crash++) {
      window.webContents.emit('render-process-gone', new StandInEvent(), { reason: 'crashed' });
    }
    expect(window.webContents.reloads - before).toBe(3);
    expect(shell.app.relaunches).toBe(0);
    window.emit('unresponsive');
    expect(shell.app.relaunches).toBe(1);
    expect(shell.app.exits).toContain(0);
  });

  it('writes its log in main only, under the logs folder, and no preload into the data folder', async () => {
    expect(await readdir(path.join(dataRoot, 'logs'))).toContain('main.log');
    const userData = await readdir(path.join(dataRoot, 'userData'), { recursive: true });
    expect(userData.filter((name) => /preload/i.test(name))).toEqual([]);
  });
});
