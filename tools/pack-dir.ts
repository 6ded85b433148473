// `npm run pack:dir`: builds the unpacked Linux app with electron-builder where Electron's binary cannot be
// downloaded, using a stand-in electronDist (an empty Electron folder with a placeholder executable), then
// checks app.asar: it must hold the main bundle, the preload, the renderer and the face-model weights, and
// neither the dev host nor tests. Fuses are flipped on the real binary by `npm run dist`; the stand-in has
// none to flip, so they are switched off for this smoke build only.
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { listPackage } from '@electron/asar';
import { build, Platform, type Configuration } from 'electron-builder';
import { load } from 'js-yaml';

const root = path.resolve(import.meta.dirname, '..');

const REQUIRED = [
  '/package.json',
  '/dist/main/electron/main.cjs',
  '/dist/main/electron/preload.cjs',
  '/dist/renderer/index.html',
  '/dist/renderer/models/tiny_face_detector_model.bin',
  '/dist/renderer/models/tiny_face_detector_model-weights_manifest.json',
  '/dist/renderer/wasm/tfjs-backend-wasm-simd.wasm',
];
const FORBIDDEN = [/devhost/i, /^\/test\//, /\.test\./, /^\/main\//, /^\/renderer\//, /simulator\/cli/];

async function standInElectronDist(): Promise<string> {
  const dist = await mkdtemp(path.join(os.tmpdir(), 'electron-stand-in-'));
  await mkdir(path.join(dist, 'resources'), { recursive: true });
  await writeFile(
    path.join(dist, 'electron'),
    '#!/bin/sh\necho "stand-in Electron binary: install Electron to run"\nexit 1\n',
  );
  await chmod(path.join(dist, 'electron'), 0o755);
  await writeFile(path.join(dist, 'LICENSE'), 'stand-in\n');
  // electron-builder reads the version from here; the stand-in claims the version package.json pins.
  const electronPackage = JSON.parse(
    await readFile(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ) as { version: string };
  await writeFile(path.join(dist, 'version'), `${electronPackage.version}\n`);
  return dist;
}

const config = load(await readFile(path.join(root, 'electron-builder.yml'), 'utf8')) as Configuration;
const electronDist = await standInElectronDist();
const output = path.join(root, 'release');
try {
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir'),
    config: { ...config, electronDist, electronFuses: null, directories: { ...config.directories, output } },
  });
} finally {
  await rm(electronDist, { recursive: true, force: true });
}

const asar = path.join(output, 'linux-unpacked', 'resources', 'app.asar');
const entries = listPackage(asar, { isPack: false }).map((entry) => entry.split(path.sep).join('/'));
const missing = REQUIRED.filter((required) => !entries.includes(required));
const forbidden = entries.filter((entry) => FORBIDDEN.some((pattern) => pattern.test(entry)));
console.log(`app.asar: ${entries.length} entries (${asar})`);
if (missing.length > 0 || forbidden.length > 0) {
  if (missing.length > 0) console.error(`missing from app.asar: ${missing.join(', ')}`);
  if (forbidden.length > 0) console.error(`must not be in app.asar: ${forbidden.slice(0, 20).join(', ')}`);
  process.exit(1);
}
console.log('app.asar holds main, preload, renderer and the face model; no dev host, no tests: OK');
