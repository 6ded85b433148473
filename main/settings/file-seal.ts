// The settings file's seal: HMAC-SHA256 under a key from the vault over the file's content in a canonical form
// (keys sorted at every level, so the seal does not depend on how conf or electron-store order or indent the
// JSON). It is written as the file's `mac` field on every save and checked on every open: a file changed outside
// the app — a PIN hash removed, the lockout counter reset, `provisioned` cleared — fails it and is refused.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SEAL_FIELD = 'mac';
/** conf's own bookkeeping key: not ours, so not sealed. */
const CONF_INTERNAL_KEY = '__internal__';

/** `content` with its seal added. */
export function sealContent(
  content: Readonly<Record<string, unknown>>,
  macKey: Buffer,
): Record<string, unknown> {
  return { ...content, [SEAL_FIELD]: sealOf(content, macKey) };
}

/** True when the file's `mac` field is the seal of the rest of it under this key. */
export function hasValidSeal(file: Readonly<Record<string, unknown>>, macKey: Buffer): boolean {
  const seal = file[SEAL_FIELD];
  if (typeof seal !== 'string' || !/^[A-Za-z0-9+/]{43}=$/.test(seal)) return false;
  const expected = Buffer.from(sealOf(file, macKey), 'base64');
  return timingSafeEqual(Buffer.from(seal, 'base64'), expected);
}

export function isSealed(file: Readonly<Record<string, unknown>>): boolean {
  return Object.hasOwn(file, SEAL_FIELD);
}

function sealOf(file: Readonly<Record<string, unknown>>, macKey: Buffer): string {
  const sealed = ownKeysOnly();
  for (const [key, value] of Object.entries(file)) {
    if (key !== SEAL_FIELD && key !== CONF_INTERNAL_KEY) sealed[key] = value;
  }
  return createHmac('sha256', macKey).update(canonicalJson(sealed)).digest('base64');
}

// Without a prototype, a key named `__proto__` (JSON.parse makes it an own key) stays a key and is sealed like
// any other, instead of silently changing the object's prototype and dropping out of the seal.
function ownKeysOnly(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

/** JSON with object keys sorted at every level; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const sorted = ownKeysOnly();
  for (const key of Object.keys(value).sort())
    sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}
