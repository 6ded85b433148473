// The layer map of docs/architecture.md, as data. A file belongs to the most specific layer whose folder holds
// it (the list is searched in order, so a sub-folder comes before its parent). `imports` lists the layers its
// files may import from; `forbiddenPackages` are bare imports it may not use; `allowedPackages`, where given,
// are the only bare imports it may use.
import { builtinModules } from 'node:module';

const nodeBuiltins = builtinModules.flatMap((name) => [name, `node:${name}`]);
// Packages that load 'electron' when imported, so plain Node (tests, dev host) would throw.
const electronOnly = ['electron', 'electron-store', 'electron-log/main', 'electron-updater'];
const uiOnly = ['react', 'react-dom'];
// The plain-Node layers of main/ below the composition root.
const mainCore = { forbiddenPackages: [...electronOnly, ...uiOnly, 'electron-log'] };

export const layers = [
  {
    name: 'app',
    folder: 'app/',
    imports: ['app'],
    forbiddenPackages: [
      ...nodeBuiltins,
      ...electronOnly,
      'electron-log',
      'axios',
      ...uiOnly,
      'jszip',
      'conf',
    ],
    why: 'app/ is the shared contract: no Node, no DOM, no Electron, nothing from main/ or renderer/',
  },
  {
    name: 'main/electron/preload',
    folder: 'main/electron/preload/',
    imports: ['app', 'main/electron/preload'],
    forbiddenPackages: [],
    // A sandboxed preload can require only electron, events, timers and url; it needs electron alone.
    allowedPackages: ['electron'],
    why: 'the preload is its own small layer: app/ and electron only, nothing of main/',
  },
  {
    name: 'main/electron',
    folder: 'main/electron/',
    imports: [
      'app',
      'main',
      'main/composition',
      'main/hosting',
      'main/storage',
      'main/secure',
      'main/settings',
      'main/electron',
    ],
    forbiddenPackages: [...uiOnly],
    why: 'main/electron/ is the thin Electron shell over main/ (the preload is built apart from it)',
  },
  {
    name: 'main/devhost',
    folder: 'main/devhost/',
    imports: [
      'app',
      'main',
      'main/composition',
      'main/hosting',
      'main/storage',
      'main/secure',
      'main/settings',
      'main/devhost',
    ],
    forbiddenPackages: [...electronOnly, 'electron-log', ...uiOnly],
    why: 'the dev host runs main/ in plain Node, where Electron cannot load',
  },
  {
    name: 'main/hosting',
    folder: 'main/hosting/',
    imports: ['app', 'main', 'main/composition', 'main/hosting'],
    ...mainCore,
    why: 'main/hosting/ is what both hosts share (asset responder, IPC dispatch), over the handler table',
  },
  {
    name: 'main/smileid',
    folder: 'main/smileid/',
    imports: ['app', 'main', 'main/smileid'],
    ...mainCore,
    why: 'main/smileid/ speaks the Smile ID protocol and knows neither the outbox nor the settings',
  },
  {
    name: 'main/settings',
    folder: 'main/settings/',
    imports: ['app', 'main', 'main/settings', 'main/secure', 'main/storage'],
    ...mainCore,
    why: 'main/settings/ stands below the outbox and does not import it',
  },
  {
    name: 'main/outbox',
    folder: 'main/outbox/',
    imports: ['app', 'main', 'main/outbox', 'main/smileid', 'main/secure', 'main/storage'],
    ...mainCore,
    why: 'main/outbox/ uses the Smile ID client, sealing and storage, and is given settings as plain values',
  },
  {
    name: 'main/storage',
    folder: 'main/storage/',
    imports: ['app', 'main', 'main/storage', 'main/secure'],
    ...mainCore,
    why: 'main/storage/ is the key-value file port and its plain-Node adapters',
  },
  {
    name: 'main/audit',
    folder: 'main/audit/',
    imports: ['app', 'main', 'main/audit', 'main/secure', 'main/storage'],
    ...mainCore,
    why: 'main/audit/ records what the outbox, settings and handlers did; it is given them as plain interfaces',
  },
  {
    name: 'main/diagnostics',
    folder: 'main/diagnostics/',
    imports: ['app', 'main', 'main/diagnostics'],
    ...mainCore,
    why: 'main/diagnostics/ writes the support file from what it is given (settings, health, the audit pass) as plain interfaces',
  },
  {
    name: 'main/secure',
    folder: 'main/secure/',
    imports: ['app', 'main', 'main/secure'],
    ...mainCore,
    why: 'main/secure/ is sealing and the vault interface: it depends on nothing else of main/',
  },
  // The composition root and the handler table: they assemble every main/ layer, so only the hosts (and each
  // other) may import them. One layer name, several files (named without .ts, so an import matches too).
  ...['main/kiosk-core', 'main/handlers', 'main/training'].map((file) => ({
    name: 'main/composition',
    folder: file,
    imports: [
      'app',
      'main',
      'main/composition',
      'main/hosting',
      'main/smileid',
      'main/settings',
      'main/outbox',
      'main/storage',
      'main/secure',
      'main/audit',
      'main/diagnostics',
    ],
    ...mainCore,
    why: 'the composition root assembles main/; only the hosts import it',
  })),
  {
    name: 'main',
    folder: 'main/',
    imports: [
      'app',
      'main',
      'main/hosting',
      'main/smileid',
      'main/settings',
      'main/outbox',
      'main/storage',
      'main/secure',
    ],
    ...mainCore,
    why: 'main/ is plain Node: only main/electron/ may import Electron',
  },
  {
    name: 'renderer',
    folder: 'renderer/',
    imports: ['app', 'renderer'],
    forbiddenPackages: [...nodeBuiltins, ...electronOnly, 'electron-log', 'axios', 'jszip', 'conf'],
    why: 'the renderer talks to main only through window.kiosk: no Node, no Electron, no network client',
  },
];
