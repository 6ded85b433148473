// One attempt at delivering one enrollment: prep_upload → PUT zip → poll job_status → result.
// The caller (the outbox) persists `progress` between attempts so that a capture keeps one job_id for life:
//  - a job_id ever prepared is re-prepared with retry:true (and a 2215 answer switches to retry:true);
//  - a refused or expired upload link is replaced by re-preparing, then the zip is PUT again;
//  - when an earlier PUT may have landed, job_status is asked first, so a processed job is never re-sent.
// uploadEnrollment stops once Smile ID confirmed the upload (what a kiosk that leaves results to the bank's
// callback needs, §8); submitEnrollment goes on to poll for the result.
import type { SmileIdClient } from './client';
import { SmileIdError } from './errors';
import { DEFAULT_POLL_SCHEDULE, pollJobStatus, type PollSchedule } from './job-status-poller';
import { interpretJobStatus, type EnrollmentResult } from './result';
import { buildUploadZip, type EnrollmentImages } from './upload-package';
import type { Metadatum, PrepUploadResponse } from './wire';

export interface EnrollmentSubmission {
  readonly jobId: string;
  readonly userId: string;
  readonly extraPartnerParams?: Readonly<Record<string, string>>;
  readonly metadata?: readonly Metadatum[];
  readonly callbackUrl?: string;
  readonly allowNewEnroll?: boolean;
  readonly images: EnrollmentImages;
}

/** How uploadEnrollment ended. */
export type UploadOutcome =
  /** job_status, asked first because an earlier PUT may have landed, already had the answer. */
  | { readonly kind: 'result'; readonly result: EnrollmentResult }
  /** Smile ID confirmed the upload (now, or in an earlier attempt); its result is still to come. */
  | { readonly kind: 'uploaded'; readonly progress: SubmissionProgress };

/** What earlier attempts learnt about this job; kept durable by the caller. */
export interface SubmissionProgress {
  readonly everPrepared: boolean;
  readonly uploadMayHaveLanded: boolean;
  /** The PUT was answered 200: only the result remains to be fetched. */
  readonly uploadConfirmed: boolean;
}

export const FRESH_PROGRESS: SubmissionProgress = {
  everPrepared: false,
  uploadMayHaveLanded: false,
  uploadConfirmed: false,
};

export type SubmissionStage = 'preparing' | 'uploading' | 'awaiting_result';

export interface SubmissionHooks {
  /** Called as each stage starts, with the progress to persist before going on. */
  readonly onStage?: (stage: SubmissionStage, progress: SubmissionProgress) => void | Promise<void>;
  /** Called after each successful prep_upload (e.g. to record smile_job_id). */
  readonly onPrepared?: (response: PrepUploadResponse) => void | Promise<void>;
}

export interface SubmissionOptions {
  readonly poll?: PollSchedule;
  readonly hooks?: SubmissionHooks;
  /** How many refused/expired upload links are replaced within one attempt. */
  readonly maxUploadLinkRenewals?: number;
  readonly signal?: AbortSignal;
}

/**
 * The last stage alone: poll job_status for a job whose upload Smile ID confirmed. Also what the outbox runs for
 * such a job once the kiosk no longer holds its photos (main/outbox/image-expiry.ts).
 */
export async function awaitEnrollmentResult(
  client: SmileIdClient,
  ids: { readonly userId: string; readonly jobId: string },
  progress: SubmissionProgress,
  options: SubmissionOptions = {},
): Promise<EnrollmentResult> {
  await options.hooks?.onStage?.('awaiting_result', progress);
  const status = await pollJobStatus(client, ids, options.poll ?? DEFAULT_POLL_SCHEDULE, {
    signal: options.signal,
  });
  return interpretJobStatus(status);
}

/** The whole attempt: upload (as far as `progress` says is still needed), then poll for the result. */
export async function submitEnrollment(
  client: SmileIdClient,
  submission: EnrollmentSubmission,
  progress: SubmissionProgress,
  options: SubmissionOptions = {},
): Promise<EnrollmentResult> {
  const uploaded = await uploadEnrollment(client, submission, progress, options);
  if (uploaded.kind === 'result') return uploaded.result;
  const ids = { userId: submission.userId, jobId: submission.jobId };
  return awaitEnrollmentResult(client, ids, uploaded.progress, options);
}

/** prep_upload and the PUT, until Smile ID confirmed the upload; never polls for the result. */
export async function uploadEnrollment(
  client: SmileIdClient,
  submission: EnrollmentSubmission,
  progress: SubmissionProgress,
  options: SubmissionOptions = {},
): Promise<UploadOutcome> {
  const ids = { userId: submission.userId, jobId: submission.jobId };
  const hooks = options.hooks ?? {};
  let current = progress;

  if (current.uploadConfirmed) return { kind: 'uploaded', progress: current };
  if (current.uploadMayHaveLanded) {
    const status = await client.jobStatus(ids);
    if (status.job_complete) return { kind: 'result', result: interpretJobStatus(status) };
  }

  await hooks.onStage?.('preparing', current);
  const prepare = async (): Promise<PrepUploadResponse> => {
    const base = {
      userId: submission.userId,
      jobId: submission.jobId,
      extraPartnerParams: submission.extraPartnerParams,
      metadata: submission.metadata,
      callbackUrl: submission.callbackUrl,
      allowNewEnroll: submission.allowNewEnroll,
    };
    let response: PrepUploadResponse;
    try {
      response = await client.prepUpload({ ...base, retry: current.everPrepared });
    } catch (error) {
      // 2215: Smile ID already has this job_id (an earlier answer was lost): continue it with retry:true.
      if (!(error instanceof SmileIdError && error.code === '2215' && !current.everPrepared)) throw error;
      response = await client.prepUpload({ ...base, retry: true });
    }
    current = { ...current, everPrepared: true };
    await hooks.onPrepared?.(response);
    return response;
  };

  let prepared = await prepare();
  const zip = await buildUploadZip({
    images: submission.images,
    partnerId: client.partnerId,
    partnerParams: client.partnerParams({
      ...ids,
      extraPartnerParams: submission.extraPartnerParams,
      retry: false,
    }),
    signed: client.sign(),
    callbackUrl: submission.callbackUrl,
  });

  const maxRenewals = options.maxUploadLinkRenewals ?? 2;
  for (let renewals = 0; ; renewals++) {
    // From the moment the PUT starts it may land, even if this process dies before the answer.
    current = { ...current, uploadMayHaveLanded: true };
    await hooks.onStage?.('uploading', current);
    try {
      await client.uploadZip(prepared.upload_url, zip);
      break;
    } catch (error) {
      if (!(error instanceof SmileIdError && error.kind === 'upload_refused' && renewals < maxRenewals))
        throw error;
      prepared = await prepare();
    }
  }

  return { kind: 'uploaded', progress: { ...current, uploadConfirmed: true } };
}
