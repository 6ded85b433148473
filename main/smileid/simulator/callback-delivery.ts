// Smile ID posts a job's result to the callback URL its prep_upload named (docs/smileid-protocol.md §8): the
// body is what job_status answers, signed the same way over a fresh timestamp. The simulator does the same, so a
// kiosk that leaves results to the bank's callback (polling timeout 0) is tested end to end. A refused or failed
// POST is retried after each of behaviour.callbackRetryDelaysMs; a provisional result and its final one are each
// posted. The simulator posts only to loopback (127.0.0.1, localhost, [::1]): a test's or a developer's own
// "bank", never a real server — so a training kiosk with a real bank's callback URL still sends nothing out.
import http from 'node:http';
import https from 'node:https';
import { computeSignature } from '../signature';
import { jobStatusBody } from './handle-job-status';
import type { SimJob } from './state';

export interface CallbackDeliveryDeps {
  readonly partnerId: string;
  readonly apiKey: string;
  readonly now: () => number;
  /** Rejects when the simulator closes, which ends the retries. */
  readonly sleep: (ms: number) => Promise<void>;
  readonly signal: AbortSignal;
  readonly retryDelaysMs: () => readonly number[];
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** A bank's server that takes longer than this to take a result has failed this POST. */
const POST_TIMEOUT_MS = 10_000;

/** Why the simulator will not post to this URL, or null when it will. */
export function callbackTargetProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'not http or https';
  return LOOPBACK_HOSTS.has(url.hostname) ? null : 'not on loopback: the simulator posts nowhere else';
}

/** Posts the job's current result to its callback URL until it is taken or the retries run out. Never throws. */
export async function deliverCallback(deps: CallbackDeliveryDeps, job: SimJob): Promise<void> {
  const target = job.extras.callbackUrl;
  if (target === null) return;
  const problem = callbackTargetProblem(target);
  if (problem !== null) {
    job.callbacks.lastProblem = problem;
    return;
  }
  const delays = deps.retryDelaysMs();
  for (let attempt = 0; attempt <= delays.length; attempt++) {
    if (attempt > 0) {
      try {
        await deps.sleep(delays[attempt - 1] ?? 0);
      } catch {
        return; // the simulator closed
      }
    }
    if (deps.signal.aborted) return;
    const timestamp = new Date(deps.now()).toISOString();
    const body = jobStatusBody(job, {
      timestamp,
      signature: computeSignature(deps.apiKey, deps.partnerId, timestamp),
    });
    const resultCode = job.resultCode;
    job.callbacks.attempts += 1;
    const failure = await post(target, JSON.stringify(body), deps.signal);
    if (failure === null) {
      if (resultCode !== null) job.callbacks.delivered.push(resultCode);
      job.callbacks.lastProblem = null;
      return;
    }
    job.callbacks.lastProblem = failure;
  }
}

/** One POST; null when the server took it (2xx), else what went wrong. */
function post(target: string, body: string, signal: AbortSignal): Promise<string | null> {
  const url = new URL(target);
  const send = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve) => {
    const request = send(
      url,
      {
        method: 'POST',
        // No keep-alive: nothing of the simulator lingers on the bank's server once a result is delivered.
        agent: false,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
        timeout: POST_TIMEOUT_MS,
        signal,
      },
      (response) => {
        response.resume();
        const status = response.statusCode ?? 0;
        response.on('end', () => resolve(status >= 200 && status < 300 ? null : `HTTP ${status}`));
        response.on('error', (error) => resolve(error.message));
      },
    );
    request.on('timeout', () => request.destroy(new Error('no answer in time')));
    request.on('error', (error) => resolve(error.message));
    request.end(body);
  });
}
