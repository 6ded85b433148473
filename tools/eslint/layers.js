// The layer map of design.md, as data. A file belongs to the most specific layer whose folder contains it.
// `imports` lists the layers its files may import from; `forbiddenPackages` are bare imports it may not use.
import { builtinModules } from 'node:module';

const nodeBuiltins = builtinModules.flatMap((name) => [name, `node:${name}`]);
// Packages that load 'electron' when imported, so plain Node (tests, dev host) would throw.
const electronOnly = ['electron', 'electron-store', 'electron-log', 'electron-log/main', 'electron-updater'];

export const layers = [
  {
    name: 'app',
    folder: 'app/',
    imports: ['app'],
    forbiddenPackages: [...nodeBuiltins, ...electronOnly, 'axios', 'react', 'react-dom', 'jszip', 'conf'],
    why: 'app/ is the shared contract: no Node, no DOM, no Electron, nothing from main/ or renderer/',
  },
  {
    name: 'main/electron',
    folder: 'main/electron/',
    imports: ['app', 'main', 'main/electron'],
    forbiddenPackages: ['react', 'react-dom'],
    why: 'main/electron/ is the thin Electron shell over main/',
  },
  {
    name: 'main/devhost',
    folder: 'main/devhost/',
    imports: ['app', 'main', 'main/devhost'],
    forbiddenPackages: [...electronOnly, 'react', 'react-dom'],
    why: 'the dev host runs main/ in plain Node, where Electron cannot load',
  },
  {
    name: 'main',
    folder: 'main/',
    imports: ['app', 'main'],
    forbiddenPackages: [...electronOnly, 'react', 'react-dom'],
    why: 'main/ is plain Node: only main/electron/ may import Electron',
  },
  {
    name: 'renderer',
    folder: 'renderer/',
    imports: ['app', 'renderer'],
    forbiddenPackages: [...nodeBuiltins, ...electronOnly, 'axios', 'jszip', 'conf'],
    why: 'the renderer talks to main only through window.kiosk: no Node, no Electron, no network client',
  },
];
