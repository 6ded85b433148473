// Smile ID request signature (docs/smileid-protocol.md §2.1): base64(HMAC-SHA256(api_key, timestamp + partner_id + "sid_request")).
// The same scheme signs job_status responses, with the timestamp the server returns.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SignedTimestamp {
  readonly timestamp: string;
  readonly signature: string;
}

export function computeSignature(apiKey: string, partnerId: string, timestamp: string): string {
  return createHmac('sha256', apiKey)
    .update(timestamp + partnerId + 'sid_request', 'utf8')
    .digest('base64');
}

/** Signs "now" (or the given instant); the returned timestamp must be sent byte-for-byte with the signature. */
export function signRequest(apiKey: string, partnerId: string, at: Date = new Date()): SignedTimestamp {
  const timestamp = at.toISOString();
  return { timestamp, signature: computeSignature(apiKey, partnerId, timestamp) };
}

/** Constant-time check of a signature received from the other side. */
export function verifySignature(
  apiKey: string,
  partnerId: string,
  timestamp: string,
  signature: string,
): boolean {
  const expected = Buffer.from(computeSignature(apiKey, partnerId, timestamp), 'base64');
  const actual = Buffer.from(signature, 'base64');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
