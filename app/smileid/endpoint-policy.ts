// Where the kiosk may send selfies, user IDs and signatures. A packaged kiosk talks only https, and only to Smile
// ID's own API hosts, unless a provisioning file names one more https host for the API (a bank's proxy); the
// presigned upload link must be https on Smile ID's storage (Amazon S3) or on the API host itself; the callback
// must be https. Plain http exists only for the local simulator, on loopback, and only when the host that
// starts the kiosk says it is a development run (the dev host and tests) — never by default.
import { SMILE_ID_ENVIRONMENTS } from './environments';

export interface EndpointPolicy {
  /** Development runs only: http (and https) to 127.0.0.1 / localhost / [::1] for the simulator. */
  readonly allowLoopbackHttp: boolean;
  /** Extra https API hosts a provisioning file allowed (lower-case host names, no port). */
  readonly allowedCustomApiHosts: readonly string[];
}

export const STRICT_ENDPOINT_POLICY: EndpointPolicy = { allowLoopbackHttp: false, allowedCustomApiHosts: [] };
export const DEVELOPMENT_ENDPOINT_POLICY: EndpointPolicy = {
  allowLoopbackHttp: true,
  allowedCustomApiHosts: [],
};

export type EndpointProblem = 'not_a_url' | 'not_https' | 'host_not_allowed';

const SMILE_ID_API_HOSTS: readonly string[] = Object.values(SMILE_ID_ENVIRONMENTS).map(
  (url) => new URL(url).hostname,
);
/** Presigned upload links point at Smile ID's S3 buckets. */
const UPLOAD_HOST_SUFFIXES = ['.amazonaws.com'];
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * The scheme and host rules every address shares: `{ verdict }` when they already decide (not a URL, not https,
 * or loopback in a development run, which needs no host check), else the https host still to be judged.
 */
function screen(raw: string, policy: EndpointPolicy): { verdict: EndpointProblem | null } | { host: string } {
  const url = parse(raw);
  if (!url) return { verdict: 'not_a_url' };
  if (policy.allowLoopbackHttp && LOOPBACK_HOSTS.has(url.hostname)) {
    return { verdict: url.protocol === 'http:' || url.protocol === 'https:' ? null : 'not_https' };
  }
  if (url.protocol !== 'https:') return { verdict: 'not_https' };
  return { host: url.hostname.toLowerCase() };
}

/** The Smile ID API base (a custom one, or an environment's). */
export function apiUrlProblem(raw: string, policy: EndpointPolicy): EndpointProblem | null {
  const screened = screen(raw, policy);
  if ('verdict' in screened) return screened.verdict;
  const { host } = screened;
  return SMILE_ID_API_HOSTS.includes(host) || policy.allowedCustomApiHosts.includes(host)
    ? null
    : 'host_not_allowed';
}

/** The presigned link prep_upload returned, checked before the zip is sent to it. */
export function uploadUrlProblem(
  raw: string,
  apiUrl: string,
  policy: EndpointPolicy,
): EndpointProblem | null {
  const screened = screen(raw, policy);
  if ('verdict' in screened) return screened.verdict;
  const { host } = screened;
  const apiHost = parse(apiUrl)?.hostname.toLowerCase();
  const allowed =
    host === apiHost ||
    policy.allowedCustomApiHosts.includes(host) ||
    UPLOAD_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix));
  return allowed ? null : 'host_not_allowed';
}

/** The bank's callback URL: any host (it is the bank's own server), https only. */
export function callbackUrlProblem(raw: string, policy: EndpointPolicy): EndpointProblem | null {
  const screened = screen(raw, policy);
  return 'verdict' in screened ? screened.verdict : null;
}
