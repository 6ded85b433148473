// Maps a request path to a file inside the built renderer folder, or to nothing. A path that could leave the
// folder (`..`, encoded dots or separators, a symlink pointing out) resolves to nothing, so both hosts answer
// 404 exactly as for a file that does not exist. No directory is ever listed.
//
// The callback-style fs functions are used on purpose: in the packaged app the folder is inside app.asar, and
// Electron's asar support has always covered fs.realpath/stat/readFile; they are looked up at call time, after
// Electron has patched the fs module.
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

export const INDEX_FILE = 'index.html';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.bin': 'application/octet-stream',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticFile {
  readonly file: string;
  readonly size: number;
  readonly isIndex: boolean;
}

// Percent-encoded '.', '/', '\' and NUL: a browser never needs them in our asset names, an attacker does.
const SUSPICIOUS_ENCODING = /%(2e|2f|5c|00)/i;

const realpath = (file: string): Promise<string> => promisify(fs.realpath)(file);
const stat = (file: string): Promise<fs.Stats> => promisify(fs.stat)(file);
export const readStaticFile = (file: string): Promise<Buffer> => promisify(fs.readFile)(file);

/** The real path of the folder a responder serves (symlinks resolved once, at start). */
export const realFolder = (folder: string): Promise<string> => realpath(folder);

/**
 * `root` must already be a real path (no symlinks). `rawPath` is the request target without its query: the
 * undecoded bytes the client sent, not a URL parser's normalised view of them.
 */
export async function resolveStaticFile(root: string, rawPath: string): Promise<StaticFile | null> {
  if (!rawPath.startsWith('/')) return null;
  const relative = rawPath === '/' ? INDEX_FILE : rawPath.slice(1);
  if (SUSPICIOUS_ENCODING.test(relative) || relative.includes('\\')) return null;
  const segments: string[] = [];
  for (const encoded of relative.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return null;
    }
    // Empty ('//'), '.', '..' and hidden files are refused; so is anything a decoder turned into a separator.
    if (segment === '' || segment.startsWith('.') || /[/\\\0]/.test(segment)) return null;
    segments.push(segment);
  }
  const candidate = path.resolve(root, ...segments);
  if (!isInside(root, candidate)) return null;
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    return null;
  }
  if (!isInside(root, real)) return null;
  try {
    const info = await stat(real);
    if (!info.isFile()) return null;
    return { file: real, size: info.size, isIndex: real === path.join(root, INDEX_FILE) };
  } catch {
    return null;
  }
}

function isInside(root: string, file: string): boolean {
  return file.startsWith(root.endsWith(path.sep) ? root : `${root}${path.sep}`);
}
