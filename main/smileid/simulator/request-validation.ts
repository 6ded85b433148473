// Request checks shared by prep_upload and job_status, mapped to the codes the real service answers
// (docs/smileid-protocol.md §5.2): body or required field missing → 2213, a field of the wrong type → 2204, partner id,
// signature or timestamp wrong → 2205. Being strict here is the point: a client bug must fail locally.
import type { z } from 'zod';
import { verifySignature } from '../signature';
import { smileError } from './http-io';
import type { Reply } from './http-io';

export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reply: Reply };

export function parseJsonObject(body: Buffer): Checked<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, reply: smileError(400, '2213', 'Request body is not valid JSON') };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reply: smileError(400, '2213', 'Request body must be a JSON object') };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/**
 * Validates against a wire schema. A failing field that is absent, null or "" counts as missing (2213);
 * any other failure is a wrong type or value (2204). Missing wins when both happen.
 */
export function validateFields<T>(schema: z.ZodType<T>, raw: Record<string, unknown>): Checked<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const paths = parsed.error.issues.map((issue) => issue.path);
  const missing = paths.find((path) => isAbsent(valueAt(raw, path)));
  if (missing) {
    return { ok: false, reply: smileError(400, '2213', `Missing required parameter: ${dotted(missing)}`) };
  }
  const first = paths[0] ?? [];
  return {
    ok: false,
    reply: smileError(400, '2204', `Invalid parameter: ${dotted(first)} has the wrong type or value`),
  };
}

export interface AuthFields {
  readonly partnerId: string;
  readonly timestamp: string;
  readonly signature: string;
}

export interface ServerIdentity {
  readonly partnerId: string;
  readonly apiKey: string;
}

/** null when the request is authorised; otherwise the 2205 answer. */
export function checkAuth(
  server: ServerIdentity,
  fields: AuthFields,
  now: number,
  toleranceMs: number,
): Reply | null {
  if (fields.partnerId !== server.partnerId) return notAuthorized();
  const signedAt = Date.parse(fields.timestamp);
  if (Number.isNaN(signedAt) || Math.abs(now - signedAt) > toleranceMs) return notAuthorized();
  if (!verifySignature(server.apiKey, server.partnerId, fields.timestamp, fields.signature))
    return notAuthorized();
  return null;
}

// The real service does not say which part was wrong; neither do we, so clients cannot depend on it.
function notAuthorized(): Reply {
  return smileError(401, '2205', "You're not authorized to do that.");
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function dotted(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(body)' : path.map(String).join('.');
}
