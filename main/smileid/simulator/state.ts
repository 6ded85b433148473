// The simulator's memory: jobs by job_id, and which user_ids are enrolled. Time-driven transitions
// (processing → complete, provisional → 1240) are settled lazily whenever someone looks, so the simulator
// needs no timers that could outlive close() and a test clock would be easy to add later.
import { randomBytes } from 'node:crypto';
import type { Metadatum, PartnerParams } from '../wire';
import { HUMAN_REVIEW_PASS, meaningOf } from './outcomes';
import type { EnrollmentOutcome } from '../../../app/smileid/result-codes';
import type { InspectedImage } from './zip-inspection';

export type JobState = 'prepared' | 'processing' | 'complete';

/** What the job's prep_upload said besides partner_params (the latest one, for a re-prepared job). */
export interface PrepUploadExtras {
  readonly callbackUrl: string | null;
  readonly metadata: readonly Metadatum[] | null;
  readonly allowNewEnroll: boolean;
}

/** How posting the job's results to its callback URL went (callback-delivery.ts). */
export interface CallbackLog {
  /** POSTs made, failed ones included. */
  attempts: number;
  /** The result codes the callback accepted (2xx), in order: a provisional result, then its final one. */
  delivered: string[];
  /** Why the last POST failed, or why none was made (a callback URL off loopback); null after a success. */
  lastProblem: string | null;
}

export interface SimJob {
  readonly jobId: string;
  readonly userId: string;
  readonly partnerParams: PartnerParams;
  readonly smileJobId: string;
  readonly refId: string;
  readonly createdAt: number;
  extras: PrepUploadExtras;
  readonly callbacks: CallbackLog;
  prepUploads: number;
  prepUploadRetries: number;
  puts: number;
  acceptedZips: number;
  zipBytes: number | null;
  images: readonly InspectedImage[];
  jobStatusCalls: number;
  /** When the first acceptable zip arrived; later zips are counted but not processed again. */
  zipReceivedAt: number | null;
  /** When processing ends (zipReceivedAt + processingDelayMs at the time of the upload). */
  readyAt: number | null;
  /** The code processing will produce, known once the zip has been inspected. */
  pendingCode: string | null;
  /** Why the zip was rejected, when it was. */
  zipProblem: string | null;
  /** The current ResultCode once complete; a provisional code may later become 1240. */
  resultCode: string | null;
  completedAt: number | null;
}

/** What GET /__simulator/jobs and RunningSimulator.jobs() show per job. */
export interface SimulatorJobView {
  jobId: string;
  userId: string;
  partnerParams: PartnerParams;
  smileJobId: string;
  prepUploads: number;
  prepUploadRetries: number;
  puts: number;
  acceptedZips: number;
  zipBytes: number | null;
  images: { imageTypeId: number; bytes: number }[];
  jobStatusCalls: number;
  state: JobState;
  result: { resultCode: string; outcome: EnrollmentOutcome } | null;
  zipProblem: string | null;
  createdAt: string;
  callbackUrl: string | null;
  metadata: readonly Metadatum[] | null;
  allowNewEnroll: boolean;
  callbacks: CallbackLog;
}

export class SimulatorState {
  private readonly jobs = new Map<string, SimJob>();
  private readonly jobsByRef = new Map<string, SimJob>();
  /** user_id → job_id of the approved job that enrolled it. */
  private readonly enrolled = new Map<string, string>();
  private smileJobCounter = 0;
  private readonly resultListeners = new Set<(job: SimJob) => void>();

  constructor(private readonly partnerId: string) {}

  /** Called each time a job gets a result code (processing done, or a human review ended). */
  onResult(listener: (job: SimJob) => void): void {
    this.resultListeners.add(listener);
  }

  findJob(jobId: string): SimJob | undefined {
    return this.jobs.get(jobId);
  }

  findJobByRef(refId: string): SimJob | undefined {
    return this.jobsByRef.get(refId);
  }

  /** True when another job already enrolled this user_id (what 2209 refuses). */
  isEnrolledByAnotherJob(userId: string, jobId: string): boolean {
    const enrolledBy = this.enrolled.get(userId);
    return enrolledBy !== undefined && enrolledBy !== jobId;
  }

  createJob(partnerParams: PartnerParams, extras: PrepUploadExtras, now: number): SimJob {
    this.smileJobCounter += 1;
    const smileJobId = String(this.smileJobCounter).padStart(10, '0');
    const job: SimJob = {
      jobId: partnerParams.job_id,
      userId: partnerParams.user_id,
      partnerParams,
      smileJobId,
      // Shaped like Smile ID's ref_id: <partner>-<smile_job_id>-<hash>.
      refId: `${this.partnerId}-${smileJobId}-${randomBytes(8).toString('hex')}`,
      createdAt: now,
      extras,
      callbacks: { attempts: 0, delivered: [], lastProblem: null },
      prepUploads: 0,
      prepUploadRetries: 0,
      puts: 0,
      acceptedZips: 0,
      zipBytes: null,
      images: [],
      jobStatusCalls: 0,
      zipReceivedAt: null,
      readyAt: null,
      pendingCode: null,
      zipProblem: null,
      resultCode: null,
      completedAt: null,
    };
    this.jobs.set(job.jobId, job);
    this.jobsByRef.set(job.refId, job);
    return job;
  }

  /**
   * Moves jobs along their timeline up to `now`: processed zips become results once the processing delay
   * has passed, and provisional results pass human review after `provisionalResolveMs` (null = never).
   * Transitions are stamped with the instant they were due, not the instant someone looked.
   */
  settle(now: number, provisionalResolveMs: number | null): void {
    for (const job of this.jobs.values()) {
      if (job.resultCode === null && job.pendingCode !== null && job.readyAt !== null && now >= job.readyAt) {
        this.complete(job, job.pendingCode, job.readyAt);
      }
      if (
        job.resultCode !== null &&
        job.completedAt !== null &&
        provisionalResolveMs !== null &&
        meaningOf(job.resultCode).outcome === 'provisional' &&
        now >= job.completedAt + provisionalResolveMs
      ) {
        this.complete(job, HUMAN_REVIEW_PASS, job.completedAt + provisionalResolveMs);
      }
    }
  }

  stateOf(job: SimJob): JobState {
    if (job.resultCode !== null) return 'complete';
    return job.zipReceivedAt === null ? 'prepared' : 'processing';
  }

  view(): SimulatorJobView[] {
    return [...this.jobs.values()].map((job) => ({
      jobId: job.jobId,
      userId: job.userId,
      partnerParams: job.partnerParams,
      smileJobId: job.smileJobId,
      prepUploads: job.prepUploads,
      prepUploadRetries: job.prepUploadRetries,
      puts: job.puts,
      acceptedZips: job.acceptedZips,
      zipBytes: job.zipBytes,
      images: job.images.map((image) => ({ imageTypeId: image.imageTypeId, bytes: image.bytes })),
      jobStatusCalls: job.jobStatusCalls,
      state: this.stateOf(job),
      result:
        job.resultCode === null
          ? null
          : { resultCode: job.resultCode, outcome: meaningOf(job.resultCode).outcome },
      zipProblem: job.zipProblem,
      createdAt: new Date(job.createdAt).toISOString(),
      callbackUrl: job.extras.callbackUrl,
      metadata: job.extras.metadata,
      allowNewEnroll: job.extras.allowNewEnroll,
      callbacks: { ...job.callbacks, delivered: [...job.callbacks.delivered] },
    }));
  }

  clear(): void {
    this.jobs.clear();
    this.jobsByRef.clear();
    this.enrolled.clear();
    this.smileJobCounter = 0;
  }

  /** An approved result enrolls the user_id (replacing an earlier enrollment, as allow_new_enroll does). */
  private complete(job: SimJob, code: string, at: number): void {
    job.resultCode = code;
    job.completedAt = at;
    if (meaningOf(code).outcome === 'approved') this.enrolled.set(job.userId, job.jobId);
    for (const listener of this.resultListeners) listener(job);
  }
}
