// Presigned upload URLs, shaped like the S3 URLs Smile ID hands out (docs/smileid-protocol.md §3.1, §7): the URL itself is
// the credential, it carries Expires=<epoch seconds>, and a Signature binds the path to that expiry so a
// client cannot stretch or reuse it for another job.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type UploadUrlCheck = 'ok' | 'expired' | 'bad-signature';

export class UploadUrlSigner {
  // Random per simulator: a URL from an earlier run must not work against this one.
  private readonly secret = randomBytes(32);

  /** Path of the zip for one job: /uploads/<ref_id>/selfie.zip. */
  static pathFor(refId: string): string {
    return `/uploads/${encodeURIComponent(refId)}/selfie.zip`;
  }

  /** The ref_id named by an upload path, or null when the path is not an upload path. */
  static refIdOf(pathname: string): string | null {
    const match = /^\/uploads\/([^/]+)\/[^/]+$/.exec(pathname);
    if (!match?.[1]) return null;
    try {
      return decodeURIComponent(match[1]);
    } catch {
      return null;
    }
  }

  /** Each call yields a distinct URL (a fresh Nonce), as a re-prepare with retry:true gets a new URL. */
  issue(baseUrl: string, refId: string, expiresAtSeconds: number): string {
    const path = UploadUrlSigner.pathFor(refId);
    const nonce = randomBytes(6).toString('hex');
    const signature = this.sign(path, String(expiresAtSeconds), nonce);
    return `${baseUrl}${path}?Expires=${expiresAtSeconds}&Nonce=${nonce}&Signature=${signature}`;
  }

  verify(pathname: string, query: URLSearchParams, nowMs: number): UploadUrlCheck {
    const expires = query.get('Expires');
    const nonce = query.get('Nonce');
    const signature = query.get('Signature');
    if (expires === null || nonce === null || signature === null || !/^\d+$/.test(expires))
      return 'bad-signature';
    const expected = Buffer.from(this.sign(pathname, expires, nonce), 'utf8');
    const actual = Buffer.from(signature, 'utf8');
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return 'bad-signature';
    // Expires is the first second at which the URL no longer works.
    return nowMs >= Number(expires) * 1000 ? 'expired' : 'ok';
  }

  private sign(path: string, expires: string, nonce: string): string {
    return createHmac('sha256', this.secret).update(`PUT\n${path}\n${expires}\n${nonce}`).digest('base64url');
  }
}
