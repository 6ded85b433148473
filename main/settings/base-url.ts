// Maps a Smile ID base URL (as an installer writes it in SMILEID_BASE_URL) to the kiosk's environment setting.
// The two public hosts become 'sandbox' / 'production', so the kiosk follows app/smileid/environments.ts if
// they ever move; anything else (a simulator, a proxy) is 'custom' with the URL normalised to its v1 root.
import { SMILE_ID_ENVIRONMENTS } from '../../app/smileid/environments';

export type BaseUrlMapping =
  | { readonly environment: 'sandbox' | 'production'; readonly customApiUrl: null }
  | { readonly environment: 'custom'; readonly customApiUrl: string };

export class BaseUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BaseUrlError';
  }
}

/** Accepts the URL with or without `/v1` and trailing slashes; throws BaseUrlError for anything else. */
export function environmentForBaseUrl(raw: string): BaseUrlMapping {
  const v1Url = normaliseV1Url(raw);
  if (v1Url === SMILE_ID_ENVIRONMENTS.sandbox) return { environment: 'sandbox', customApiUrl: null };
  if (v1Url === SMILE_ID_ENVIRONMENTS.production) return { environment: 'production', customApiUrl: null };
  return { environment: 'custom', customApiUrl: v1Url };
}

export function normaliseV1Url(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new BaseUrlError('is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new BaseUrlError('must start with https://');
  // Requests are built by appending paths to this root; a query, fragment or credentials would end up in them.
  if (url.search !== '' || url.hash !== '') throw new BaseUrlError('must not have a query or fragment');
  if (url.username !== '' || url.password !== '') throw new BaseUrlError('must not contain credentials');
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path.endsWith('/v1') ? path : `${path}/v1`}`;
}
