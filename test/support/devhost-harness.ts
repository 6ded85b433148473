// A kiosk core (core-harness.ts) behind the dev host on 127.0.0.1:0, serving a small fake renderer build, plus
// raw HTTP helpers that send exactly the bytes a test names (fetch would normalise `/../` away).
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../main/log';
import { startDevHost, type RunningDevHost } from '../../main/devhost/server';
import { startCore, type CoreHarness } from './core-harness';

export const TEST_TOKEN = 'test-token-0123456789abcdefghij';
export const INDEX_HTML =
  '<!doctype html><html><head><title>Selfie Kiosk</title></head><body></body></html>\n';
export const APP_JS = 'console.log("kiosk");\n';

export interface FakeRenderer {
  /** Holds `secret.txt` beside the renderer folder, which no request may reach. */
  readonly root: string;
  readonly staticDir: string;
}

/** root/renderer/{index.html, assets/app.js, assets/app.css, model.bin, .hidden, empty/, escape -> ../secret.txt} */
export async function makeFakeRenderer(): Promise<FakeRenderer> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'kiosk-devhost-'));
  const staticDir = path.join(root, 'renderer');
  await mkdir(path.join(staticDir, 'assets'), { recursive: true });
  await mkdir(path.join(staticDir, 'empty'));
  await writeFile(path.join(root, 'secret.txt'), 'outside the renderer\n');
  await writeFile(path.join(root, 'package.json'), '{"name":"outside"}\n');
  await writeFile(path.join(staticDir, 'index.html'), INDEX_HTML);
  await writeFile(path.join(staticDir, 'assets', 'app.js'), APP_JS);
  await writeFile(path.join(staticDir, 'assets', 'app.css'), 'body { margin: 0; }\n');
  await writeFile(path.join(staticDir, 'model.bin'), Buffer.from([0, 1, 2, 3]));
  await writeFile(path.join(staticDir, '.hidden'), 'hidden\n');
  await symlink(path.join(root, 'secret.txt'), path.join(staticDir, 'escape.txt'));
  return { root, staticDir };
}

export interface DevHostHarness {
  readonly h: CoreHarness;
  readonly host: RunningDevHost;
  readonly renderer: FakeRenderer;
  /** http://127.0.0.1:PORT (no trailing slash) */
  readonly origin: string;
  readonly token: string;
  close(): Promise<void>;
}

export async function startDevHostHarness(options: { heartbeatMs?: number } = {}): Promise<DevHostHarness> {
  const renderer = await makeFakeRenderer();
  const h = await startCore();
  const host = await startDevHost({
    core: h.core,
    staticDir: renderer.staticDir,
    port: 0,
    token: TEST_TOKEN,
    log: silentLogger,
    ...options,
  });
  return {
    h,
    host,
    renderer,
    origin: host.url.replace(/\/$/, ''),
    token: TEST_TOKEN,
    async close() {
      await host.close();
      await h.close();
      await rm(renderer.root, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  json(): unknown;
}

export interface RawRequest {
  readonly method?: string;
  /** Sent as is, not normalised. */
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
  /** Send headers only and wait for the answer (for a declared Content-Length the server refuses). */
  readonly headersOnly?: boolean;
}

export function raw(port: number, options: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            json: () => JSON.parse(body.toString('utf8')) as unknown,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.headersOnly) {
      req.flushHeaders();
      return;
    }
    req.end(options.body);
  });
}

/** Authorised JSON POST to /api/<channel>. */
export function postApi(
  harness: Pick<DevHostHarness, 'host' | 'token'>,
  channel: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return raw(harness.host.port, {
    method: 'POST',
    path: `/api/${channel}`,
    headers: { Authorization: `Bearer ${harness.token}`, 'Content-Type': 'application/json', ...headers },
    body,
  });
}

export interface EventStreamReader {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** Every `data:` payload so far, parsed. */
  readonly events: unknown[];
  /** Every comment line so far (heartbeats). */
  readonly comments: string[];
  next(predicate: (event: unknown) => boolean, timeoutMs?: number): Promise<unknown>;
  close(): void;
}

/** Opens GET /api/events and collects what arrives, with plain node:http (no client library in between). */
export function openEvents(port: number, token: string): Promise<EventStreamReader> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: '/api/events',
        headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
        agent: false,
      },
      (res) => {
        const events: unknown[] = [];
        const comments: string[] = [];
        const waiters = new Set<() => void>();
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          let end: number;
          while ((end = text.indexOf('\n\n')) !== -1) {
            const block = text.slice(0, end);
            text = text.slice(end + 2);
            for (const line of block.split('\n')) {
              if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)));
              else if (line.startsWith(':')) comments.push(line);
            }
          }
          for (const wake of waiters) wake();
        });
        res.on('error', () => undefined);
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          events,
          comments,
          next(predicate, timeoutMs = 10_000) {
            return new Promise((resolveEvent, rejectEvent) => {
              const check = () => {
                const found = events.find(predicate);
                if (found === undefined) return;
                clearTimeout(timer);
                waiters.delete(check);
                resolveEvent(found);
              };
              const timer = setTimeout(() => {
                waiters.delete(check);
                rejectEvent(new Error('timed out waiting for an event'));
              }, timeoutMs);
              waiters.add(check);
              check();
            });
          },
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}
