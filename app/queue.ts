// What the renderer sees of the outbox: job summaries (never images) and the kiosk's health.
import { z } from 'zod';
import { JOB_STATES } from './job-states';

export const jobErrorSchema = z.object({
  /** A FailureKind (app/smileid/failure-kinds.ts), or the kiosk's own (app/job-problems.ts). */
  kind: z.string(),
  /** The Smile ID code of an api_error, or which of the kiosk's own problems (app/job-problems.ts). */
  code: z.string().nullable(),
  errorClass: z.enum(['transient', 'permanent', 'systemic']),
  /** English, for logs and engineers; screens say `kind` and `code` in the operator's language. */
  reason: z.string(),
  action: z.string(),
});
export type JobError = z.infer<typeof jobErrorSchema>;

export const jobResultSummarySchema = z.object({
  outcome: z.enum(['approved', 'rejected', 'provisional']),
  final: z.boolean(),
  resultCode: z.string().nullable(),
  resultText: z.string(),
  /** English, for logs and engineers; screens say `resultCode` (or `outcome`) in the operator's language. */
  reason: z.string(),
  nextStep: z.enum(['none', 'recapture', 'call_supervisor', 'wait_for_review']),
  smileJobId: z.string().nullable(),
});
export type JobResultSummary = z.infer<typeof jobResultSummarySchema>;

export const jobSummarySchema = z.object({
  jobId: z.string(),
  userId: z.string(),
  state: z.enum(JOB_STATES),
  createdAt: z.number(),
  updatedAt: z.number(),
  attempts: z.number().int(),
  nextAttemptAt: z.number().nullable(),
  lastError: jobErrorSchema.nullable(),
  result: jobResultSummarySchema.nullable(),
  /** When Smile ID confirmed the final result. */
  completedAt: z.number().nullable(),
  /**
   * The named operator who captured it (app/operators.ts), as its job record holds it; null for a job taken
   * before named operators, under the shared kiosk PIN. The operator panel's end-of-day totals group by it.
   */
  operatorId: z.string().nullable(),
});
export type JobSummary = z.infer<typeof jobSummarySchema>;

export const circuitSchema = z.object({
  open: z.boolean(),
  /** What paused the queue, named as on a job (JobError kind and code) or app/job-problems.ts CIRCUIT_PROBLEMS. */
  kind: z.string().nullable(),
  code: z.string().nullable(),
  /** English, for logs and engineers; screens say `kind` and `code` in the operator's language. */
  reason: z.string().nullable(),
  action: z.string().nullable(),
  since: z.number().nullable(),
});
export type CircuitStatus = z.infer<typeof circuitSchema>;

export const healthSchema = z.object({
  online: z.boolean(),
  circuit: circuitSchema,
  /** Server clock minus kiosk clock, from Smile ID's answers; null until measured. */
  clockSkewMs: z.number().nullable(),
  clockSkewExceeded: z.boolean(),
  freeDiskBytes: z.number().nullable(),
  counts: z.record(z.enum(JOB_STATES), z.number().int()),
  sentToday: z.number().int(),
  lastSuccessfulSendAt: z.number().nullable(),
  training: z.boolean(),
});
export type HealthStatus = z.infer<typeof healthSchema>;

export const kioskEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('job'), job: jobSummarySchema }),
  z.object({ type: z.literal('job_removed'), jobId: z.string() }),
  z.object({ type: z.literal('health'), health: healthSchema }),
  // The operator pressed the exit chord on the kiosk: the UI asks for the PIN, then calls exitKiosk.
  z.object({ type: z.literal('operator_exit_requested') }),
]);
export type KioskEvent = z.infer<typeof kioskEventSchema>;
