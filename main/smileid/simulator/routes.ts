// Which route a request is. Kept apart from the server so the fault pipeline can ask "is this a Smile ID
// route (faults apply) or a harness route (never faulted)?" before it reads a single byte.
import type { ControlRoute } from './handle-control';
import type { FaultRoute } from './options';

export type Route =
  | { readonly kind: 'smile'; readonly name: FaultRoute }
  | { readonly kind: 'control'; readonly name: ControlRoute }
  | { readonly kind: 'not_found' };

const SMILE_ROUTES: Readonly<Record<string, FaultRoute>> = {
  'POST /v1/upload': 'upload',
  'POST /v1/job_status': 'job_status',
};

const CONTROL_ROUTES: Readonly<Record<string, ControlRoute>> = {
  'GET /__simulator/health': 'health',
  'GET /__simulator/jobs': 'jobs',
  'POST /__simulator/control': 'control',
  'POST /__simulator/reset': 'reset',
};

export function routeOf(method: string | undefined, pathname: string): Route {
  const key = `${method ?? ''} ${pathname}`;
  const smile = SMILE_ROUTES[key];
  if (smile) return { kind: 'smile', name: smile };
  const control = CONTROL_ROUTES[key];
  if (control) return { kind: 'control', name: control };
  if (method === 'PUT' && pathname.startsWith('/uploads/')) return { kind: 'smile', name: 'put' };
  return { kind: 'not_found' };
}
