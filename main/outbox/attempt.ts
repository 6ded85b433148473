// One turn of one job, as the scheduler starts it: check the record against its folder, then send it (or poll
// a provisional one), save the outcome and apply what it means for the whole queue (reachability, circuit).
import type { CircuitProblem } from '../../app/job-problems';
import { ACTIVE_STATES, DONE_STATES, type JobState } from '../../app/job-states';
import type { KioskEvent } from '../../app/queue';
import type { Logger } from '../log';
import { resultDelivery } from '../../app/result-delivery';
import {
  awaitEnrollmentResult,
  uploadEnrollment,
  type EnrollmentSubmission,
  type SubmissionOptions,
  type UploadOutcome,
} from '../smileid/enrollment';
import { SmileIdError } from '../smileid/errors';
import type { PollSchedule } from '../smileid/job-status-poller';
import { geolocationMetadatum } from '../smileid/partner-params';
import { interpretJobStatus } from '../smileid/result';
import {
  internalJobError,
  recordAfterError,
  recordAfterResult,
  recordAfterSubmit,
  type AttemptPolicy,
  type QueueEffect,
} from './attempt-outcome';
import type { CircuitBreaker } from './circuit-breaker';
import type { ClockSkew } from './clock-skew';
import type { SmileIdConnection } from './connection';
import type { Connectivity } from './connectivity';
import { mustPurgeImages, purgeExpiredImages } from './image-expiry';
import type { JobFolders } from './job-folder';
import { JobKeyDestroyedError } from './job-key';
import type { JobIndex } from './job-index';
import type { JobQueues } from './job-queues';
import { smileIdJobIdOf, toSummary, type JobRecord } from './job-record';
import type { JobRecordStore } from './job-record-store';
import { transition } from './state-machine';

const IN_FLIGHT: readonly JobState[] = ['preparing', 'uploading', 'awaiting_result'];

export interface AttemptDeps {
  readonly index: JobIndex;
  readonly folders: JobFolders;
  readonly records: JobRecordStore;
  readonly queues: JobQueues;
  readonly circuit: CircuitBreaker;
  readonly connectivity: Connectivity;
  readonly clockSkew: ClockSkew;
  readonly policy: AttemptPolicy;
  /** How job_status is polled after an upload: read at each attempt (settings may change it). */
  readonly pollSchedule: () => PollSchedule;
  /** settings.jobStatusPollingTimeoutSeconds, read at each attempt: 0 leaves results to the callback. */
  readonly pollingTimeoutSeconds: () => number;
  /** settings.maxImageAgeDays, read at each attempt (the operator may change it). */
  readonly maxImageAgeDays: () => number;
  /** Aborted on shutdown: an attempt cut short keeps its in-flight state and resumes at the next start. */
  readonly signal: AbortSignal;
  readonly now: () => number;
  readonly log: Logger;
  /** The current connection (settings may replace it between attempts); null when not configured. */
  readonly connection: () => SmileIdConnection | null;
  /** Smile ID accepted a job: the time of the last successful send, for the health status. */
  readonly onSent: (at: number) => void;
  readonly emit: (event: KioskEvent) => void;
  readonly emitHealth: () => void;
}

export class AttemptRunner {
  constructor(private readonly deps: AttemptDeps) {}

  /** The scheduler's `run`: one turn of one job. Never throws; a failure is recorded on the job. */
  async run(jobId: string): Promise<void> {
    const { deps } = this;
    const connection = deps.connection();
    let record = deps.index.get(jobId);
    if (!record) return;
    if (!connection) {
      deps.circuit.open(
        {
          kind: 'not_configured' satisfies CircuitProblem,
          code: null,
          reason: 'Smile ID is not configured on this kiosk.',
          action: 'A supervisor must enter the partner ID and API key.',
        },
        deps.now(),
      );
      deps.emitHealth();
      return;
    }
    try {
      record = await deps.records.reconcileWithFolder(record);
      if (DONE_STATES.includes(record.state)) {
        if (!record.imagesDeleted) await deps.records.deleteImagesOf(record);
        return;
      }
      if (IN_FLIGHT.includes(record.state)) {
        // An attempt was cut short (crash, shutdown): resume it with the progress it recorded.
        record = await deps.records.save(transition(record, 'queued', deps.now()));
      }
      // Photos past their maximum age are never sent, even if the job comes due before the sweep sees it.
      if (mustPurgeImages(record, deps.now(), deps.maxImageAgeDays())) {
        record = await purgeExpiredImages(deps.records, record, deps.maxImageAgeDays(), deps.now());
        deps.log.info('job_images_expired', { jobId, state: record.state });
      }
      if (record.state === 'provisional') {
        await this.pollProvisional(record, connection);
        return;
      }
      if (!ACTIVE_STATES.includes(record.state)) return;
      await this.attempt(record, connection);
    } catch (error) {
      // Shutting down mid-attempt: the record keeps its in-flight state and resumes at the next start.
      if (deps.signal.aborted) return;
      await this.failInternally(jobId, error);
    }
  }

  private async attempt(initial: JobRecord, connection: SmileIdConnection): Promise<void> {
    const { deps } = this;
    let record = initial;
    // Without its photos (image-expiry.ts) a job gets here only if Smile ID confirmed its upload earlier.
    const capture = record.imagesDeleted ? null : await deps.folders.readCapture(record.jobId);
    // Left to the callback only if Smile ID was told the callback URL: by this attempt's prep_upload, or, for
    // an upload confirmed earlier, by the one recorded then (result-delivery.ts).
    const delivery = resultDelivery({
      jobStatusPollingTimeoutSeconds: deps.pollingTimeoutSeconds(),
      callbackUrl: record.progress.uploadConfirmed
        ? record.callbackUrlSent
        : (connection.callbackUrl ?? null),
    });
    const options: SubmissionOptions = {
      poll: deps.pollSchedule(),
      signal: deps.signal,
      hooks: {
        onStage: async (stage, progress) => {
          record = await deps.records.save(transition(record, stage, deps.now(), { progress }));
        },
        onPrepared: async (response) => {
          record = await deps.records.save({
            ...record,
            smileJobId: response.smile_job_id,
            callbackUrlSent: connection.callbackUrl ?? null,
          });
        },
      },
    };
    const ids = { userId: record.userId, jobId: smileIdJobIdOf(record) };
    try {
      let outcome: UploadOutcome = { kind: 'uploaded', progress: record.progress };
      if (capture) {
        const { manifest } = capture;
        const geolocation = geolocationMetadatum(manifest.extraPartnerParams, manifest.createdAt);
        const submission: EnrollmentSubmission = {
          ...ids,
          extraPartnerParams: manifest.extraPartnerParams,
          ...(geolocation ? { metadata: [geolocation] } : {}),
          callbackUrl: connection.callbackUrl,
          // Only ever on a supervisor's approval (re-enrollment.ts), never on the kiosk's own initiative.
          allowNewEnroll: record.reEnrollment !== null,
          images: capture,
        };
        outcome = await uploadEnrollment(connection.client, submission, record.progress, options);
      }
      if (outcome.kind === 'uploaded' && delivery === 'callback_only') {
        const after = recordAfterSubmit(record, outcome.progress, deps.now());
        await this.finish(after.record, after.effect);
        return;
      }
      const result =
        outcome.kind === 'result'
          ? outcome.result
          : await awaitEnrollmentResult(connection.client, ids, outcome.progress, options);
      // `record` as the hooks last saved it (awaiting_result), hence read only now.
      const after = recordAfterResult(record, result, deps.now(), deps.policy);
      await this.finish(after.record, after.effect);
    } catch (error) {
      if (!(error instanceof SmileIdError)) throw error;
      const after = recordAfterError(record, error, deps.now(), deps.policy);
      deps.log.warn('attempt_failed', {
        jobId: record.jobId,
        state: record.state,
        kind: error.kind,
        code: error.code,
        errorClass: error.errorClass,
      });
      await this.finish(after.record, this.withClockReason(error, after.effect), error);
    }
  }

  private async pollProvisional(record: JobRecord, connection: SmileIdConnection): Promise<void> {
    const { deps } = this;
    try {
      const status = await connection.client.jobStatus({
        userId: record.userId,
        jobId: smileIdJobIdOf(record),
      });
      const result = interpretJobStatus(status);
      const after = recordAfterResult(record, result, deps.now(), deps.policy);
      await this.finish(after.record, after.effect);
    } catch (error) {
      if (!(error instanceof SmileIdError)) throw error;
      const after = recordAfterError(record, error, deps.now(), deps.policy);
      await this.finish(after.record, this.withClockReason(error, after.effect), error);
    }
  }

  /** Saves the attempt's outcome and applies its effect on the whole queue. */
  private async finish(record: JobRecord, effect: QueueEffect, error?: SmileIdError): Promise<void> {
    const { deps } = this;
    // The outcome is made durable before any image goes: a crash in between must not leave a job that still
    // needs sending without its images.
    const saved = await deps.records.save(record);
    deps.log.info('job_state', { jobId: saved.jobId, state: saved.state, attempts: saved.attempts });
    this.applyQueueEffect(effect, error);
    if (DONE_STATES.includes(saved.state) && !saved.imagesDeleted) await deps.records.deleteImagesOf(saved);
  }

  /** What an attempt's outcome means for the whole queue: reachability, the circuit, the last send. */
  private applyQueueEffect(effect: QueueEffect, error?: SmileIdError): void {
    const { deps } = this;
    if (effect.kind === 'sent' || error?.kind === 'api_error') {
      deps.connectivity.reportSuccess();
      if (effect.kind === 'sent') deps.onSent(deps.now());
      if (deps.circuit.isOpen && effect.kind === 'sent') {
        deps.circuit.close();
        deps.log.info('circuit_closed');
      }
      deps.emitHealth();
    }
    if (effect.kind === 'offline') deps.connectivity.reportFailure();
    if (effect.kind === 'open_circuit') {
      deps.circuit.open(effect.cause, deps.now());
      deps.log.warn('circuit_open', { reason: effect.cause.reason });
      deps.emitHealth();
    }
  }

  private withClockReason(error: SmileIdError, effect: QueueEffect): QueueEffect {
    const { clockSkew } = this.deps;
    if (effect.kind !== 'open_circuit' || !clockSkew.exceeded) return effect;
    if (error.code !== '2205' && error.code !== '2405' && error.kind !== 'tls') return effect;
    return {
      kind: 'open_circuit',
      cause: {
        kind: 'clock_wrong' satisfies CircuitProblem,
        code: null,
        reason: `${clockSkew.describe()} Smile ID refuses requests signed with a wrong time.`,
        action: "A supervisor must set the kiosk's date, time and time zone (or enable network time).",
      },
    };
  }

  private async failInternally(jobId: string, error: unknown): Promise<void> {
    const { deps } = this;
    deps.log.error('attempt_internal_error', { jobId, error: String(error) });
    const record = deps.index.get(jobId);
    if (!record || !ACTIVE_STATES.includes(record.state)) return;
    const next = transition(record, 'needs_attention', deps.now(), {
      nextAttemptAt: null,
      lastError:
        error instanceof JobKeyDestroyedError
          ? internalJobError('photos_deleted', error.reason, error.action)
          : internalJobError(
              'files_unreadable',
              "The kiosk could not read this enrollment's saved files (damaged or changed).",
              'Capture the customer again, then discard this entry.',
            ),
    });
    deps.index.put(next);
    deps.queues.removeFromWaiting(jobId);
    deps.emit({ type: 'job', job: toSummary(next) });
    await deps.folders
      .writeRecord(next)
      .catch((writeError: unknown) =>
        deps.log.error('record_write_failed', { jobId, error: String(writeError) }),
      );
  }
}
