// POST /v1/job_status (docs/smileid-protocol.md §3.3): the signed answer the kiosk polls. The answer's signature uses the
// same scheme as requests, over the timestamp it returns, so the client can prove the answer is genuine.
import { computeSignature, type SignedTimestamp } from '../signature';
import { jobStatusRequestSchema } from '../wire';
import type { SimulatorCore } from './core';
import { jsonReply, smileError } from './http-io';
import type { Reply } from './http-io';
import { actionsFor, meaningOf } from './outcomes';
import { checkAuth, parseJsonObject, validateFields } from './request-validation';
import type { SimJob } from './state';

export function handleJobStatus(core: SimulatorCore, body: Buffer): Reply {
  const raw = parseJsonObject(body);
  if (!raw.ok) return raw.reply;
  const checked = validateFields(jobStatusRequestSchema, raw.value);
  if (!checked.ok) return checked.reply;
  const request = checked.value;
  const now = core.now();
  const denied = checkAuth(
    core,
    { partnerId: request.partner_id, timestamp: request.timestamp, signature: request.signature },
    now,
    core.behaviour.timestampToleranceMs,
  );
  if (denied) return denied;

  core.settle();
  const job = core.state.findJob(request.job_id);
  // A job is looked up by job_id and user_id together; a mismatch is a client bug worth surfacing.
  if (!job || job.userId !== request.user_id) return smileError(400, '2213', 'job not found');
  job.jobStatusCalls += 1;

  // A genuine answer never carries the request's own signed timestamp (the client refuses that as an echo),
  // even when loopback answers within the same millisecond.
  const answeredAt = new Date(now).toISOString();
  const timestamp = answeredAt === request.timestamp ? new Date(now + 1).toISOString() : answeredAt;
  const signature = core.fires('tamperedSignature', 'job_status')
    ? computeSignature(`tampered:${core.apiKey}`, core.partnerId, timestamp)
    : computeSignature(core.apiKey, core.partnerId, timestamp);
  return jsonReply(200, jobStatusBody(job, { timestamp, signature }));
}

/**
 * What job_status answers about a job, signed with `signed`: also the body of the callback the simulator posts
 * when the job has a result (callback-delivery.ts), as Smile ID signs both with the same scheme.
 */
export function jobStatusBody(job: SimJob, signed: SignedTimestamp): Record<string, unknown> {
  const answer = { ...signed, code: '2302', history: null, image_links: null };
  if (job.resultCode === null) {
    // Before processing the result is free text, not an object (docs/smileid-protocol.md §3.3).
    const result = job.zipReceivedAt === null ? 'No zip uploaded' : 'Processing';
    return { ...answer, job_complete: false, job_success: false, result };
  }
  const { outcome } = meaningOf(job.resultCode);
  return {
    ...answer,
    job_complete: true,
    job_success: outcome === 'approved',
    result: resultOf(job, job.resultCode),
  };
}

function resultOf(job: SimJob, code: string): Record<string, unknown> {
  const { outcome, text } = meaningOf(code);
  return {
    ResultCode: code,
    ResultText: text,
    ResultType: 'SAIA',
    SmileJobID: job.smileJobId,
    PartnerParams: stringParams(job.partnerParams),
    ConfidenceValue: '99.0',
    IsFinalResult: outcome === 'provisional' ? 'false' : 'true',
    // 12xx codes are human judgements (docs/smileid-protocol.md §5.1).
    IsMachineResult: code.startsWith('12') ? 'false' : 'true',
    Actions: actionsFor(code),
  };
}

/** Results echo partner_params with every value as a string, and "" as "null" (docs/smileid-protocol.md §3.1). */
function stringParams(params: Record<string, string | number>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, value === '' ? 'null' : String(value)]),
  );
}
