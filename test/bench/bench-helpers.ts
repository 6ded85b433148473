// Small helpers the UI benchmarks share: rounding, V8's gc in this process, and the check that the renderer
// build is there and current.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { DEFAULT_STATIC_DIR, REPO_ROOT } from '../../main/devhost/start';

/** V8's gc() without --expose-gc on the command line (tsx starts node): flip the flag, fetch it from a context. */
export function exposeNodeGc(): (() => void) | null {
  if (typeof globalThis.gc === 'function') {
    const gc = globalThis.gc;
    return () => void gc();
  }
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    return typeof gc === 'function' ? () => void (gc as () => unknown)() : null;
  } catch {
    return null;
  }
}

/**
 * The benches never build by themselves (a bench run must not rewrite dist/ under a concurrent e2e run): stop
 * with advice when the renderer is not built, warn when a renderer source is newer than the build.
 */
export async function checkRendererBuilt(): Promise<void> {
  const index = path.join(DEFAULT_STATIC_DIR, 'index.html');
  let builtAt: number;
  try {
    builtAt = (await stat(index)).mtimeMs;
  } catch {
    throw new Error(`The renderer is not built (${index} is missing): run npm run build:renderer first.`);
  }
  const newest = await newestMtime(path.join(REPO_ROOT, 'renderer'));
  if (newest.mtimeMs > builtAt) {
    console.warn(
      `  warning: ${path.relative(REPO_ROOT, newest.file)} is newer than the renderer build: ` +
        'run npm run build:renderer to bench the current sources',
    );
  }
}

async function newestMtime(dir: string): Promise<{ file: string; mtimeMs: number }> {
  let newest = { file: dir, mtimeMs: 0 };
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { mtimeMs } = await stat(file);
    if (mtimeMs > newest.mtimeMs) newest = { file, mtimeMs };
  }
  return newest;
}

export function runTag(): string {
  return Date.now().toString(36).toUpperCase();
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function mb(bytes: number): number {
  return round(bytes / 1024 / 1024, 1);
}

export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
