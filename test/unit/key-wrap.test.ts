// Wrapping a per-job key under the install key (main/secure/key-wrap.ts): it unwraps only for its own owner
// (job), under its own wrapping key, and only a 32-byte key is accepted either way.
import { describe, expect, it } from 'vitest';
import { DecryptionError, generateKey, seal } from '../../main/secure/aes-gcm';
import { unwrapKey, wrapKey } from '../../main/secure/key-wrap';

describe('wrapKey / unwrapKey', () => {
  const installKey = generateKey();
  const jobKey = generateKey();

  it('round-trips for the same owner and wrapping key', () => {
    const wrapped = wrapKey(installKey, jobKey, 'job:a');
    expect(wrapped.includes(jobKey)).toBe(false);
    expect(unwrapKey(installKey, wrapped, 'job:a').equals(jobKey)).toBe(true);
  });

  it('refuses another owner (a key.bin copied into another job) and another wrapping key', () => {
    const wrapped = wrapKey(installKey, jobKey, 'job:a');
    expect(() => unwrapKey(installKey, wrapped, 'job:b')).toThrow(DecryptionError);
    expect(() => unwrapKey(generateKey(), wrapped, 'job:a')).toThrow(DecryptionError);
  });

  it('only handles 32-byte keys', () => {
    expect(() => wrapKey(installKey, Buffer.alloc(16), 'job:a')).toThrow(RangeError);
    const short = seal(installKey, Buffer.alloc(16), 'key-wrap:job:a');
    expect(() => unwrapKey(installKey, short, 'job:a')).toThrow(/not a 32-byte/);
  });
});
