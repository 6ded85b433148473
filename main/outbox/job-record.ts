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
  smileJobId: z.string().nullable(),
  progress: progressSchema,
  imagesDeleted: z.boolean(),
});
export type JobRecord = z.infer<typeof jobRecordSchema>;

export function newJobRecord(jobId: string, userId: string, now: number): JobRecord {
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
    smileJobId: null,
    progress: { everPrepared: false, uploadMayHaveLanded: false, uploadConfirmed: false },
    imagesDeleted: false,
  };
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
  };
}
