// A STAND-IN for the 'electron' module, for the shell contract test: the API surface main/electron/ uses, with
// Electron's documented semantics where the shell's correctness depends on them. It proves the wiring of the
// built main.cjs and preload.cjs — what is registered, when, with which options, what crosses the bridge — and
// nothing about Chromium itself (rendering, the real sandbox, the real IPC). Electron's binary cannot be
// downloaded on these machines; this is what can be checked without it.
//
// Semantics kept on purpose:
// - protocol.registerSchemesAsPrivileged works only before 'ready'; protocol.handle only after it.
// - ipcMain.handle refuses a second handler for a channel; ipcRenderer.invoke rejects when there is none, and
//   what crosses IPC is structured-cloned (as Electron's IPC does).
// - Each ipcMain.handle call gets an event whose senderFrame.url is the calling page's URL.
// - contextBridge copies what the preload exposes (copyAcrossBridge: errors reduced to their message).
// - A sandboxed preload's require knows only electron, events, timers and url.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { copyAcrossBridge } from './context-bridge-copy';

type Listener = (...args: unknown[]) => unknown;
type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

export interface IpcMainInvokeEvent {
  readonly senderFrame: { readonly url: string } | null;
  readonly sender: StandInWebContents;
}

/** An event with preventDefault, as Electron passes to will-navigate, before-input-event, before-quit. */
export class StandInEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

const SANDBOXED_PRELOAD_MODULES = new Set(['events', 'timers', 'url']);

export class StandInApp extends EventEmitter {
  readonly isPackaged = false;
  readonly exits: number[] = [];
  relaunches = 0;
  quits = 0;
  loginItemSettings: unknown = null;
  private ready = false;
  private readonly readyWaiters: (() => void)[] = [];

  constructor(private readonly paths: { appPath: string; userData: string; logs: string }) {
    super();
  }

  isReady(): boolean {
    return this.ready;
  }

  whenReady(): Promise<void> {
    return this.ready ? Promise.resolve() : new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** The test's hand on the lifecycle: Electron emits 'ready' once, after the module has loaded. */
  emitReady(): void {
    this.ready = true;
    this.emit('ready', new StandInEvent(), {});
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }

  getPath(name: string): string {
    if (name === 'userData') return this.paths.userData;
    if (name === 'logs') return this.paths.logs;
    throw new Error(`stand-in app.getPath: '${name}' is not used by the shell`);
  }

  getAppPath(): string {
    return this.paths.appPath;
  }

  getVersion(): string {
    return '0.0.0-stand-in';
  }

  getName(): string {
    return 'selfie-kiosk';
  }

  requestSingleInstanceLock(): boolean {
    return true;
  }

  setLoginItemSettings(settings: unknown): void {
    this.loginItemSettings = settings;
  }

  quit(): void {
    this.quits++;
    const event = new StandInEvent();
    this.emit('before-quit', event);
  }

  exit(code = 0): void {
    this.exits.push(code);
  }

  relaunch(): void {
    this.relaunches++;
  }
}

export class StandInWebContents extends EventEmitter {
  url = '';
  reloads = 0;
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: unknown) => unknown) | null = null;
  /** The page currently loaded, whose ipcRenderer receives what main sends. */
  page: StandInPage | null = null;

  send(channel: string, ...args: unknown[]): void {
    const payload = structuredClone(args[0]);
    this.sent.push({ channel, payload });
    this.page?.deliver(channel, payload);
  }

  reload(): void {
    this.reloads++;
  }

  getURL(): string {
    return this.url;
  }

  setWindowOpenHandler(handler: (details: unknown) => unknown): void {
    this.windowOpenHandler = handler;
  }

  isDestroyed(): boolean {
    return false;
  }
}

/** One loaded page: the preload's isolated world and what it exposed to the page's main world. */
export class StandInPage {
  /** What contextBridge.exposeInMainWorld put on the page's window, already copied across the bridge. */
  readonly mainWorld: Record<string, unknown> = {};
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(
    readonly url: string,
    private readonly ipcMain: StandInIpcMain,
    private readonly webContents: StandInWebContents,
  ) {}

  /** The electron module as the preload's require('electron') sees it. */
  rendererElectron(): Record<string, unknown> {
    return {
      contextBridge: {
        exposeInMainWorld: (key: string, api: unknown) => {
          if (key in this.mainWorld) throw new Error(`Cannot bind an API on top of an existing property`);
          this.mainWorld[key] = copyAcrossBridge(api);
        },
      },
      ipcRenderer: {
        invoke: (channel: string, ...args: unknown[]) => this.ipcMain.invokeFrom(this, channel, args),
        on: (channel: string, listener: Listener) => {
          const set = this.listeners.get(channel) ?? new Set();
          set.add(listener);
          this.listeners.set(channel, set);
        },
        removeListener: (channel: string, listener: Listener) => {
          this.listeners.get(channel)?.delete(listener);
        },
      },
    };
  }

  deliver(channel: string, payload: unknown): void {
    for (const listener of this.listeners.get(channel) ?? []) listener({ sender: null }, payload);
  }

  listenerCount(channel: string): number {
    return this.listeners.get(channel)?.size ?? 0;
  }

  get sender(): StandInWebContents {
    return this.webContents;
  }
}

export class StandInIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  async invokeFrom(page: StandInPage, channel: string, args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const event: IpcMainInvokeEvent = { senderFrame: { url: page.url }, sender: page.sender };
    try {
      return structuredClone(await handler(event, ...structuredClone(args)));
    } catch (error) {
      throw new Error(`Error invoking remote method '${channel}': ${String(error)}`, { cause: error });
    }
  }
}

export class StandInProtocol {
  readonly privileged: { scheme: string; privileges: unknown }[] = [];
  readonly handlers = new Map<string, (request: Request) => Promise<Response> | Response>();

  constructor(private readonly app: StandInApp) {}

  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: unknown }[]): void {
    if (this.app.isReady()) {
      throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    }
    this.privileged.push(...schemes);
  }

  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    if (!this.app.isReady()) throw new Error('protocol.handle can only be used after the app is ready');
    this.handlers.set(scheme, handler);
  }

  /** What the page would get for a URL of a handled scheme. */
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    const scheme = new URL(url).protocol.replace(/:$/, '');
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME (${scheme})`);
    return handler(new Request(url, init));
  }
}

export class StandInSession extends EventEmitter {
  permissionRequestHandler: ((...args: unknown[]) => void) | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  /** Preload scripts injected into the session (electron-log's initialize() would add one). */
  readonly injectedPreloads: unknown[] = [];

  setPermissionRequestHandler(handler: (...args: unknown[]) => void): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
    this.permissionCheckHandler = handler;
  }

  setPreloads(preloads: unknown[]): void {
    this.injectedPreloads.push(...preloads);
  }

  getPreloads(): unknown[] {
    return [...this.injectedPreloads];
  }

  registerPreloadScript(script: unknown): void {
    this.injectedPreloads.push(script);
  }
}

export interface StandInShell {
  /** require('electron') for the main bundle. */
  readonly electron: Record<string, unknown>;
  readonly app: StandInApp;
  readonly ipcMain: StandInIpcMain;
  readonly protocol: StandInProtocol;
  readonly session: StandInSession;
  readonly windows: StandInBrowserWindow[];
  readonly errorBoxes: { title: string; content: string }[];
  /** Resolves with each page a window loads, preload run. */
  readonly pages: StandInPage[];
  /** Loads a page at `url` in `window` with its preload, as Chromium would for a navigation to it. */
  openPage(window: StandInBrowserWindow, url: string): StandInPage;
}

export interface StandInBrowserWindow extends EventEmitter {
  readonly options: Record<string, unknown>;
  readonly webContents: StandInWebContents;
  readonly loadedUrls: string[];
  kiosk: boolean;
  fullScreen: boolean;
  shown: boolean;
}

export function createElectronStandIn(paths: {
  appPath: string;
  userData: string;
  logs: string;
}): StandInShell {
  const app = new StandInApp(paths);
  const ipcMain = new StandInIpcMain();
  const protocol = new StandInProtocol(app);
  const session = new StandInSession();
  const windows: StandInBrowserWindow[] = [];
  const pages: StandInPage[] = [];
  const errorBoxes: { title: string; content: string }[] = [];
  const nodeRequire = createRequire(import.meta.url);

  const openPage = (window: StandInBrowserWindow, url: string): StandInPage => {
    const page = new StandInPage(url, ipcMain, window.webContents);
    window.webContents.url = url;
    window.webContents.page = page;
    pages.push(page);
    const preloadPath = (window.options.webPreferences as { preload?: string } | undefined)?.preload;
    if (preloadPath) runSandboxedPreload(preloadPath, page, nodeRequire);
    return page;
  };

  class BrowserWindow extends EventEmitter implements StandInBrowserWindow {
    readonly webContents = new StandInWebContents();
    readonly loadedUrls: string[] = [];
    kiosk: boolean;
    fullScreen: boolean;
    shown = false;

    constructor(readonly options: Record<string, unknown>) {
      super();
      if (!app.isReady()) throw new Error('Cannot create BrowserWindow before app is ready');
      this.kiosk = options.kiosk === true;
      this.fullScreen = options.fullscreen === true;
      windows.push(this);
      app.emit('web-contents-created', new StandInEvent(), this.webContents);
    }

    async loadURL(url: string): Promise<void> {
      this.loadedUrls.push(url);
      const response = await protocol.fetch(url);
      if (!response.ok) throw new Error(`ERR_FILE_NOT_FOUND: ${url} answered ${response.status}`);
      openPage(this, url);
      this.emit('ready-to-show');
    }

    show(): void {
      this.shown = true;
    }

    focus(): void {}

    setKiosk(flag: boolean): void {
      this.kiosk = flag;
    }

    isKiosk(): boolean {
      return this.kiosk;
    }

    setFullScreen(flag: boolean): void {
      this.fullScreen = flag;
    }
  }

  const backend = 'gnome_libsecret';
  const electron: Record<string, unknown> = {
    app,
    ipcMain,
    protocol,
    session: { defaultSession: session },
    BrowserWindow,
    dialog: {
      showErrorBox: (title: string, content: string) => errorBoxes.push({ title, content }),
    },
    net: { isOnline: () => true },
    powerMonitor: new EventEmitter(),
    shell: {
      openPath: async () => 'stand-in: no shell',
      openExternal: async () => undefined,
    },
    // Reversible, and visibly not encryption: the vault's logic is what is exercised here, not the OS keyring.
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => backend,
      encryptString: (text: string) => Buffer.from(`stand-in:${text}`, 'utf8'),
      decryptString: (sealed: Buffer) => {
        const text = sealed.toString('utf8');
        if (!text.startsWith('stand-in:')) throw new Error('Error while decrypting the ciphertext provided');
        return text.slice('stand-in:'.length);
      },
    },
  };
  return { electron, app, ipcMain, protocol, session, windows, errorBoxes, pages, openPage };
}

/** Runs a built preload as Electron's sandbox does: its own context, a require limited to four modules. */
function runSandboxedPreload(file: string, page: StandInPage, nodeRequire: NodeJS.Require): void {
  const electron = page.rendererElectron();
  const sandboxRequire = (id: string): unknown => {
    if (id === 'electron') return electron;
    if (SANDBOXED_PRELOAD_MODULES.has(id)) return nodeRequire(id);
    throw new Error(`module not found: ${id}`);
  };
  const context = vm.createContext({
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    structuredClone,
    URL,
    TextEncoder,
    TextDecoder,
    process: { platform: process.platform, type: 'renderer', sandboxed: true, env: {} },
  });
  const run = vm.compileFunction(
    readFileSync(file, 'utf8'),
    ['exports', 'require', 'module', '__filename', '__dirname'],
    {
      filename: file,
      parsingContext: context,
    },
  ) as (...args: unknown[]) => void;
  const module = { exports: {} };
  run(module.exports, sandboxRequire, module, file, '.');
}

/** Loads the built main bundle as Electron would: a CommonJS module whose require('electron') is the shell. */
export function loadMainBundle(file: string, electron: Record<string, unknown>): void {
  const nodeRequire = createRequire(file);
  const run = vm.compileFunction(
    readFileSync(file, 'utf8'),
    ['exports', 'require', 'module', '__filename', '__dirname'],
    { filename: file },
  ) as (...args: unknown[]) => void;
  const module = { exports: {} };
  const shellRequire = (id: string): unknown => (id === 'electron' ? electron : nodeRequire(id));
  run(module.exports, shellRequire, module, file, file.slice(0, file.lastIndexOf('/')));
}
