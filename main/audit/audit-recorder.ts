// The one place that turns what happens on the kiosk into audit entries (docs/audit-trail.md "What is
// recorded"). It listens rather than being called from everywhere:
//   - each handler call runs through around(): the call's actor is known for everything it sets off, its own
//     entry comes from CALL_ENTRIES, and the call answers only once its entries are on disk;
//   - settings changes come from the settings store's change listener, API-key changes from the vault the
//     handlers use (auditedVault), never with the key itself;
//   - the outbox's events give each job's sending, result, failure, expiry and removal, the circuit and the
//     clock; its open report gives index recovery.
// An entry that cannot be written is logged and does not fail the call: the enrollment is already sealed, and
// telling the operator it failed would only make them capture the customer twice.
import { CHANNEL_ACCESS } from '../../app/ipc/channel-access';
import type { MethodName, ResponseOf, ValidRequestOf } from '../../app/ipc/channels';
import type {
  AuditActor,
  AuditDetails,
  AuditEntry,
  AuditExportFormat,
  AuditFilter,
} from '../../app/audit/entry';
import { SYSTEM_ACTOR } from '../../app/audit/entry';
import type { HealthStatus, JobSummary, KioskEvent } from '../../app/queue';
import type { Settings } from '../../app/settings';
import { normaliseUserId } from '../../app/user-id';
import type { Logger } from '../log';
import type { SecretVault } from '../secure/secret-vault';
import { actorOfCall, actorOfRefusedSignIn, actorOfSession, type SessionLike } from './actors';
import type { AuditDraft, AuditLog } from './audit-log';
import { exportEntries, listEntries, scan, type AuditExport, type AuditPage, type Scan } from './audit-query';
import { AUDIT_RETENTION_SWEEP_MS, effectiveAuditRetentionDays } from './audit-retention';
import { currentActor, currentCall, runInCall } from './call-context';
import { errorKey, jobEntries, type KnownJob } from './job-entries';
import { settingsChanges } from './settings-changes';

/** What the recorder needs of the outbox (main/outbox/outbox.ts). */
export interface AuditedOutbox {
  onEvent(listener: (event: KioskEvent) => void): () => void;
  snapshot(): JobSummary[];
  readonly openReport: {
    readonly setAsidePath: string | null;
    readonly invalidRecords: number;
    readonly reindexedOrphans: number;
    readonly missingFolders: number;
    readonly unreadableFolders: number;
  };
}

/** What the recorder needs of the settings store (main/settings/settings-store.ts). */
export interface AuditedSettings {
  get(): Settings;
  onChange(listener: (settings: Settings, previous: Settings) => void): () => void;
}

export interface AuditRecorderDeps {
  readonly audit: AuditLog;
  readonly outbox: AuditedOutbox;
  readonly settings: AuditedSettings;
  readonly log: Logger;
  readonly now?: () => number;
  /** How first-start provisioning went this run, for the start entry (names only). */
  readonly provisioning?: { readonly source: string };
}

export interface AuditedCall {
  readonly method: MethodName;
  readonly request: unknown;
  readonly session: SessionLike | null;
}

/** What the handler table uses of the recorder. */
export interface AuditService {
  around<T>(call: AuditedCall, run: () => Promise<T>): Promise<T>;
  list(query: { filter: AuditFilter; beforeSeq?: number; limit: number }): Promise<AuditPage>;
  export(query: { filter: AuditFilter; format: AuditExportFormat }): Promise<AuditExport>;
}

/** What a call knew before it ran, for its entry. */
interface BeforeCall {
  /** The jobs this kiosk holds for the request's user ID (submitEnrollment), or the job's owner (discard). */
  readonly jobsOfUser: ReadonlySet<string>;
  readonly userIdOfJob: string | null;
}

type CallEntry<M extends MethodName> = (call: {
  readonly request: ValidRequestOf<M>;
  readonly value: ResponseOf<M>;
  readonly actor: AuditActor;
  readonly before: BeforeCall;
}) => AuditDraft | null;

/** verifyPin and signIn: a session opened, a wrong PIN, or PIN entry locked — under the operator typed. */
function pinEntry(typedOperatorId: string, value: ResponseOf<'verifyPin'>): AuditDraft {
  if (value.valid) {
    return {
      action: 'operator.signed_in',
      actor: actorOfSession({ ...value.grant, origin: 'pin' }),
      details: {
        via: 'pin',
        session: value.grant.kind,
        scope: value.grant.scope,
        pinChangeRequired: value.pinChangeRequired,
      },
    };
  }
  const actor = actorOfRefusedSignIn('pin', typedOperatorId);
  return value.lockedUntil === null
    ? { action: 'operator.sign_in_failed', actor, details: { triesLeft: value.triesLeft } }
    : { action: 'operator.sign_in_locked', actor, details: { lockedUntil: value.lockedUntil } };
}

const OPERATOR_CHANGE_FIELDS = ['enabled', 'role', 'displayName'] as const;

/** The one action an operator change is recorded as: what matters most to access first. */
function operatorChangeAction(request: ValidRequestOf<'updateOperator'>): AuditDraft['action'] {
  if (request.enabled === false) return 'operator.disabled';
  if (request.enabled === true) return 'operator.enabled';
  if (request.role !== undefined) return 'operator.role_changed';
  return 'operator.renamed';
}

/** The entry each operator call makes on success, as data; a call not listed makes none of its own. */
const CALL_ENTRIES: { readonly [M in MethodName]?: CallEntry<M> } = {
  submitEnrollment: ({ request, value, actor, before }) => {
    // The same submission sent again (double tap, lost answer) is the job that exists: nothing new happened.
    if (before.jobsOfUser.has(value.jobId)) return null;
    const earlierJobIds = [...before.jobsOfUser];
    return {
      action: earlierJobIds.length > 0 ? 'enrollment.re_enrolled' : 'enrollment.saved',
      actor,
      subject: { jobId: value.jobId, userId: normaliseUserId(request.userId) },
      details: { consentAt: request.consent.at, warnings: value.warnings, earlierJobIds },
    };
  },
  retryJob: ({ value, actor }) => ({
    action: 'job.retry_requested',
    actor,
    subject: { jobId: value.jobId, userId: value.userId },
    details: { state: value.state },
  }),
  approveReEnrollment: ({ value, actor }) => ({
    action: 'job.re_enrollment_approved',
    actor,
    subject: { jobId: value.jobId, userId: value.userId },
    details: { state: value.state },
  }),
  discardJob: ({ value, actor, before }) => ({
    action: 'job.discarded',
    actor,
    subject: { jobId: value.jobId, userId: before.userIdOfJob },
  }),
  sendNow: ({ actor }) => ({ action: 'queue.send_now_requested', actor }),
  verifyPin: ({ request, value }) => pinEntry(request.operatorId, value),
  signIn: ({ request, value }) => pinEntry(request.operatorId, value),
  recoverWithCode: ({ value }): AuditDraft =>
    value.valid
      ? {
          action: 'operator.signed_in',
          actor: actorOfSession({ ...value.grant, origin: 'recovery_code' }),
          details: { via: 'recovery_code', session: value.grant.kind, scope: value.grant.scope },
        }
      : {
          action: 'operator.recovery_code_refused',
          actor: actorOfRefusedSignIn('recovery_code', null),
          details: { lockedUntil: value.lockedUntil },
        },
  createOperator: ({ value, actor }) => ({
    action: 'operator.created',
    actor,
    details: { operatorId: value.operatorId, role: value.role },
  }),
  updateOperator: ({ request, value, actor }) => ({
    action: operatorChangeAction(request),
    actor,
    details: {
      operatorId: value.operatorId,
      role: value.role,
      enabled: value.enabled,
      changed: OPERATOR_CHANGE_FIELDS.filter((field) => request[field] !== undefined),
    },
  }),
  resetOperatorPin: ({ value, actor }) => ({
    action: 'operator.pin_reset',
    actor,
    details: { operatorId: value.operatorId },
  }),
  // Never the PIN nor the recovery code: only that they changed.
  setPin: ({ value, actor }) => ({
    action: 'operator.pin_changed',
    actor,
    details: { newRecoveryCode: value.recoveryCode !== null },
  }),
  issueRecoveryCode: ({ actor }) => ({ action: 'operator.recovery_code_issued', actor }),
  // Sign-outs (on demand, idle, longest shift, …) are recorded when main ends the session, with the session's
  // own operator and reason (sessionEnded below), not by the public endSession call.
  exitKiosk: ({ value, actor }) => (value.exited ? { action: 'kiosk.exited', actor } : null),
  // Who took the kiosk's configuration and error history away, and how much: never what it held.
  exportDiagnostics: ({ value, actor }) => ({
    action: 'kiosk.diagnostics_exported',
    actor,
    details: { fileName: value.fileName, bytes: Buffer.byteLength(value.content, 'utf8') },
  }),
  exportAudit: ({ request, value, actor }) => ({
    action: 'audit.exported',
    actor,
    details: {
      format: value.format,
      filter: { ...request.filter },
      entries: value.entries,
      lastHash: value.lastHash,
    },
  }),
};

export class AuditRecorder implements AuditService {
  private readonly jobs = new Map<string, KnownJob>();
  private readonly unsubscribe: (() => void)[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private circuitOpen = false;
  private clockSkewExceeded = false;
  private retentionTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly now: () => number;

  constructor(private readonly deps: AuditRecorderDeps) {
    this.now = deps.now ?? Date.now;
    for (const job of deps.outbox.snapshot()) this.jobs.set(job.jobId, knownJob(job));
    this.unsubscribe.push(
      deps.outbox.onEvent((event) => this.onOutboxEvent(event)),
      deps.settings.onChange((settings, previous) => this.onSettingsChange(settings, previous)),
    );
  }

  /** The start entries (and the index recovery, if there was one), then the first retention sweep. */
  async start(): Promise<void> {
    const { openReport } = this.deps.outbox;
    await this.record({
      action: 'system.kiosk_started',
      actor: SYSTEM_ACTOR,
      details: { provisioning: this.deps.provisioning?.source ?? 'none' },
    });
    const recovered =
      openReport.setAsidePath !== null ||
      openReport.invalidRecords +
        openReport.reindexedOrphans +
        openReport.missingFolders +
        openReport.unreadableFolders >
        0;
    if (recovered) {
      await this.record({
        action: 'system.index_recovered',
        actor: SYSTEM_ACTOR,
        details: {
          // The file name only: the full path names the data folder (and the user's home).
          setAsideFile: openReport.setAsidePath?.split(/[\\/]/).at(-1) ?? null,
          invalidRecords: openReport.invalidRecords,
          reindexedOrphans: openReport.reindexedOrphans,
          missingFolders: openReport.missingFolders,
          unreadableFolders: openReport.unreadableFolders,
        },
      });
    }
    await this.purge();
    this.retentionTimer = setInterval(() => void this.purge(), AUDIT_RETENTION_SWEEP_MS);
    this.retentionTimer.unref();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.retentionTimer) clearInterval(this.retentionTimer);
    for (const off of this.unsubscribe.splice(0)) off();
    await this.record({ action: 'system.kiosk_stopped', actor: SYSTEM_ACTOR });
    await Promise.all([...this.inFlight]);
    await this.deps.audit.close();
  }

  async around<T>(call: AuditedCall, run: () => Promise<T>): Promise<T> {
    const actor = actorOfCall(call.session, CHANNEL_ACCESS[call.method] !== 'public');
    const before = this.beforeCall(call);
    const context = { method: call.method, actor, pending: [] as Promise<void>[], running: true };
    const value = await runInCall(context, run);
    const entry = CALL_ENTRIES[call.method] as CallEntry<MethodName> | undefined;
    const draft = entry?.({ request: call.request as never, value: value as never, actor, before });
    if (draft) context.pending.push(this.record(draft));
    await Promise.all(context.pending);
    return value;
  }

  /**
   * An operator session ended (main/settings/operator-sessions.ts): a shift by sign-out, idle or at its longest,
   * or the operator screens closing. Recorded under the session's own operator, with why.
   */
  sessionEnded(session: SessionLike & { readonly kind: string }, why: string): void {
    void this.record({
      action: 'operator.signed_out',
      actor: actorOfSession(session),
      details: { session: session.kind, why },
    });
  }

  list(query: { filter: AuditFilter; beforeSeq?: number; limit: number }): Promise<AuditPage> {
    return listEntries(this.deps.audit, query);
  }

  export(query: { filter: AuditFilter; format: AuditExportFormat }): Promise<AuditExport> {
    return exportEntries(this.deps.audit, {
      ...query,
      kioskId: this.deps.settings.get().kioskId,
      now: this.now(),
    });
  }

  /**
   * Every stored entry in order, with the stored chain checked end to end: what a diagnostics export reads the
   * chain's state and the recent errors from (main/diagnostics/).
   */
  scanStored(visit: (entry: AuditEntry) => void): Promise<Scan> {
    return scan(this.deps.audit, visit);
  }

  /**
   * The vault as the handlers see it: storing or deleting the API key is recorded under the acting operator —
   * that it changed, never its value.
   */
  auditedVault<V extends Pick<SecretVault, 'get' | 'set' | 'delete'>>(vault: V): V {
    const record = (draft: AuditDraft) => this.record(draft);
    return {
      ...vault,
      get: (name) => vault.get(name),
      async set(name, value) {
        await vault.set(name, value);
        if (name === 'smileid.apiKey') {
          await record({
            action: 'settings.api_key_changed',
            actor: currentActor(),
            details: { change: 'apiKey changed' },
          });
        }
      },
      async delete(name) {
        await vault.delete(name);
        if (name === 'smileid.apiKey') {
          await record({
            action: 'settings.api_key_cleared',
            actor: currentActor(),
            // The handlers delete it only when the settings point somewhere else (main/settings/destination.ts).
            details: { change: 'apiKey cleared', because: currentCall()?.method ?? 'system' },
          });
        }
      },
    };
  }

  /** Appends one entry; never rejects. A call's entries are awaited before it answers. */
  record(draft: AuditDraft): Promise<void> {
    const done = this.deps.audit.append(draft).then(
      () => undefined,
      (error: unknown) =>
        this.deps.log.error('audit_append_failed', {
          action: draft.action,
          error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        }),
    );
    this.inFlight.add(done);
    void done.finally(() => this.inFlight.delete(done));
    currentCall()?.pending.push(done);
    return done;
  }

  private beforeCall(call: AuditedCall): BeforeCall {
    const request = call.request as { userId?: unknown; jobId?: unknown };
    const userId = typeof request.userId === 'string' ? normaliseUserId(request.userId) : null;
    const jobId = typeof request.jobId === 'string' ? request.jobId : null;
    const jobsOfUser = new Set<string>();
    if (call.method === 'submitEnrollment' && userId !== null) {
      for (const [id, job] of this.jobs) if (job.userId === userId) jobsOfUser.add(id);
    }
    return { jobsOfUser, userIdOfJob: jobId === null ? null : (this.jobs.get(jobId)?.userId ?? null) };
  }

  private onOutboxEvent(event: KioskEvent): void {
    switch (event.type) {
      case 'job': {
        const before = this.jobs.get(event.job.jobId);
        this.jobs.set(event.job.jobId, knownJob(event.job));
        for (const draft of jobEntries(before, event.job)) void this.record(draft);
        return;
      }
      case 'job_removed': {
        const before = this.jobs.get(event.jobId);
        this.jobs.delete(event.jobId);
        // An operator's discard is recorded by its call; anything else removing a job is retention.
        if (currentCall()?.method === 'discardJob') return;
        void this.record({
          action: 'job.retention_removed',
          actor: SYSTEM_ACTOR,
          subject: { jobId: event.jobId, userId: before?.userId ?? null },
        });
        return;
      }
      case 'health':
        this.onHealth(event.health);
        return;
      default:
        return;
    }
  }

  private onHealth(health: HealthStatus): void {
    if (health.circuit.open !== this.circuitOpen) {
      this.circuitOpen = health.circuit.open;
      void this.record(
        health.circuit.open
          ? {
              action: 'system.circuit_opened',
              actor: SYSTEM_ACTOR,
              details: {
                kind: health.circuit.kind,
                code: health.circuit.code,
                reason: health.circuit.reason,
              },
            }
          : { action: 'system.circuit_closed', actor: SYSTEM_ACTOR },
      );
    }
    if (health.clockSkewExceeded !== this.clockSkewExceeded) {
      this.clockSkewExceeded = health.clockSkewExceeded;
      const details: AuditDetails = {
        skewMs: health.clockSkewMs,
        toleranceSeconds: this.deps.settings.get().clockSkewToleranceSeconds,
      };
      void this.record({
        action: health.clockSkewExceeded ? 'system.clock_skew_exceeded' : 'system.clock_skew_resolved',
        actor: SYSTEM_ACTOR,
        details,
      });
    }
  }

  private onSettingsChange(settings: Settings, previous: Settings): void {
    const changes = settingsChanges(previous, settings);
    if (changes.length === 0) return;
    void this.record({
      action: 'settings.changed',
      actor: currentActor(),
      details: {
        fields: changes.map((change) => change.field),
        changes: changes.map((change) => ({ ...change })),
      },
    });
  }

  private async purge(): Promise<void> {
    try {
      await this.deps.audit.purgeOlderThan(effectiveAuditRetentionDays(this.deps.settings.get()));
    } catch (error) {
      this.deps.log.error('audit_purge_failed', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}

function knownJob(job: JobSummary): KnownJob {
  return {
    userId: job.userId,
    state: job.state,
    attempts: job.attempts,
    errorKey: errorKey(job),
    resultCode: job.result?.resultCode ?? null,
  };
}
