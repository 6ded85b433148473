// POST /v1/upload ("prep upload", docs/smileid-protocol.md §3.1 and §7): registers a job and hands out a presigned URL.
// The order of checks follows the real service as far as it is known: shape, then auth, then job rules.
import { JOB_TYPE_SMART_SELFIE_ENROLLMENT } from '../../../app/smileid/image-types';
import { prepUploadRequestSchema } from '../wire';
import type { SimulatorCore } from './core';
import { jsonReply, smileError } from './http-io';
import type { Reply } from './http-io';
import { checkAuth, parseJsonObject, validateFields } from './request-validation';

const JOB_EXISTS = 'Job already exists. Did you mean to set the retry flag to true?';

export function handlePrepUpload(core: SimulatorCore, body: Buffer): Reply {
  const raw = parseJsonObject(body);
  if (!raw.ok) return raw.reply;
  const checked = validateFields(prepUploadRequestSchema, raw.value);
  if (!checked.ok) return checked.reply;
  const request = checked.value;
  const now = core.now();
  const denied = checkAuth(
    core,
    { partnerId: request.smile_client_id, timestamp: request.timestamp, signature: request.signature },
    now,
    core.behaviour.timestampToleranceMs,
  );
  if (denied) return denied;

  const params = request.partner_params;
  if (params.job_type !== JOB_TYPE_SMART_SELFIE_ENROLLMENT) {
    return smileError(
      400,
      '2212',
      `Invalid job_type ${params.job_type}: this partner can only run job_type 4`,
    );
  }

  core.settle(); // a provisional job may have become an enrollment since the last request
  const retry = request.retry === true;
  const existing = core.state.findJob(params.job_id);
  if (existing) existing.prepUploads += 1;
  if (existing && !retry) return smileError(400, '2215', JOB_EXISTS);
  if (core.state.isEnrolledByAnotherJob(params.user_id, params.job_id) && request.allow_new_enroll !== true) {
    return smileError(
      400,
      '2209',
      `User ${params.user_id} is already enrolled. Set allow_new_enroll to enroll again.`,
    );
  }

  // What the real service does with a re-prepared job's new callback or metadata is not documented; the
  // simulator keeps the latest, which is where a callback would then go.
  const extras = {
    callbackUrl: request.callback_url ?? null,
    metadata: request.metadata ?? null,
    allowNewEnroll: request.allow_new_enroll === true,
  };
  // retry:true for an unknown job_id is accepted as a new job (the first attempt may never have landed).
  const job = existing ?? core.state.createJob(params, extras, now);
  if (existing) existing.extras = extras;
  else job.prepUploads += 1;
  if (retry) job.prepUploadRetries += 1;
  // "An earlier attempt landed but its answer was lost": the job now exists, yet this call sees 2215.
  if (!existing && !retry && core.fires('duplicateJob2215', 'upload'))
    return smileError(400, '2215', JOB_EXISTS);

  const expiresAtSeconds = core.fires('expiredUploadUrl', 'upload')
    ? Math.floor(now / 1000) - 60
    : Math.floor((now + core.behaviour.uploadUrlTtlMs) / 1000);
  return jsonReply(200, {
    upload_url: core.signer.issue(core.baseUrl, job.refId, expiresAtSeconds),
    ref_id: job.refId,
    smile_job_id: job.smileJobId,
    camera_config: null,
    code: '2202',
  });
}
