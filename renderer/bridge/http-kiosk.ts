// window.kiosk over the dev host's loopback HTTP API (main/devhost/server.ts), for when the renderer runs in a
// plain browser instead of Electron. Like Electron's preload it is a KioskBridge: one function per method of the
// app/ channel map, each resolving to main's envelope (an HTTP failure becomes an error envelope too), so
// renderer/bridge/kiosk-api.ts turns both hosts' answers into values and KioskErrors the same way. Calls POST
// JSON (bytes as {"$bytes": base64}) with the bearer token; events come from a Server-Sent Events stream read
// with fetch, because EventSource cannot send a header.
import type { KioskErrorPayload } from '../../app/errors';
import {
  channels,
  envelopeSchema,
  METHOD_NAMES,
  type KioskBridge,
  type MethodName,
} from '../../app/ipc/channels';
import { decodeBytes, encodeBytes } from '../../app/ipc/json-bytes';

export interface HttpKioskOptions {
  /** The dev host's origin, e.g. http://127.0.0.1:5180. Default '': same origin as the page. */
  readonly baseUrl?: string;
  /** This run's access token (the `#token=` of the address npm run start:web prints). */
  readonly token: string;
  /** Default: the global fetch. */
  readonly fetch?: typeof fetch;
  /** Waits before reconnecting the event stream, one per consecutive failure, the last repeated. */
  readonly reconnectDelaysMs?: readonly number[];
}

export const DEFAULT_RECONNECT_DELAYS_MS: readonly number[] = [250, 500, 1_000, 2_000, 5_000];
/** The dev host sends a heartbeat every 15 s: three missed means the connection is dead without saying so. */
const STREAM_SILENCE_LIMIT_MS = 45_000;
/** An SSE line longer than this is not something the dev host sends. */
const MAX_PENDING_TEXT = 16 * 1024 * 1024;

type Call = (request: unknown) => Promise<unknown>;

export function createHttpKiosk(options: HttpKioskOptions): KioskBridge {
  const base = (options.baseUrl ?? '').replace(/\/+$/, '');
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const authorization = `Bearer ${options.token}`;
  const delays = options.reconnectDelaysMs?.length ? options.reconnectDelaysMs : DEFAULT_RECONNECT_DELAYS_MS;

  async function call(method: MethodName, request: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetchImpl(`${base}/api/${channels[method].channel}`, {
        method: 'POST',
        headers: { Authorization: authorization, 'Content-Type': 'application/json' },
        body: JSON.stringify(encodeBytes(request)),
      });
    } catch {
      return failure(unreachable());
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      json = undefined;
    }
    const envelope = envelopeSchema.safeParse(json);
    if (!envelope.success) return failure(httpFailure(response.status));
    if (envelope.data.ok && !response.ok) return failure(httpFailure(response.status));
    return envelope.data.ok ? { ok: true, value: decodeBytes(envelope.data.value) } : envelope.data;
  }

  function onEvent(listener: (event: unknown) => void): () => void {
    const stop = new AbortController();
    void streamEvents(stop.signal, listener);
    return () => stop.abort();
  }

  async function streamEvents(stop: AbortSignal, listener: (event: unknown) => void): Promise<void> {
    let failures = 0;
    while (!stop.aborted) {
      const delivered = await readStreamOnce(stop, (data) => deliver(data, listener));
      if (stop.aborted) return;
      failures = delivered ? 0 : failures + 1;
      await sleep(delays[Math.min(Math.max(failures - 1, 0), delays.length - 1)] ?? 1_000, stop);
    }
  }

  /** One connection, until it ends, fails, goes silent or is stopped. True if it delivered any event. */
  async function readStreamOnce(stop: AbortSignal, onData: (data: string) => boolean): Promise<boolean> {
    const connection = new AbortController();
    const abort = () => connection.abort();
    stop.addEventListener('abort', abort, { once: true });
    let silence: ReturnType<typeof setTimeout> | undefined;
    const heardFrom = () => {
      clearTimeout(silence);
      silence = setTimeout(abort, STREAM_SILENCE_LIMIT_MS);
    };
    let delivered = false;
    try {
      heardFrom();
      const response = await fetchImpl(`${base}/api/events`, {
        headers: { Authorization: authorization, Accept: 'text/event-stream' },
        signal: connection.signal,
      });
      if (!response.ok || !response.body) {
        await response.body?.cancel().catch(() => undefined);
        return false;
      }
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      const parse = sseParser((data) => {
        if (onData(data)) delivered = true;
      });
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        heardFrom();
        parse(decoder.decode(value, { stream: true }));
      }
    } catch {
      // Network failure, silence or stop: the caller decides whether to reconnect.
    } finally {
      clearTimeout(silence);
      stop.removeEventListener('abort', abort);
      connection.abort();
    }
    return delivered;
  }

  const methods: Record<string, Call> = {};
  for (const method of METHOD_NAMES) methods[method] = (request) => call(method, request);
  // Each entry posts to its own channel and resolves to an envelope, which is what KioskBridge says.
  return Object.freeze({ ...methods, onEvent }) as unknown as KioskBridge;
}

function deliver(data: string, listener: (event: unknown) => void): boolean {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return false;
  }
  try {
    listener(decodeBytes(json));
  } catch (error) {
    // A broken listener must not end the stream for everyone; surface it where a developer will see it.
    setTimeout(() => {
      throw error;
    });
  }
  return true;
}

/** A minimal text/event-stream parser: `data:` lines joined by '\n', dispatched at a blank line. */
export function sseParser(onData: (data: string) => void): (text: string) => void {
  let pending = '';
  let data: string[] = [];
  return (text) => {
    pending += text;
    for (;;) {
      const end = /\r\n|\r|\n/.exec(pending);
      // A '\r' at the very end may be the first half of a '\r\n' split across chunks.
      if (!end || (end[0] === '\r' && end.index === pending.length - 1)) break;
      const line = pending.slice(0, end.index);
      pending = pending.slice(end.index + end[0].length);
      if (line === '') {
        if (data.length > 0) onData(data.join('\n'));
        data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      if (field !== 'data') continue;
      const value = colon === -1 ? '' : line.slice(colon + 1);
      data.push(value.startsWith(' ') ? value.slice(1) : value);
    }
    if (pending.length > MAX_PENDING_TEXT) throw new Error('event stream line too long');
  };
}

function sleep(ms: number, stop: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      stop.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    stop.addEventListener('abort', done, { once: true });
  });
}

function failure(error: KioskErrorPayload): { ok: false; error: KioskErrorPayload } {
  return { ok: false, error };
}

function unreachable(): KioskErrorPayload {
  return {
    code: 'internal',
    message: 'The kiosk service cannot be reached.',
    action: 'Check that npm run start:web is still running, then reload the kiosk.',
  };
}

function httpFailure(status: number): KioskErrorPayload {
  if (status === 401) {
    return {
      code: 'unauthorized',
      message: 'The kiosk service refused the access token (it changes each time npm run start:web starts).',
      action: 'Open the address printed by npm run start:web.',
    };
  }
  return {
    code: 'internal',
    message: `The kiosk service answered with HTTP ${status}.`,
    action: 'Reload the kiosk; if it repeats, restart npm run start:web.',
  };
}
