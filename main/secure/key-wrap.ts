// Wraps one AES-256 key under another (AES-256-GCM, aes-gcm.ts): the per-job data keys of the outbox are kept
// on disk only wrapped by the per-install data key. `owner` is bound as associated data, so a wrapped key
// copied next to another job's files does not unwrap there; the prefix keeps a wrapped key from ever being
// mistaken for a sealed file under the same key (those are bound to "<jobId>/<file>").
import { DecryptionError, KEY_BYTES, open, seal } from './aes-gcm';

function context(owner: string): string {
  return `key-wrap:${owner}`;
}

export function wrapKey(wrappingKey: Uint8Array, key: Uint8Array, owner: string): Buffer {
  if (key.length !== KEY_BYTES) throw new RangeError('only a 32-byte AES-256 key can be wrapped');
  return seal(wrappingKey, key, context(owner));
}

/** The key wrapped for `owner`; DecryptionError if it was wrapped for another owner, under another key, or damaged. */
export function unwrapKey(wrappingKey: Uint8Array, wrapped: Uint8Array, owner: string): Buffer {
  const key = open(wrappingKey, wrapped, context(owner));
  if (key.length !== KEY_BYTES) throw new DecryptionError('the wrapped key is not a 32-byte AES-256 key');
  return key;
}
