// Which audit entries a change of one job makes, from the job as it was and as it is now (the outbox's job
// events carry every saved change). The outbox does the work; these entries are its trace: the photos reached
// Smile ID, the result, a failed attempt, needs-attention, the photos' expiry. Operator actions on a job (retry,
// discard) are recorded by their calls, and a new job by the enrollment's call.
import { SYSTEM_ACTOR, type AuditDetails } from '../../app/audit/entry';
import type { JobState } from '../../app/job-states';
import type { JobSummary } from '../../app/queue';
import type { AuditDraft } from './audit-log';

/** What the recorder remembers of each job between its events. */
export interface KnownJob {
  readonly userId: string;
  readonly state: JobState;
  readonly attempts: number;
  /** `kind:code` of the last error, or null. */
  readonly errorKey: string | null;
  readonly resultCode: string | null;
}

const SENDING: readonly JobState[] = ['preparing', 'uploading', 'awaiting_result'];
const RESULTS: readonly JobState[] = ['approved', 'rejected', 'provisional'];
/** JobError.kind of photos deleted at their maximum age (main/outbox/image-expiry.ts). */
const IMAGES_EXPIRED = 'images_expired';

type Rule = (
  before: KnownJob,
  job: JobSummary,
) => { action: AuditDraft['action']; details: AuditDetails } | null;

const RULES: readonly Rule[] = [
  // The upload was accepted: only Smile ID's answer remains.
  (before, job) =>
    job.state === 'awaiting_result' && before.state === 'uploading'
      ? { action: 'job.sent', details: { attempt: job.attempts + 1 } }
      : null,
  (before, job) =>
    RESULTS.includes(job.state) &&
    (before.state !== job.state || before.resultCode !== (job.result?.resultCode ?? null))
      ? {
          action: 'job.result',
          details: {
            outcome: job.result?.outcome ?? job.state,
            resultCode: job.result?.resultCode ?? null,
            final: job.result?.final ?? false,
            smileJobId: job.result?.smileJobId ?? null,
          },
        }
      : null,
  // A failed attempt counts or names a new error; a job merely resumed after a restart does neither.
  (before, job) =>
    job.state === 'queued' &&
    SENDING.includes(before.state) &&
    job.lastError !== null &&
    (job.attempts !== before.attempts || errorKey(job) !== before.errorKey)
      ? { action: 'job.attempt_failed', details: { ...errorDetails(job), attempts: job.attempts } }
      : null,
  (before, job) =>
    job.state === 'needs_attention' && before.state !== 'needs_attention'
      ? { action: 'job.needs_attention', details: errorDetails(job) }
      : null,
  (before, job) =>
    job.lastError?.kind === IMAGES_EXPIRED && !before.errorKey?.startsWith(`${IMAGES_EXPIRED}:`)
      ? { action: 'job.images_expired', details: { state: job.state } }
      : null,
];

export function errorKey(job: JobSummary): string | null {
  return job.lastError ? `${job.lastError.kind}:${job.lastError.code ?? ''}` : null;
}

function errorDetails(job: JobSummary): AuditDetails {
  return {
    kind: job.lastError?.kind ?? null,
    code: job.lastError?.code ?? null,
    errorClass: job.lastError?.errorClass ?? null,
  };
}

/** The entries this job event makes; none for a job first seen (its enrollment's call records it). */
export function jobEntries(before: KnownJob | undefined, job: JobSummary): AuditDraft[] {
  if (before === undefined) return [];
  return RULES.flatMap((rule) => {
    const found = rule(before, job);
    return found
      ? [{ ...found, actor: SYSTEM_ACTOR, subject: { jobId: job.jobId, userId: job.userId } }]
      : [];
  });
}
