// Bundles the Electron main process and the preload into dist/main/electron/ (CommonJS: a sandboxed preload
// cannot be an ES module). Everything but 'electron' is bundled, so app.asar needs no node_modules lookups
// for our code; the dev host is not an entry point and never lands in the bundle.
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'dist/main/electron');

const common = {
  bundle: true,
  platform: 'node' as const,
  format: 'cjs' as const,
  target: 'node22',
  external: ['electron'],
  sourcemap: true,
  outExtension: { '.js': '.cjs' },
  logLevel: 'warning' as const,
};

await build({ ...common, entryPoints: { main: path.join(root, 'main/electron/main.ts') }, outdir });
await build({
  ...common,
  entryPoints: { preload: path.join(root, 'main/electron/preload/preload.ts') },
  outdir,
});
console.log(`electron: main.cjs and preload.cjs built in ${path.relative(root, outdir)}`);
