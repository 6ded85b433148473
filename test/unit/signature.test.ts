import { describe, expect, it } from 'vitest';
import { computeSignature, signRequest, verifySignature } from '../../main/smileid/signature';

// The test vector of docs/smileid-protocol.md §2.1.
const VECTOR = { partnerId: '085', apiKey: 'test-api-key', timestamp: '2026-01-01T00:00:00.000Z' };

describe('Smile ID signature', () => {
  it('matches the protocol test vector', () => {
    const signature = computeSignature(VECTOR.apiKey, VECTOR.partnerId, VECTOR.timestamp);
    expect(signature).toBe('p8eA67oiwe68vdI0UQNemQt24t/Z7iWp+IhyIfOdJNI=');
    expect(Buffer.from(signature, 'base64').toString('hex')).toBe(
      'a7c780ebba22c1eebcbdd23451035e990b76e2dfd9ee25a9f8887221f39d24d2',
    );
  });

  it('keeps the leading zeros of the partner ID', () => {
    expect(computeSignature(VECTOR.apiKey, '85', VECTOR.timestamp)).toBe(
      '76Obl93SKV8qz/f7zXh2vT+kNgWLIXSGfkAB65TERD0=',
    );
  });

  it('signs the ISO timestamp it returns, byte for byte', () => {
    const signed = signRequest(VECTOR.apiKey, VECTOR.partnerId, new Date(VECTOR.timestamp));
    expect(signed).toEqual({
      timestamp: VECTOR.timestamp,
      signature: 'p8eA67oiwe68vdI0UQNemQt24t/Z7iWp+IhyIfOdJNI=',
    });
  });

  it('verifies a good signature and refuses a changed key, timestamp, partner or signature', () => {
    const good = 'p8eA67oiwe68vdI0UQNemQt24t/Z7iWp+IhyIfOdJNI=';
    expect(verifySignature(VECTOR.apiKey, VECTOR.partnerId, VECTOR.timestamp, good)).toBe(true);
    expect(verifySignature('other-key', VECTOR.partnerId, VECTOR.timestamp, good)).toBe(false);
    expect(verifySignature(VECTOR.apiKey, '85', VECTOR.timestamp, good)).toBe(false);
    expect(verifySignature(VECTOR.apiKey, VECTOR.partnerId, '2026-01-01T00:00:00.001Z', good)).toBe(false);
    expect(verifySignature(VECTOR.apiKey, VECTOR.partnerId, VECTOR.timestamp, good.replace('p8', 'q8'))).toBe(
      false,
    );
    expect(verifySignature(VECTOR.apiKey, VECTOR.partnerId, VECTOR.timestamp, 'c2hvcnQ=')).toBe(false);
  });
});
