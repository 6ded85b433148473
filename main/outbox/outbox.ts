// The durable outbox: every capture is sealed to disk before the renderer hears "saved", then sent, retried
// and confirmed here, with exactly one Smile ID job_id per capture for its whole life (design.md).
import { randomUUID } from 'node:crypto';
import { statfs } from 'node:fs/promises';
import path from 'node:path';
import { ACTIVE_STATES, FINAL_STATES, JOB_STATES, type JobState } from '../../app/job-states';
import { KioskError } from '../../app/errors';
import type { HealthStatus, JobSummary, KioskEvent } from '../../app/queue';
import type { Settings } from '../../app/settings';
import type { SmileIdClient } from '../smileid/client';
import { submitEnrollment } from '../smileid/enrollment';
import { SmileIdError } from '../smileid/errors';
import { DEFAULT_POLL_SCHEDULE, type PollSchedule } from '../smileid/job-status-poller';
import { interpretJobStatus } from '../smileid/result';
import { silentLogger, type Logger } from '../log';
import {
  internalJobError,
  recordAfterError,
  recordAfterResult,
  type AttemptPolicy,
  type QueueEffect,
} from './attempt-outcome';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { CircuitBreaker } from './circuit-breaker';
import { ClockSkew } from './clock-skew';
import { Connectivity, type Probe } from './connectivity';
import { JobFolders, type Capture } from './job-folder';
import { INDEX_FILE_NAME, JobIndex, type IndexOpenReport, type OpenKeyValueFile } from './job-index';
import { newJobRecord, toSummary, type JobRecord } from './job-record';
import { checkOfflineBudget, type BudgetProblem } from './offline-budget';
import { reconcileIndexWithFolders, type RecoveryReport } from './recovery';
import { Scheduler } from './scheduler';
import { transition } from './state-machine';

/** How the outbox reaches Smile ID, built from settings by the composition root; null when not configured. */
export interface SmileIdConnection {
  readonly client: SmileIdClient;
  readonly probe: Probe;
  readonly callbackUrl?: string;
  readonly training: boolean;
}

export interface ConnectionObserver {
  readonly onServerTime: (serverTime: Date, localTime: Date) => void;
}

export interface OutboxOptions {
  readonly dataDir: string;
  /** The per-install AES-256 key (from the vault) that seals job folders. */
  readonly dataKey: Uint8Array;
  /** Opens `<dataDir>/outbox-index.json`: conf in plain Node, electron-store in the Electron shell. */
  readonly openIndexFile: OpenKeyValueFile;
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
  readonly userId: string;
  readonly consentAt: number;
}

export type OpenReport = IndexOpenReport & RecoveryReport;

const IN_FLIGHT: readonly JobState[] = ['preparing', 'uploading', 'awaiting_result'];
const DAY_MS = 86_400_000;

export class Outbox {
  private readonly scheduler: Scheduler;
  private readonly circuit: CircuitBreaker;
  private readonly connectivity: Connectivity;
  private readonly clockSkew: ClockSkew;
  private readonly listeners = new Set<(event: KioskEvent) => void>();
  /** Jobs waiting to be sent, in creation order (a Set keeps insertion order): the scheduler's queue. */
  private waiting = new Set<string>();
  private readonly provisional = new Set<string>();
  private connection: SmileIdConnection | null = null;
  private lastSuccessfulSendAt: number | null = null;
  private retentionTimer: NodeJS.Timeout | null = null;
  private readonly abort = new AbortController();
  private readonly now: () => number;
  private readonly log: Logger;
  private readonly policy: AttemptPolicy;

  private constructor(
    private readonly options: OutboxOptions,
    private readonly index: JobIndex,
    private readonly folders: JobFolders,
    readonly openReport: OpenReport,
  ) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? silentLogger;
    this.policy = {
      backoff: options.backoff ?? DEFAULT_BACKOFF,
      provisionalPollMs: options.provisionalPollMs ?? 30 * 60_000,
      random: options.random ?? Math.random,
    };
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
    this.scheduler = new Scheduler(
      {
        dueJobs: (now, running, report) => this.dueJobs(now, running, report),
        mayStart: (now) => this.connectivity.online && this.circuit.allowAttempt(now),
        gateReopensAt: () => this.circuit.nextProbeAt(),
        run: (jobId) => this.runJob(jobId),
      },
      options.concurrency ?? 2,
      this.now,
    );
    this.rebuildQueues();
  }

  /** Opens the index and reconciles it with the job folders (a crash between the two loses nothing). */
  static async open(options: OutboxOptions): Promise<Outbox> {
    const log = options.log ?? silentLogger;
    const now = (options.now ?? Date.now)();
    const folders = new JobFolders(path.join(options.dataDir, 'jobs'), options.dataKey);
    const { index, report } = await JobIndex.open(
      options.openIndexFile,
      path.join(options.dataDir, `${INDEX_FILE_NAME}.json`),
      options.indexFlushMs ?? 500,
    );
    if (report.setAsidePath) log.warn('index_unreadable_set_aside', { path: report.setAsidePath });
    const recovery = await reconcileIndexWithFolders(index, folders, now, log);
    index.flush();
    return new Outbox(options, index, folders, { ...report, ...recovery });
  }

  /** Builds the Smile ID connection from the current settings and starts sending. */
  async start(): Promise<void> {
    await this.reconfigure();
    this.scheduler.start();
    this.sweepLeftoverImages();
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

  async enqueue(capture: CaptureInput): Promise<JobSummary> {
    const problem = await this.budgetProblem();
    if (problem) {
      throw new KioskError(
        problem.kind === 'disk_low' ? 'disk_full' : 'offline_budget_exceeded',
        problem.reason,
        'Ask a supervisor: the kiosk must send its waiting enrollments before taking new ones.',
      );
    }
    const now = this.now();
    const record = newJobRecord(randomUUID(), capture.userId, now);
    const settings = this.options.settings();
    const extras = { kiosk_id: settings.kioskId, branch: settings.branch };
    // The folder first, then the index: a crash in between leaves an orphan folder that start-up re-indexes.
    await this.folders.create(record, capture, capture.consentAt, extras);
    this.index.put(record);
    this.waiting.add(record.jobId);
    this.log.info('job_enqueued', { jobId: record.jobId });
    this.emit({ type: 'job', job: toSummary(record) });
    this.scheduler.wake();
    return toSummary(record);
  }

  async budgetProblem(): Promise<BudgetProblem | null> {
    const oldest = this.waiting.values().next();
    const oldestRecord = oldest.done ? undefined : this.index.get(oldest.value);
    return checkOfflineBudget(
      {
        oldestWaitingCreatedAt: oldestRecord?.createdAt ?? null,
        waitingJobs: this.waiting.size,
        freeDiskBytes: await this.freeDiskBytes(),
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

  /** 'queued' if this user ID waits on the kiosk, 'enrolled' if Smile ID approved it here; else null. */
  duplicateOf(userId: string): 'queued' | 'enrolled' | null {
    let found: 'queued' | 'enrolled' | null = null;
    for (const record of this.index.all()) {
      if (record.userId !== userId) continue;
      if (record.state === 'approved') return 'enrolled';
      if (ACTIVE_STATES.includes(record.state) || record.state === 'provisional') found = 'queued';
    }
    return found;
  }

  /** Sends a job again now: a needs_attention job after the operator fixed the cause, or a waiting one. */
  async retry(jobId: string): Promise<JobSummary> {
    const record = this.requireRecord(jobId);
    if (this.scheduler.isRunning(jobId)) return toSummary(record);
    if (record.state !== 'needs_attention' && record.state !== 'queued') {
      throw new KioskError(
        'not_allowed',
        `This enrollment is ${record.state.replace('_', ' ')}; it cannot be retried.`,
      );
    }
    const next = await this.save(transition(record, 'queued', this.now(), { nextAttemptAt: this.now() }));
    this.scheduler.wake();
    return toSummary(next);
  }

  /** Removes a job and its files for good (operator, behind the PIN). */
  async discard(jobId: string): Promise<void> {
    this.requireRecord(jobId);
    if (this.scheduler.isRunning(jobId)) {
      throw new KioskError(
        'not_allowed',
        'This enrollment is being sent right now.',
        'Try again in a moment.',
      );
    }
    await this.folders.remove(jobId);
    this.index.delete(jobId);
    this.waiting.delete(jobId);
    this.provisional.delete(jobId);
    this.log.info('job_discarded', { jobId });
    this.emit({ type: 'job_removed', jobId });
  }

  /** Ignores backoff: every waiting job is due now (the operator pressed "send now"). */
  sendNow(): boolean {
    const now = this.now();
    for (const jobId of this.waiting) {
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
    const counts = Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as Record<JobState, number>;
    const startOfDay = new Date(this.now()).setHours(0, 0, 0, 0);
    let sentToday = 0;
    for (const record of this.index.all()) {
      counts[record.state]++;
      if (record.completedAt !== null && record.completedAt >= startOfDay) sentToday++;
    }
    return {
      online: this.connectivity.online,
      circuit: this.circuit.status(),
      clockSkewMs: this.clockSkew.skewMs,
      clockSkewExceeded: this.clockSkew.exceeded,
      freeDiskBytes: await this.freeDiskBytes(),
      counts,
      sentToday,
      lastSuccessfulSendAt: this.lastSuccessfulSendAt,
      training: this.connection?.training ?? this.options.settings().environment === 'training',
    };
  }

  /** Writes the index file now (tests and shutdown). */
  flushIndex(): void {
    this.index.flush();
  }

  // ---- sending ---------------------------------------------------------------------------------------

  private *dueJobs(
    now: number,
    running: ReadonlySet<string>,
    report: (dueAt: number) => void,
  ): Iterable<string> {
    for (const queue of [this.waiting, this.provisional]) {
      for (const jobId of queue) {
        if (running.has(jobId)) continue;
        const dueAt = this.index.get(jobId)?.nextAttemptAt;
        if (dueAt === null || dueAt === undefined) continue;
        if (dueAt <= now) yield jobId;
        else report(dueAt);
      }
    }
  }

  private async runJob(jobId: string): Promise<void> {
    const connection = this.connection;
    let record = this.index.get(jobId);
    if (!record) return;
    if (!connection) {
      this.circuit.open(
        {
          reason: 'Smile ID is not configured on this kiosk.',
          action: 'A supervisor must enter the partner ID and API key.',
        },
        this.now(),
      );
      this.emitHealth();
      return;
    }
    try {
      record = await this.reconcile(record);
      if (FINAL_STATES.includes(record.state)) {
        if (!record.imagesDeleted) await this.deleteImagesOf(record);
        return;
      }
      if (record.state === 'provisional') {
        await this.pollProvisional(record, connection);
        return;
      }
      if (!ACTIVE_STATES.includes(record.state)) return;
      if (IN_FLIGHT.includes(record.state)) {
        // An attempt was cut short (crash, shutdown): resume it with the progress it recorded.
        record = await this.save(transition(record, 'queued', this.now()));
      }
      await this.attempt(record, connection);
    } catch (error) {
      // Shutting down mid-attempt: the record keeps its in-flight state and resumes at the next start.
      if (this.abort.signal.aborted) return;
      await this.failInternally(jobId, error);
    }
  }

  private async attempt(initial: JobRecord, connection: SmileIdConnection): Promise<void> {
    let record = initial;
    const capture = await this.folders.readCapture(record.jobId);
    try {
      const result = await submitEnrollment(
        connection.client,
        {
          jobId: record.jobId,
          userId: record.userId,
          extraPartnerParams: capture.manifest.extraPartnerParams,
          callbackUrl: connection.callbackUrl,
          images: capture,
        },
        record.progress,
        {
          poll: this.options.pollSchedule ?? DEFAULT_POLL_SCHEDULE,
          signal: this.abort.signal,
          hooks: {
            onStage: async (stage, progress) => {
              record = await this.save(transition(record, stage, this.now(), { progress }));
            },
            onPrepared: async (response) => {
              record = await this.save({ ...record, smileJobId: response.smile_job_id });
            },
          },
        },
      );
      const after = recordAfterResult(record, result, this.now(), this.policy);
      await this.finish(after.record, after.effect);
    } catch (error) {
      if (!(error instanceof SmileIdError)) throw error;
      const after = recordAfterError(record, error, this.now(), this.policy);
      this.log.warn('attempt_failed', {
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
    try {
      const status = await connection.client.jobStatus({ userId: record.userId, jobId: record.jobId });
      const result = interpretJobStatus(status);
      const after = recordAfterResult(record, result, this.now(), this.policy);
      await this.finish(after.record, after.effect);
    } catch (error) {
      if (!(error instanceof SmileIdError)) throw error;
      const after = recordAfterError(record, error, this.now(), this.policy);
      await this.finish(after.record, this.withClockReason(error, after.effect), error);
    }
  }

  /** Saves the attempt's outcome and applies its effect on the whole queue. */
  private async finish(record: JobRecord, effect: QueueEffect, error?: SmileIdError): Promise<void> {
    // The outcome is made durable before any image goes: a crash in between must not leave a job that still
    // needs sending without its images.
    const saved = await this.save(record);
    this.log.info('job_state', { jobId: saved.jobId, state: saved.state, attempts: saved.attempts });
    this.applyQueueEffect(effect, error);
    if (FINAL_STATES.includes(saved.state) && !saved.imagesDeleted) await this.deleteImagesOf(saved);
  }

  /** What an attempt's outcome means for the whole queue: reachability, the circuit, the last send. */
  private applyQueueEffect(effect: QueueEffect, error?: SmileIdError): void {
    if (effect.kind === 'sent' || error?.kind === 'api_error') {
      this.connectivity.reportSuccess();
      if (effect.kind === 'sent') this.lastSuccessfulSendAt = this.now();
      if (this.circuit.isOpen && effect.kind === 'sent') {
        this.circuit.close();
        this.log.info('circuit_closed');
      }
      this.emitHealth();
    }
    if (effect.kind === 'offline') this.connectivity.reportFailure();
    if (effect.kind === 'open_circuit') {
      this.circuit.open({ reason: effect.reason, action: effect.action }, this.now());
      this.log.warn('circuit_open', { reason: effect.reason });
      this.emitHealth();
    }
  }

  private withClockReason(error: SmileIdError, effect: QueueEffect): QueueEffect {
    if (effect.kind !== 'open_circuit' || !this.clockSkew.exceeded) return effect;
    if (error.code !== '2205' && error.code !== '2405' && error.kind !== 'tls') return effect;
    return {
      kind: 'open_circuit',
      reason: `${this.clockSkew.describe()} Smile ID refuses requests signed with a wrong time.`,
      action: "A supervisor must set the kiosk's date, time and time zone (or enable network time).",
    };
  }

  private async failInternally(jobId: string, error: unknown): Promise<void> {
    this.log.error('attempt_internal_error', { jobId, error: String(error) });
    const record = this.index.get(jobId);
    if (!record || !ACTIVE_STATES.includes(record.state)) return;
    const next = transition(record, 'needs_attention', this.now(), {
      nextAttemptAt: null,
      lastError: internalJobError(
        "The kiosk could not read this enrollment's saved files (damaged or changed).",
        'Capture the customer again, then discard this entry.',
      ),
    });
    this.index.put(next);
    this.waiting.delete(jobId);
    this.emit({ type: 'job', job: toSummary(next) });
    await this.folders
      .writeRecord(next)
      .catch((writeError: unknown) =>
        this.log.error('record_write_failed', { jobId, error: String(writeError) }),
      );
  }

  // ---- records ---------------------------------------------------------------------------------------

  /** The folder's record.bin is the truth; the index may lag by a flush after a crash. */
  private async reconcile(record: JobRecord): Promise<JobRecord> {
    const stored = await this.folders.readRecord(record.jobId);
    if (
      stored.updatedAt > record.updatedAt ||
      (stored.updatedAt === record.updatedAt && stored.state !== record.state)
    ) {
      this.index.put(stored);
      this.placeInQueues(stored);
      return stored;
    }
    return record;
  }

  /** Final: the selfie has done its job and must not stay on the kiosk. */
  private async deleteImagesOf(record: JobRecord): Promise<JobRecord> {
    await this.folders.deleteImages(record.jobId);
    return this.save({ ...record, imagesDeleted: true });
  }

  /** A crash between a final result and its image deletion left images behind: delete them now. */
  private sweepLeftoverImages(): void {
    for (const record of [...this.index.all()]) {
      if (!FINAL_STATES.includes(record.state) || record.imagesDeleted) continue;
      void this.deleteImagesOf(record).catch((error: unknown) =>
        this.log.error('image_delete_failed', { jobId: record.jobId, error: String(error) }),
      );
    }
  }

  private async save(record: JobRecord): Promise<JobRecord> {
    await this.folders.writeRecord(record);
    this.index.put(record);
    this.placeInQueues(record);
    this.emit({ type: 'job', job: toSummary(record) });
    return record;
  }

  private placeInQueues(record: JobRecord): void {
    if (ACTIVE_STATES.includes(record.state)) {
      if (!this.waiting.has(record.jobId)) this.insertWaiting(record);
    } else {
      this.waiting.delete(record.jobId);
    }
    if (record.state === 'provisional') this.provisional.add(record.jobId);
    else this.provisional.delete(record.jobId);
  }

  /** Keeps `waiting` in creation order when an old job comes back (operator retry). */
  private insertWaiting(record: JobRecord): void {
    const last = [...this.waiting].at(-1);
    const lastCreated = last ? (this.index.get(last)?.createdAt ?? 0) : 0;
    if (record.createdAt >= lastCreated) {
      this.waiting.add(record.jobId);
      return;
    }
    this.waiting.add(record.jobId);
    this.rebuildQueues();
  }

  private rebuildQueues(): void {
    const records = [...this.index.all()].sort((a, b) => a.createdAt - b.createdAt);
    this.waiting = new Set(records.filter((r) => ACTIVE_STATES.includes(r.state)).map((r) => r.jobId));
    this.provisional.clear();
    for (const r of records) if (r.state === 'provisional') this.provisional.add(r.jobId);
  }

  private requireRecord(jobId: string): JobRecord {
    const record = this.index.get(jobId);
    if (!record) throw new KioskError('not_found', 'No such enrollment on this kiosk.');
    return record;
  }

  private sweepRetention(): void {
    const cutoff = this.now() - this.options.settings().retentionDays * DAY_MS;
    for (const record of [...this.index.all()]) {
      if (record.completedAt === null || record.completedAt >= cutoff) continue;
      if (record.state !== 'approved' && record.state !== 'rejected') continue;
      void this.folders.remove(record.jobId).then(
        () => {
          this.index.delete(record.jobId);
          this.emit({ type: 'job_removed', jobId: record.jobId });
        },
        (error: unknown) =>
          this.log.error('retention_remove_failed', { jobId: record.jobId, error: String(error) }),
      );
    }
  }

  private async freeDiskBytes(): Promise<number | null> {
    try {
      const stats = await statfs(this.options.dataDir);
      return stats.bavail * stats.bsize;
    } catch (error) {
      this.log.warn('statfs_failed', { error: String(error) });
      return null;
    }
  }

  private emit(event: KioskEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private emitHealth(): void {
    if (this.listeners.size === 0) return;
    void this.health().then((health) => this.emit({ type: 'health', health }));
  }
}
