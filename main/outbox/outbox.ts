// The durable outbox: every capture is sealed to disk before the renderer hears "saved", then sent, retried
// and confirmed here, with exactly one Smile ID job_id per capture for its whole life (docs/architecture.md "Job states"). This file
// wires the parts together and holds the public API; each part has its own file (attempt, retention, health,
// queues, records, index).
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { ACTIVE_STATES, type JobState } from '../../app/job-states';
import { KioskError } from '../../app/errors';
import type { HealthStatus, JobSummary, KioskEvent } from '../../app/queue';
import { DEFAULT_SETTINGS, type Settings } from '../../app/settings';
import { pollScheduleFor, type PollSchedule } from '../smileid/job-status-poller';
import { capturePartnerParams, NO_NAMED_OPERATOR } from '../smileid/partner-params';
import { silentLogger, type Logger } from '../log';
import { AttemptRunner } from './attempt';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { CircuitBreaker } from './circuit-breaker';
import { ClockSkew } from './clock-skew';
import type { ConnectionObserver, SmileIdConnection } from './connection';
import { Connectivity } from './connectivity';
import { repeatedJob } from './enrollment-replay';
import { freeDiskBytes } from './free-disk';
import { countJobs, healthStatus } from './health';
import { purgeExpiredImages, retryRefusal } from './image-expiry';
import { JobFolders, type Capture } from './job-folder';
import type { OpenKeyValueFileAt } from '../storage/key-value-file';
import { indexFileSpecs } from './index-files';
import { JobIndex, type IndexOpenReport } from './job-index';
import { JobQueues } from './job-queues';
import { newJobRecord, smileIdJobIdOf, toSummary, type JobRecord } from './job-record';
import { JobRecordStore } from './job-record-store';
import { checkOfflineBudget, type BudgetProblem } from './offline-budget';
import { recordForReEnrollment, reEnrollmentRefusal } from './re-enrollment';
import { reconcileIndexWithFolders, type RecoveryReport } from './recovery';
import { sweepExpiredImages, sweepLeftoverImages, sweepRetention } from './retention';
import { Scheduler } from './scheduler';
import { transition } from './state-machine';

export type { ConnectionObserver, SmileIdConnection } from './connection';

export interface OutboxOptions {
  readonly dataDir: string;
  /** The per-install AES-256 key (from the vault) that seals job folders, and the index (a key derived from it). */
  readonly dataKey: Uint8Array;
  /** Opens the index's files in dataDir (index-files.ts): conf in plain Node, electron-store in the shell. */
  readonly openIndexFile: OpenKeyValueFileAt;
  readonly connect: (observer: ConnectionObserver) => Promise<SmileIdConnection | null>;
  readonly settings: () => Settings;
  readonly concurrency?: number;
  readonly backoff?: BackoffPolicy;
  readonly pollSchedule?: PollSchedule;
  readonly provisionalPollMs?: number;
  readonly circuitProbeMs?: number;
  readonly connectivityProbeMs?: number;
  readonly indexFlushMs?: number;
  readonly retentionSweepMs?: number;
  readonly now?: () => number;
  readonly random?: () => number;
  readonly log?: Logger;
}

export interface CaptureInput extends Capture {
  /**
   * The job ID: the renderer's enrollment reference (app/enrollment-reference.ts), so a repeated submission is
   * the same job. Left out (tools, tests that enqueue directly), the outbox makes one.
   */
  readonly jobId?: string;
  readonly userId: string;
  readonly consentAt: number;
  /**
   * The signed-in operator who captured it (the job records it; partner_params carry it as operator_id). Left
   * out (tools, tests that enqueue directly), it is NO_NAMED_OPERATOR ('').
   */
  readonly operatorId?: string;
}

export type OpenReport = IndexOpenReport & RecoveryReport;

/** Sent, answered elsewhere or not yet: under review at Smile ID, or left to the bank's callback. */
const UNANSWERED_STATES: readonly JobState[] = ['provisional', 'submitted'];

/**
 * The job_status deadline after an upload: the setting, or — for a timeout of 0 without a callback URL, which
 * the settings store never saves — the default, so a result is never left with nobody (app/result-delivery.ts).
 */
function pollingDeadlineMs(settings: Settings): number {
  const seconds = settings.jobStatusPollingTimeoutSeconds || DEFAULT_SETTINGS.jobStatusPollingTimeoutSeconds;
  return seconds * 1000;
}

export class Outbox {
  private readonly scheduler: Scheduler;
  private readonly circuit: CircuitBreaker;
  private readonly connectivity: Connectivity;
  private readonly clockSkew: ClockSkew;
  private readonly queues: JobQueues;
  private readonly records: JobRecordStore;
  private readonly attempts: AttemptRunner;
  private readonly listeners = new Set<(event: KioskEvent) => void>();
  /** Jobs whose expired photos are being deleted: no attempt, retry or discard starts on them meanwhile. */
  private readonly purging = new Map<string, Promise<void>>();
  /** Jobs being sealed right now, by job ID: a repeat of the same submission waits for the first. */
  private readonly creating = new Map<string, Promise<JobSummary>>();
  /** A health event is already on its way (job changes come in bursts; one event carries them all). */
  private healthDue = false;
  private connection: SmileIdConnection | null = null;
  private lastSuccessfulSendAt: number | null = null;
  private retentionTimer: NodeJS.Timeout | null = null;
  private readonly abort = new AbortController();
  private readonly now: () => number;
  private readonly log: Logger;

  private constructor(
    private readonly options: OutboxOptions,
    private readonly index: JobIndex,
    private readonly folders: JobFolders,
    readonly openReport: OpenReport,
  ) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? silentLogger;
    this.clockSkew = new ClockSkew(options.settings().clockSkewToleranceSeconds * 1000);
    this.circuit = new CircuitBreaker(options.circuitProbeMs ?? 5 * 60_000);
    this.connectivity = new Connectivity(
      async () => (this.connection ? this.connection.probe() : false),
      options.connectivityProbeMs ?? 15_000,
      (online) => {
        this.log.info(online ? 'smileid_reachable' : 'smileid_unreachable');
        this.emitHealth();
        if (online) this.scheduler.wake();
      },
    );
    this.queues = new JobQueues(index);
    this.records = new JobRecordStore(index, folders, this.queues, (event) => this.emit(event));
    this.attempts = new AttemptRunner({
      index,
      folders,
      records: this.records,
      queues: this.queues,
      circuit: this.circuit,
      connectivity: this.connectivity,
      clockSkew: this.clockSkew,
      policy: {
        backoff: options.backoff ?? DEFAULT_BACKOFF,
        provisionalPollMs: options.provisionalPollMs ?? 30 * 60_000,
        random: options.random ?? Math.random,
      },
      pollSchedule: () => options.pollSchedule ?? pollScheduleFor(pollingDeadlineMs(options.settings())),
      pollingTimeoutSeconds: () => options.settings().jobStatusPollingTimeoutSeconds,
      maxImageAgeDays: () => options.settings().maxImageAgeDays,
      signal: this.abort.signal,
      now: this.now,
      log: this.log,
      connection: () => this.connection,
      onSent: (at) => {
        this.lastSuccessfulSendAt = at;
      },
      emit: (event) => this.emit(event),
      emitHealth: () => this.emitHealth(),
    });
    this.scheduler = new Scheduler(
      {
        dueJobs: (now, running, report) =>
          this.queues.dueJobs(
            now,
            this.purging.size === 0 ? running : new Set([...running, ...this.purging.keys()]),
            report,
          ),
        mayStart: (now) => this.connectivity.online && this.circuit.allowAttempt(now),
        gateReopensAt: () => this.circuit.nextProbeAt(),
        run: (jobId) => this.attempts.run(jobId),
      },
      options.concurrency ?? 2,
      this.now,
    );
  }

  /** Opens the index and reconciles it with the job folders (a crash between the two loses nothing). */
  static async open(options: OutboxOptions): Promise<Outbox> {
    const log = options.log ?? silentLogger;
    const now = (options.now ?? Date.now)();
    const folders = new JobFolders(path.join(options.dataDir, 'jobs'), options.dataKey);
    const { index, report } = await JobIndex.open({
      openFile: options.openIndexFile,
      specs: indexFileSpecs(options.dataDir, options.dataKey),
      dataKey: options.dataKey,
      flushDelayMs: options.indexFlushMs ?? 500,
      log,
    });
    const recovery = await reconcileIndexWithFolders(index, folders, now, log);
    index.flush();
    return new Outbox(options, index, folders, { ...report, ...recovery });
  }

  /** Builds the Smile ID connection from the current settings and starts sending. */
  async start(): Promise<void> {
    await this.reconfigure();
    this.scheduler.start();
    sweepLeftoverImages(this.index, (record) => this.records.deleteImagesOf(record), this.log);
    this.sweepRetention();
    this.retentionTimer = setInterval(
      () => this.sweepRetention(),
      this.options.retentionSweepMs ?? 3_600_000,
    );
    this.retentionTimer.unref();
  }

  /** Settings changed: new credentials or host. The operator may have fixed what opened the circuit. */
  async reconfigure(): Promise<void> {
    this.connection = await this.options.connect({
      onServerTime: (server, local) => this.clockSkew.observe(server, local),
    });
    this.clockSkew.setTolerance(this.options.settings().clockSkewToleranceSeconds * 1000);
    this.circuit.close();
    if (this.connection) this.connectivity.setProbe(this.connection.probe);
    this.emitHealth();
    this.scheduler.wake();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    if (this.retentionTimer) clearInterval(this.retentionTimer);
    this.connectivity.stop();
    await this.scheduler.stop();
    await Promise.allSettled([...this.purging.values()]);
    this.index.flush();
  }

  onEvent(listener: (event: KioskEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The OS reports a network change or a resume from sleep. */
  networkChanged(online?: boolean): void {
    if (online === false) this.connectivity.reportFailure();
    else this.connectivity.checkNow();
    this.scheduler.wake();
  }

  // ---- captures -------------------------------------------------------------------------------------

  /**
   * Seals a capture as a new job and answers its summary — or, when `capture.jobId` names a job already made
   * for the same user ID (a repeated submission), that job's summary, and nothing new is written. Throws
   * KioskError 'not_allowed' when the job ID belongs to another user ID's job.
   */
  async enqueue(capture: CaptureInput): Promise<JobSummary> {
    const jobId = capture.jobId ?? randomUUID();
    for (;;) {
      const earlier = await this.earlierSubmission(jobId, capture.userId);
      if (earlier) return earlier;
      // Looked at again after the await, and claimed below with nothing awaited in between: two submissions
      // of one job ID cannot both seal a job.
      if (!this.creating.has(jobId) && !this.index.get(jobId)) break;
    }
    const creation = this.create(jobId, capture);
    this.creating.set(jobId, creation);
    try {
      return await creation;
    } finally {
      this.creating.delete(jobId);
    }
  }

  /**
   * The job a submission under `jobId` repeats (waiting for one still being sealed), or null when there is none.
   * Throws KioskError 'not_allowed' when `jobId` is another user ID's job.
   */
  async earlierSubmission(jobId: string, userId: string): Promise<JobSummary | null> {
    for (;;) {
      const existing = this.index.get(jobId);
      // Never from an honest renderer (each reference is fresh): worth a line in the log, without the user IDs.
      if (existing && existing.userId !== userId) this.log.warn('job_reference_conflict', { jobId });
      const earlier = repeatedJob(existing, userId);
      if (earlier) {
        this.log.info('job_submission_repeated', { jobId });
        return toSummary(earlier);
      }
      const inFlight = this.creating.get(jobId);
      if (!inFlight) return null;
      // A failed first attempt (budget, disk) leaves no job: look again, and this submission may make it.
      await inFlight.catch(() => undefined);
    }
  }

  private async create(jobId: string, capture: CaptureInput): Promise<JobSummary> {
    const problem = await this.budgetProblem();
    if (problem) {
      throw new KioskError(
        problem.kind === 'disk_low' ? 'disk_full' : 'offline_budget_exceeded',
        problem.reason,
        'Ask a supervisor: the kiosk must send its waiting enrollments before taking new ones.',
      );
    }
    const now = this.now();
    const record = newJobRecord(jobId, capture.userId, now, capture.operatorId ?? null);
    const settings = this.options.settings();
    // Where and by whom it was captured, sealed with it: a later change of settings does not rewrite it.
    const extras = capturePartnerParams({
      kioskId: settings.kioskId,
      branch: settings.branch,
      operatorId: capture.operatorId ?? NO_NAMED_OPERATOR,
      location: settings.location,
    });
    // The folder first, then the index: a crash in between leaves an orphan folder that start-up re-indexes.
    await this.folders.create(record, capture, capture.consentAt, extras);
    this.index.put(record);
    this.queues.addNewest(record.jobId);
    this.log.info('job_enqueued', { jobId: record.jobId });
    this.emit({ type: 'job', job: toSummary(record) });
    this.scheduler.wake();
    return toSummary(record);
  }

  async budgetProblem(): Promise<BudgetProblem | null> {
    return checkOfflineBudget(
      {
        oldestWaitingCreatedAt: this.queues.oldestWaiting()?.createdAt ?? null,
        waitingJobs: this.queues.waitingCount,
        freeDiskBytes: await freeDiskBytes(this.options.dataDir, this.log),
      },
      this.options.settings().offlineBudget,
      this.now(),
    );
  }

  // ---- queue views and operator actions --------------------------------------------------------------

  snapshot(): JobSummary[] {
    return [...this.index.all()].sort((a, b) => b.createdAt - a.createdAt).map(toSummary);
  }

  get(jobId: string): JobSummary | undefined {
    const record = this.index.get(jobId);
    return record && toSummary(record);
  }

  /**
   * 'queued' if this user ID waits on the kiosk, 'enrolled' if Smile ID approved it here; else null. `exceptJobId`
   * leaves one job out: a repeated submission is not a duplicate of itself.
   */
  duplicateOf(userId: string, exceptJobId?: string): 'queued' | 'enrolled' | null {
    let found: 'queued' | 'enrolled' | null = null;
    for (const record of this.index.all()) {
      if (record.userId !== userId || record.jobId === exceptJobId) continue;
      if (record.state === 'approved') return 'enrolled';
      // Sent but not answered here (under review, or its result gone to the bank's callback): still "queued".
      if (ACTIVE_STATES.includes(record.state) || UNANSWERED_STATES.includes(record.state)) found = 'queued';
    }
    return found;
  }

  /** Sends a job again now: a needs_attention job after the operator fixed the cause, or a waiting one. */
  async retry(jobId: string): Promise<JobSummary> {
    const record = this.requireRecord(jobId);
    if (this.scheduler.isRunning(jobId)) return toSummary(record);
    if (this.purging.has(jobId)) {
      throw new KioskError(
        'not_allowed',
        "This enrollment's photos are being deleted right now (they reached their maximum age).",
        'Look at the entry again in a moment.',
      );
    }
    if (record.state !== 'needs_attention' && record.state !== 'queued') {
      throw new KioskError(
        'not_allowed',
        `This enrollment is ${record.state.replace('_', ' ')}; it cannot be retried.`,
      );
    }
    // Never a retry that would send photos that are gone (or due to go): say why instead.
    const refusal = retryRefusal(record, this.now(), this.options.settings().maxImageAgeDays);
    if (refusal) throw new KioskError('not_allowed', refusal.reason, refusal.action);
    const next = await this.records.save(
      transition(record, 'queued', this.now(), { nextAttemptAt: this.now() }),
    );
    this.scheduler.wake();
    return toSummary(next);
  }

  /**
   * A supervisor approved enrolling this user ID again (Smile ID answered 2209): the same capture goes back in
   * the queue as a new Smile ID job with allow_new_enroll (re-enrollment.ts). Nothing else ever does this.
   */
  async approveReEnrollment(jobId: string): Promise<JobSummary> {
    const record = this.requireRecord(jobId);
    if (this.scheduler.isRunning(jobId) || this.purging.has(jobId)) {
      throw new KioskError(
        'not_allowed',
        'This enrollment is being worked on right now.',
        'Try again in a moment.',
      );
    }
    const refusal = reEnrollmentRefusal(record, this.now(), this.options.settings().maxImageAgeDays);
    if (refusal) throw new KioskError('not_allowed', refusal.reason, refusal.action);
    const next = await this.records.save(recordForReEnrollment(record, this.now(), randomUUID()));
    this.log.info('job_re_enrollment_approved', { jobId, smileIdJobId: smileIdJobIdOf(next) });
    this.scheduler.wake();
    return toSummary(next);
  }

  /** Removes a job and its files for good (operator, behind the PIN). */
  async discard(jobId: string): Promise<void> {
    this.requireRecord(jobId);
    if (this.scheduler.isRunning(jobId) || this.purging.has(jobId)) {
      throw new KioskError(
        'not_allowed',
        'This enrollment is being sent right now.',
        'Try again in a moment.',
      );
    }
    await this.folders.remove(jobId);
    this.index.delete(jobId);
    this.queues.remove(jobId);
    this.log.info('job_discarded', { jobId });
    this.emit({ type: 'job_removed', jobId });
  }

  /** Ignores backoff: every waiting job is due now (the operator pressed "send now"). */
  sendNow(): boolean {
    const now = this.now();
    for (const jobId of this.queues.waitingIds()) {
      const record = this.index.get(jobId);
      if (record && record.nextAttemptAt !== null && record.nextAttemptAt > now) {
        this.index.put({ ...record, nextAttemptAt: now });
      }
    }
    this.circuit.expediteProbe();
    this.connectivity.checkNow();
    this.scheduler.wake();
    return this.connection !== null;
  }

  async health(): Promise<HealthStatus> {
    // The one await first, everything else read after it: of two health reports under way at once, the one that
    // finishes last carries the newest counts, so the last event the renderer gets is never a stale one.
    const freeDisk = await freeDiskBytes(this.options.dataDir, this.log);
    const queue = countJobs(this.index.all(), this.now());
    return healthStatus(queue, {
      online: this.connectivity.online,
      circuit: this.circuit.status(),
      clockSkewMs: this.clockSkew.skewMs,
      clockSkewExceeded: this.clockSkew.exceeded,
      freeDiskBytes: freeDisk,
      lastSuccessfulSendAt: this.lastSuccessfulSendAt,
      training: this.connection?.training ?? this.options.settings().environment === 'training',
    });
  }

  /** Writes the index file now (tests and shutdown). */
  flushIndex(): void {
    this.index.flush();
  }

  // ---- internals -------------------------------------------------------------------------------------

  private requireRecord(jobId: string): JobRecord {
    const record = this.index.get(jobId);
    if (!record) throw new KioskError('not_found', 'No such enrollment on this kiosk.');
    return record;
  }

  private sweepRetention(): void {
    sweepRetention({
      index: this.index,
      folders: this.folders,
      now: this.now(),
      retentionDays: this.options.settings().retentionDays,
      log: this.log,
      isBusy: (jobId) => this.scheduler.isRunning(jobId),
      onRemoved: (jobId) => this.emit({ type: 'job_removed', jobId }),
    });
    sweepExpiredImages({
      index: this.index,
      now: this.now(),
      maxImageAgeDays: this.options.settings().maxImageAgeDays,
      isBusy: (jobId) => this.scheduler.isRunning(jobId) || this.purging.has(jobId),
      purge: (record) => this.purgeImages(record),
    });
  }

  /** Holds the job (purging) from now until its photos are gone and its record says so. */
  private purgeImages(record: JobRecord): void {
    const { jobId } = record;
    const done = purgeExpiredImages(this.records, record, this.options.settings().maxImageAgeDays, this.now())
      .then(
        (purged) => this.log.info('job_images_expired', { jobId, state: purged.state }),
        // The job keeps imagesDeleted: false, so the next sweep tries again.
        (error: unknown) => this.log.error('image_expiry_failed', { jobId, error: String(error) }),
      )
      .finally(() => {
        this.purging.delete(jobId);
        this.scheduler.wake();
      });
    this.purging.set(jobId, done);
  }

  private emit(event: KioskEvent): void {
    for (const listener of this.listeners) listener(event);
    // The queue line's counts come from health events, so every change of a job sends one — also offline, when
    // no attempt runs to send it (the cause of "1 waiting" while 3 were queued).
    if (event.type === 'job' || event.type === 'job_removed') this.emitHealthSoon();
  }

  /** One health event after a burst of job changes (an attempt saves its record several times in a row). */
  private emitHealthSoon(): void {
    if (this.healthDue || this.listeners.size === 0) return;
    this.healthDue = true;
    setImmediate(() => {
      this.healthDue = false;
      if (!this.abort.signal.aborted) this.emitHealth();
    });
  }

  private emitHealth(): void {
    if (this.listeners.size === 0) return;
    void this.health().then((health) => this.emit({ type: 'health', health }));
  }
}
