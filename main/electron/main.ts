// The Electron shell: one kiosk window over the same kiosk core the dev host runs. Everything security-relevant
// is decided by the pure functions in ./policy (tested); this file only wires them to Electron.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, net, powerMonitor, session, type WebContents } from 'electron';
import { EVENT_CHANNEL } from '../../app/ipc/channels';
import { createDispatch } from '../hosting/ipc-dispatch';
import { startKioskCore, type KioskCore } from '../kiosk-core';
import { createElectronLogger } from './electron-log-adapter';
import { openElectronStoreFile, openElectronStoreSettingsFile } from './electron-store-files';
import { APP_ENTRY_URL } from './policy/app-origin';
import { StartRefusedError, unsafeEnvironment } from './policy/environment-policy';
import { LogScrubber } from '../log-scrub';
import { isBlockedKioskKey, isOperatorExitChord } from './policy/operator-exit';
import {
  allowDownload,
  allowNavigation,
  allowPermissionCheck,
  allowPermissionRequest,
  allowWebview,
  isTrustedSender,
  windowOpenDecision,
} from './policy/session-policy';
import { RendererWatchdog } from './policy/watchdog';
import { kioskWindowOptions } from './policy/window-options';
import { registerAppScheme, serveRenderer } from './protocol';
import { VaultUnavailableError } from '../secure/secret-vault';
import { SafeStorageVault } from './safe-storage-vault';

const NETWORK_CHECK_MS = 10_000;

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(() =>
    start().catch((error: unknown) => {
      // Nothing can run without the vault or the data folder: say why and what to do, then quit.
      const action =
        error instanceof VaultUnavailableError || error instanceof StartRefusedError
          ? error.action
          : 'Restart the kiosk; if it repeats, call support.';
      const reason = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox('Selfie Kiosk cannot start', `${reason}\n\n${action}`);
      app.exit(1);
    }),
  );
}

async function start(): Promise<void> {
  const refusal = unsafeEnvironment(process.env, app.isPackaged);
  if (refusal) throw new StartRefusedError(refusal.reason, refusal.action);
  const userData = app.getPath('userData');
  const scrubber = new LogScrubber();
  const log = createElectronLogger(scrubber, app.getPath('logs'));
  let window: BrowserWindow | null = null;

  const core: KioskCore = await startKioskCore({
    dataDir: userData,
    vault: (settings) => new SafeStorageVault(userData, () => settings.get().allowWeakSecretStorage),
    openSettingsFile: () => openElectronStoreSettingsFile(userData),
    openIndexFile: openElectronStoreFile,
    scrubber,
    env: process.env,
    log,
    sourceSdkVersion: app.getVersion(),
    // Only an unpackaged app started with KIOSK_DEVELOPMENT=1 may use the loopback simulator over http.
    developmentEndpoints: !app.isPackaged && process.env.KIOSK_DEVELOPMENT === '1',
    shell: {
      exitKiosk: () => {
        window?.setKiosk(false);
        window?.setFullScreen(false);
      },
    },
  });

  // Every channel through the dispatch the dev host uses too: the same lookup, sender check and envelopes.
  const dispatch = createDispatch({ handlers: core.handlers, isTrustedSender, log });
  for (const channel of Object.keys(core.handlers)) {
    ipcMain.handle(channel, (event, request: unknown) =>
      dispatch(channel, request, { url: event.senderFrame?.url }),
    );
  }
  core.onEvent((event) => window?.webContents.send(EVENT_CHANNEL, event));
  // electron-store answers any renderer that asks on this channel with the data folder's path; the kiosk's
  // renderer never needs it, so main serves exactly the channel map and nothing else.
  ipcMain.removeAllListeners('electron-store-get-data');

  await serveRenderer(path.join(app.getAppPath(), 'dist', 'renderer'));
  applySessionPolicy(log);
  const settings = core.settings.get();
  app.setLoginItemSettings({ openAtLogin: settings.autoStartAtLogin });
  core.settings.onChange((next) => app.setLoginItemSettings({ openAtLogin: next.autoStartAtLogin }));

  window = createKioskWindow(core, log);
  watchNetwork(core);
  app.on('second-instance', () => window?.focus());
  // Quit only after the core has finished or parked its in-flight sends and closed its files.
  let stopping = false;
  app.on('before-quit', (event) => {
    if (stopping) return;
    stopping = true;
    event.preventDefault();
    core
      .stop()
      .catch((error: unknown) => log.error('core_stop_failed', { error: String(error) }))
      .finally(() => app.exit(0));
  });
}

function createKioskWindow(core: KioskCore, log: ReturnType<typeof createElectronLogger>): BrowserWindow {
  const window = new BrowserWindow(
    kioskWindowOptions({
      packaged: app.isPackaged,
      windowedOperatorMode: core.settings.get().windowedOperatorMode,
      preloadPath: path.join(app.getAppPath(), 'dist', 'main', 'electron', 'preload.cjs'),
    }),
  );
  const watchdog = new RendererWatchdog();
  const recover = (why: string) => {
    const recovery = watchdog.onFailure(Date.now());
    log.error('renderer_failed', { why, recovery });
    if (recovery === 'relaunch') {
      app.relaunch();
      app.exit(0);
    } else {
      window.webContents.reload();
    }
  };
  window.webContents.on('render-process-gone', (_event, details) => recover(details.reason));
  window.on('unresponsive', () => recover('unresponsive'));
  window.webContents.on('before-input-event', (event, input) => {
    if (isOperatorExitChord(input)) {
      event.preventDefault();
      window.webContents.send(EVENT_CHANNEL, { type: 'operator_exit_requested' });
    } else if (window.isKiosk() && isBlockedKioskKey(input)) {
      event.preventDefault();
    }
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

function applySessionPolicy(log: ReturnType<typeof createElectronLogger>): void {
  const kioskSession = session.defaultSession;
  kioskSession.setPermissionRequestHandler((webContents, permission, callback, details) => {
    const granted = allowPermissionRequest(permission, webContents.getURL(), {
      mediaTypes: 'mediaTypes' in details ? details.mediaTypes : [],
      requestingUrl: details.requestingUrl,
    });
    if (!granted) log.warn('permission_denied', { permission });
    callback(granted);
  });
  kioskSession.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) =>
    allowPermissionCheck(
      permission,
      requestingOrigin,
      'mediaType' in details ? details.mediaType : undefined,
    ),
  );
  kioskSession.on('will-download', (event, item) => {
    if (!allowDownload(item.getURL())) event.preventDefault();
  });
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!allowNavigation(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!allowNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => {
      if (!allowWebview()) event.preventDefault();
    });
    contents.setWindowOpenHandler(windowOpenDecision);
  });
}

/** Wakes the outbox on resume from sleep and when the OS reports the network coming or going. */
function watchNetwork(core: KioskCore): void {
  powerMonitor.on('resume', () => core.outbox.networkChanged());
  let online = net.isOnline();
  setInterval(() => {
    const now = net.isOnline();
    if (now !== online) core.outbox.networkChanged(now);
    online = now;
  }, NETWORK_CHECK_MS).unref();
}
