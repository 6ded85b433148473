// Reading request bodies and writing answers through the shared bandwidth bucket. Handlers return a Reply
// value instead of writing to the response, so the server can still decide to drop it (a lost answer).
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TokenBucket } from './throttle';

export interface Reply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: string | Buffer;
}

export function jsonReply(status: number, value: unknown): Reply {
  return { status, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(value) };
}

/** Smile ID's error shape: `{"code":"22xx","error":"..."}` with a 4xx status (docs/smileid-protocol.md §3.1). */
export function smileError(status: number, code: string, error: string): Reply {
  return jsonReply(status, { code, error });
}

/** The presigned upload URL stands in for S3, whose errors are XML. */
export function s3Error(status: number, code: string, message: string): Reply {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  return { status, headers: { 'Content-Type': 'application/xml' }, body };
}

/** S3 answers a successful PUT with 200, an ETag and an empty body. */
export function emptyOk(content: Buffer): Reply {
  const etag = `"${createHash('md5').update(content).digest('hex')}"`;
  return { status: 200, headers: { ETag: etag }, body: '' };
}

export class BodyTooLargeError extends Error {
  constructor(limit: number) {
    super(`request body larger than ${limit} bytes`);
  }
}

/**
 * Reads a whole body, one chunk at a time, charging each chunk to the bucket before asking for the next.
 * Async iteration only pulls from the socket when we ask, so while we wait the socket's buffers fill and
 * TCP pushes back on the client: it is really slowed, not just answered late.
 */
export async function readBody(
  req: IncomingMessage,
  bucket: TokenBucket | null,
  limit: number,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLargeError(limit);
    chunks.push(chunk);
    if (bucket) await bucket.take(chunk.length);
  }
  return Buffer.concat(chunks);
}

const WRITE_CHUNK_BYTES = 16 * 1024;

/** Writes a reply, charging the body to the bucket in chunks so a large answer is paced like the link. */
export async function writeReply(
  res: ServerResponse,
  reply: Reply,
  bucket: TokenBucket | null,
): Promise<void> {
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
  res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(body.length) });
  for (let offset = 0; offset < body.length; offset += WRITE_CHUNK_BYTES) {
    const chunk = body.subarray(offset, offset + WRITE_CHUNK_BYTES);
    if (bucket) await bucket.take(chunk.length);
    if (res.destroyed) return;
    res.write(chunk);
  }
  res.end();
}
