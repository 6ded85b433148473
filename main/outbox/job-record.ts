// The durable record of one enrollment (never any image): what the index holds, and what the job folder's
// sealed record.bin holds as the source of truth when the two disagree.
import { z } from 'zod';
import { JOB_STATES } from '../../app/job-states';
import { jobErrorSchema, jobResultSummarySchema, type JobSummary } from '../../app/queue';

export const progressSchema = z.object({
  /** prep_upload reached Smile ID once: later preparations send retry:true. */
  everPrepared: z.boolean(),
  /** A PUT started: before uploading again, ask job_status whether Smile ID has the zip. */
  uploadMayHaveLanded: z.boolean(),
  /** A PUT was answered 200: only job_status remains. */
  uploadConfirmed: z.boolean(),
});
export type Progress = z.infer<typeof progressSchema>;

export const reEnrollmentSchema = z.object({
  approvedAt: z.number(),
  /**
   * The job_id of the new Smile ID job the re-enrollment is sent as (with allow_new_enroll), since a job_id is
   * single-use at Smile ID (docs/smileid-protocol.md §7): the kiosk's job keeps its own ID and its capture.
   */
  smileIdJobId: z.string(),
});
export type ReEnrollment = z.infer<typeof reEnrollmentSchema>;

export const jobRecordSchema = z.object({
  v: z.literal(1),
  jobId: z.string(),
  userId: z.string(),
  state: z.enum(JOB_STATES),
  createdAt: z.number(),
  updatedAt: z.number(),
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.number().nullable(),
  lastError: jobErrorSchema.nullable(),
  result: jobResultSummarySchema.nullable(),
  completedAt: z.number().nullable(),
  /**
   * When Smile ID first answered with a result, final or under review: the moment the enrollment counts as sent
   * ("sent today"). Records written before this field existed read as null (their completedAt still counts).
   */
  answeredAt: z.number().nullable().default(null),
  smileJobId: z.string().nullable(),
  progress: progressSchema,
  imagesDeleted: z.boolean(),
  /**
   * The callback URL the job's last successful prep_upload carried, or null. A job ends `submitted` (its result
   * left to the callback) only when Smile ID was told where to send it. Older records read as null.
   */
  callbackUrlSent: z.string().nullable().default(null),
  /** A supervisor approved enrolling this user ID again after Smile ID answered 2209 (re-enrollment.ts). */
  reEnrollment: reEnrollmentSchema.nullable().default(null),
  /** The signed-in operator who captured it (docs/operators.md); records from before operators read as null. */
  operatorId: z.string().nullable().default(null),
});
export type JobRecord = z.infer<typeof jobRecordSchema>;

export function newJobRecord(
  jobId: string,
  userId: string,
  now: number,
  operatorId: string | null = null,
): JobRecord {
  return {
    v: 1,
    jobId,
    userId,
    state: 'queued',
    createdAt: now,
    updatedAt: now,
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    result: null,
    completedAt: null,
    answeredAt: null,
    smileJobId: null,
    progress: { everPrepared: false, uploadMayHaveLanded: false, uploadConfirmed: false },
    imagesDeleted: false,
    callbackUrlSent: null,
    reEnrollment: null,
    operatorId,
  };
}

/** The job_id Smile ID knows this job by: the kiosk's job ID, or the re-enrollment's new one. */
export function smileIdJobIdOf(record: JobRecord): string {
  return record.reEnrollment?.smileIdJobId ?? record.jobId;
}

export function toSummary(record: JobRecord): JobSummary {
  return {
    jobId: record.jobId,
    userId: record.userId,
    state: record.state,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    attempts: record.attempts,
    nextAttemptAt: record.nextAttemptAt,
    lastError: record.lastError,
    result: record.result,
    completedAt: record.completedAt,
    // The signed-in operator whose shift captured it; null for jobs from before named operators.
    operatorId: record.operatorId,
  };
}
