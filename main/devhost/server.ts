// DEV AND TEST ONLY: never packaged. Serves the built renderer and the kiosk core's handler table over
// loopback HTTP, so the real UI runs in a plain Chromium where Electron cannot (docs/architecture.md "Why a core without
// Electron"). It listens on 127.0.0.1 only, every API call needs the per-run bearer token, and a browser
// request from any other origin is refused, so another page open on this machine cannot drive the kiosk.
//
//   GET  /, /<file>       the renderer, through the responder the Electron app:// protocol uses too
//   POST /api/<channel>   JSON body (bytes as {"$bytes": base64}) → the shared IPC dispatch → 200 + envelope
//   GET  /api/events      Server-Sent Events: a `health` event first, then every KioskEvent
//
// Request bodies hold selfies: they are never logged, nor quoted in an error.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KioskErrorCode } from '../../app/errors';
import { channels, type ChannelName } from '../../app/ipc/channels';
import { decodeBytes, encodeBytes } from '../../app/ipc/json-bytes';
import type { KioskEvent } from '../../app/queue';
import { SECURITY_HEADERS } from '../content-security-policy';
import { createDispatch, isKnownChannel, type Dispatch } from '../hosting/ipc-dispatch';
import { createRendererAssets, type AssetResponder } from '../hosting/renderer-assets';
import type { KioskCore } from '../kiosk-core';
import type { Logger } from '../log';

export const DEV_HOST_ADDRESS = '127.0.0.1';
export const API_BODY_LIMIT_BYTES = 8 * 1024 * 1024;
export const EVENT_HEARTBEAT_MS = 15_000;
export const API_PREFIX = '/api/';
export const EVENTS_PATH = '/api/events';
/** A stalled event-stream reader is cut off rather than letting its backlog grow without bound. */
const EVENT_BACKLOG_LIMIT_BYTES = 4 * 1024 * 1024;
const HEALTH_CHANNEL: ChannelName = channels.getHealth.channel;

export interface DevHostOptions {
  readonly core: Pick<KioskCore, 'handlers' | 'onEvent'>;
  /** The built renderer (dist/renderer); must exist. */
  readonly staticDir: string;
  /** 0 = any free port. */
  readonly port: number;
  /** The per-run secret every /api/ request must carry as `Authorization: Bearer <token>`. */
  readonly token: string;
  readonly log: Logger;
  /** Tests only: the event-stream heartbeat period. */
  readonly heartbeatMs?: number;
}

export interface RunningDevHost {
  /** http://127.0.0.1:PORT/ */
  readonly url: string;
  readonly port: number;
  /** Stops listening and ends every connection, event streams included. */
  close(): Promise<void>;
}

interface Context {
  readonly core: DevHostOptions['core'];
  readonly staticDir: string;
  /** Both made once listening, when the origin (with its port) is known. */
  assets: Promise<AssetResponder> | null;
  dispatch: Dispatch | null;
  readonly tokenDigest: Buffer;
  readonly log: Logger;
  readonly heartbeatMs: number;
  readonly streams: Set<ServerResponse>;
  /** Set once listening: the only Host values and the only Origin accepted. */
  port: number;
}

export async function startDevHost(options: DevHostOptions): Promise<RunningDevHost> {
  if (options.token.length < 16) throw new Error('The dev host token must be at least 16 characters.');
  const context: Context = {
    core: options.core,
    staticDir: options.staticDir,
    assets: null,
    dispatch: null,
    tokenDigest: digest(options.token),
    log: options.log,
    heartbeatMs: options.heartbeatMs ?? EVENT_HEARTBEAT_MS,
    streams: new Set(),
    port: 0,
  };
  const server = createServer((req, res) => {
    serve(context, req, res).catch((error: unknown) => {
      context.log.error('devhost_failed', { error: error instanceof Error ? error.name : 'unknown' });
      if (!res.headersSent) {
        sendError(res, 500, 'internal', 'The dev host hit an unexpected problem.', 'Look at its console.');
      } else {
        res.destroy();
      }
    });
  });
  await listen(server, options.port);
  const { port } = server.address() as AddressInfo;
  context.port = port;
  context.assets = createRendererAssets({ folder: options.staticDir, origin: ownOrigin(context) });
  // The token and Origin checks in serveApi decide who the caller is; a call that passed them is the page.
  context.dispatch = createDispatch({
    handlers: options.core.handlers,
    isTrustedSender: (url) => url === `${ownOrigin(context)}/`,
    log: options.log,
  });
  try {
    await context.assets;
  } catch (error) {
    await closeServer(server, context);
    throw error;
  }
  let closing: Promise<void> | null = null;
  return {
    url: `http://${DEV_HOST_ADDRESS}:${port}/`,
    port,
    close: () => (closing ??= closeServer(server, context)),
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, DEV_HOST_ADDRESS, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server, context: Context): Promise<void> {
  return new Promise((resolve) => {
    for (const stream of context.streams) stream.end();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

async function serve(context: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const target = req.url ?? '/';
  const rawPath = target.split(/[?#]/, 1)[0] ?? '/';
  const host = (req.headers.host ?? '').toLowerCase();
  // DNS rebinding: a foreign name resolving to 127.0.0.1 still carries that name in Host.
  if (host !== `${DEV_HOST_ADDRESS}:${context.port}` && host !== `localhost:${context.port}`) {
    refuse(context, req, rawPath, 403, 'wrong_host');
    return sendError(
      res,
      403,
      'not_allowed',
      'This address is not served here.',
      `Open ${ownOrigin(context)}/.`,
    );
  }
  if (rawPath === '/api' || rawPath.startsWith(API_PREFIX)) return serveApi(context, req, res, rawPath);
  return serveStatic(context, req, res, rawPath);
}

// ---- static files ------------------------------------------------------------------------------------------

async function serveStatic(
  context: Context,
  req: IncomingMessage,
  res: ServerResponse,
  rawPath: string,
): Promise<void> {
  const assets = await context.assets;
  let request: Request | null = null;
  try {
    // The raw path on our own origin: a URL parser may only tidy it (dot segments), never move it elsewhere.
    if (assets && rawPath.startsWith('/'))
      request = new Request(`${ownOrigin(context)}${rawPath}`, { method: req.method ?? 'GET' });
  } catch {
    // A method the Fetch standard forbids (CONNECT, TRACE) or a path no URL can hold.
    return sendText(res, req.method === 'GET' || req.method === 'HEAD' ? 404 : 405, 'Not served');
  }
  if (!assets || !request) return sendText(res, 404, 'Not found');
  const response = await assets(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

// ---- API ---------------------------------------------------------------------------------------------------

async function serveApi(
  context: Context,
  req: IncomingMessage,
  res: ServerResponse,
  rawPath: string,
): Promise<void> {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== ownOrigin(context)) {
    refuse(context, req, rawPath, 403, 'foreign_origin');
    return sendError(
      res,
      403,
      'not_allowed',
      'Requests from other web pages are not accepted.',
      `Open the kiosk at ${ownOrigin(context)}/.`,
    );
  }
  if (!authorised(context, req.headers.authorization)) {
    refuse(context, req, rawPath, 401, 'unauthorized');
    res.setHeader('WWW-Authenticate', 'Bearer');
    return sendError(
      res,
      401,
      'unauthorized',
      'This request does not carry the dev host access token.',
      'Open the address printed by npm run start:web (it carries the access token).',
    );
  }
  if (rawPath === EVENTS_PATH) {
    if (req.method !== 'GET') return methodNotAllowed(res, 'GET');
    return openEventStream(context, req, res);
  }
  const channel = rawPath.slice(API_PREFIX.length);
  if (!context.dispatch || !isKnownChannel(context.core.handlers, channel)) {
    refuse(context, req, rawPath, 404, 'unknown_channel');
    return sendError(res, 404, 'not_found', 'There is no such kiosk call.', 'Reload the kiosk.');
  }
  if (req.method !== 'POST') return methodNotAllowed(res, 'POST');
  if (!isJson(req.headers['content-type'])) {
    refuse(context, req, rawPath, 415, 'not_json');
    return sendError(
      res,
      415,
      'invalid_request',
      'Kiosk calls must be sent as application/json.',
      'Reload the kiosk.',
    );
  }
  const body = await readBody(req, API_BODY_LIMIT_BYTES);
  if (body === 'too_large') {
    refuse(context, req, rawPath, 413, 'too_large');
    res.setHeader('Connection', 'close');
    return sendError(
      res,
      413,
      'invalid_request',
      'The request is too large.',
      'Retake the photos and try again.',
    );
  }
  if (body === 'aborted') return;
  let request: unknown;
  try {
    request = decodeBytes(JSON.parse(body.toString('utf8')));
  } catch {
    // Not the parser's message: V8 quotes the text around the error, which may be part of a selfie.
    refuse(context, req, rawPath, 400, 'malformed_json');
    return sendError(res, 400, 'invalid_request', 'The request body is not valid JSON.', 'Reload the kiosk.');
  }
  const envelope = await context.dispatch(channel, request, { url: `${ownOrigin(context)}/` });
  sendJson(res, 200, encodeBytes(envelope));
}

function authorised(context: Context, header: string | undefined): boolean {
  const match = /^Bearer ([^\s]+)$/i.exec(header?.trim() ?? '');
  if (!match?.[1]) return false;
  // Digests have equal length whatever was sent, so the comparison's time says nothing about the token.
  return timingSafeEqual(digest(match[1]), context.tokenDigest);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() === 'application/json';
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large' | 'aborted'> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve('too_large');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const settle = (value: Buffer | 'too_large' | 'aborted') => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      resolve(value);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        chunks.length = 0;
        req.pause();
        settle('too_large');
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => settle(Buffer.concat(chunks)));
    req.once('error', () => settle('aborted'));
    req.once('close', () => settle(req.complete ? Buffer.concat(chunks) : 'aborted'));
  });
}

// ---- event stream ------------------------------------------------------------------------------------------

async function openEventStream(context: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  req.socket.setNoDelay(true);
  context.streams.add(res);

  // Events that arrive while the first health snapshot is being made wait behind it, so the UI always
  // starts from a whole state and then sees every change after it.
  let pending: KioskEvent[] | null = [];
  const write = (chunk: string) => {
    if (res.writableEnded || res.destroyed) return;
    res.write(chunk);
    if (res.writableLength > EVENT_BACKLOG_LIMIT_BYTES) res.destroy();
  };
  const send = (event: unknown) => write(`data: ${JSON.stringify(encodeBytes(event))}\n\n`);
  const unsubscribe = context.core.onEvent((event) => {
    if (pending) pending.push(event);
    else send(event);
  });
  const heartbeat = setInterval(() => write(': heartbeat\n\n'), context.heartbeatMs);
  res.once('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
    context.streams.delete(res);
  });

  const health = await context.core.handlers[HEALTH_CHANNEL]({});
  if (health.ok) send({ type: 'health', health: health.value });
  else context.log.warn('devhost_health_failed', { code: health.error.code });
  const queued = pending;
  pending = null;
  for (const event of queued) send(event);
}

// ---- replies -----------------------------------------------------------------------------------------------

function ownOrigin(context: Context): string {
  return `http://${DEV_HOST_ADDRESS}:${context.port}`;
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('Allow', allow);
  sendError(res, 405, 'not_allowed', 'This kiosk call does not accept that method.', 'Reload the kiosk.');
}

function sendError(
  res: ServerResponse,
  status: number,
  code: KioskErrorCode,
  message: string,
  action: string,
): void {
  sendJson(res, status, { ok: false, error: { code, message, action } });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  const body = Buffer.from(`${text}\n`, 'utf8');
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/** The method, path (never the query or body) and why: enough to debug a refusal, nothing a selfie is in. */
function refuse(
  context: Context,
  req: IncomingMessage,
  rawPath: string,
  status: number,
  reason: string,
): void {
  context.log.warn('devhost_refused', {
    method: req.method ?? '',
    path: rawPath.slice(0, 200),
    status,
    reason,
  });
}
