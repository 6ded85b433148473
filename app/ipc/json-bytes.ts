// JSON cannot carry bytes; the dev host's HTTP bridge sends each Uint8Array as {"$bytes": "<base64>"}.
// Shared by the dev host (Node) and the renderer's HTTP bridge (browser): btoa/atob exist in both.

const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + CHUNK));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** JSON.stringify replacer-equivalent: a deep copy with every Uint8Array replaced by {$bytes}. */
export function encodeBytes(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: bytesToBase64(value) };
  if (Array.isArray(value)) return value.map(encodeBytes);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, encodeBytes(inner)]));
  }
  return value;
}

/** The inverse of encodeBytes. A malformed {$bytes} is left as it is, for schema validation to refuse. */
export function decodeBytes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeBytes);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    const only = entries.length === 1 ? entries[0] : undefined;
    if (only && only[0] === '$bytes' && typeof only[1] === 'string') {
      try {
        return base64ToBytes(only[1]);
      } catch {
        return value;
      }
    }
    return Object.fromEntries(entries.map(([key, inner]) => [key, decodeBytes(inner)]));
  }
  return value;
}
