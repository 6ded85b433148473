// The one responder for the renderer's files, used by both hosts: Electron's protocol.handle('app', …) and the
// dev host's HTTP server. A Web Request goes in, a Web Response comes out, so the product and every browser
// test serve the same bytes with the same content types (wasm included), CSP and security headers.
import { SECURITY_HEADERS } from '../content-security-policy';
import { contentTypeOf, readStaticFile, realFolder, resolveStaticFile } from './static-files';

export type AssetResponder = (request: Request) => Promise<Response>;

export interface RendererAssetsOptions {
  /** The built renderer (dist/renderer), inside app.asar when packaged. */
  readonly folder: string;
  /** `scheme://host` the files are served on (app://kiosk, http://127.0.0.1:PORT); any other is refused. */
  readonly origin: string;
}

export async function createRendererAssets(options: RendererAssetsOptions): Promise<AssetResponder> {
  const root = await realFolder(options.folder);
  // Compared as protocol + host: for a non-web scheme such as app:, URL.origin is the string "null".
  const expected = new URL(options.origin);
  return async (request) => {
    const url = new URL(request.url);
    if (url.protocol !== expected.protocol || url.host !== expected.host) return notFound();
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'Method not allowed', { Allow: 'GET, HEAD' });
    }
    const found = await resolveStaticFile(root, url.pathname);
    if (!found) return notFound();
    let body: Buffer;
    try {
      body = await readStaticFile(found.file);
    } catch {
      // Removed between the look-up and the read (a rebuild in progress): the same answer as never there.
      return notFound();
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        ...SECURITY_HEADERS,
        'Content-Type': contentTypeOf(found.file),
        'Content-Length': String(body.length),
        // index.html names the hashed bundles of the current build: never keep an old one.
        'Cache-Control': found.isIndex ? 'no-store' : 'no-cache',
      },
    });
  };
}

function notFound(): Response {
  return textResponse(404, 'Not found');
}

function textResponse(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(`${text}\n`, {
    status,
    headers: {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      ...extra,
    },
  });
}
