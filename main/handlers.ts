// The one handler table: IPC channel → async (request) → envelope. Built from injected dependencies so the
// Electron shell (ipcMain) and the dev host (loopback HTTP) serve exactly the same behaviour. Every request is
// validated with its zod schema from app/ipc/channels.ts, then checked against its access rule
// (app/ipc/channel-access.ts: which calls need an operator session) before the handler runs; every failure
// becomes a typed KioskError payload.
import type { z } from 'zod';
import { CHANNEL_ACCESS } from '../app/ipc/channel-access';
import {
  channels,
  type ChannelName,
  type Envelope,
  type MethodName,
  type ResponseOf,
  type ValidRequestOf,
} from '../app/ipc/channels';
import { KioskError } from '../app/errors';
import { checkUserId, normaliseUserId } from '../app/user-id';
import type { Settings } from '../app/settings';
import { issueParams, issuesFromZod } from '../app/settings-issues';
import type { EndpointPolicy } from '../app/smileid/endpoint-policy';
import type { AuditService } from './audit/audit-recorder';
import type { DiagnosticsExporter } from './diagnostics/export-diagnostics';
import type { Logger } from './log';
import { checkEnrollmentImages } from './jpeg-validation';
import type { Outbox } from './outbox/outbox';
import type { SecretVault } from './secure/secret-vault';
import {
  apiKeyStateAfter,
  refuseUnsafeDestination,
  refuseUnsendable,
  sendsElsewhere,
} from './settings/destination';
import { authorize, type AccessContext } from './settings/operator-access';
import type { OperatorDirectory, OperatorPinCheck } from './settings/operator-directory';
import type { OperatorSession, OperatorSessions } from './settings/operator-sessions';
import type { SessionKind } from '../app/operator-session';
import type { SettingsStore } from './settings/settings-store';

export interface HandlerDeps {
  readonly outbox: Pick<
    Outbox,
    | 'enqueue'
    | 'earlierSubmission'
    | 'snapshot'
    | 'retry'
    | 'discard'
    | 'approveReEnrollment'
    | 'sendNow'
    | 'health'
    | 'duplicateOf'
    | 'reconfigure'
  >;
  readonly settings: Pick<
    SettingsStore,
    | 'get'
    | 'preview'
    | 'update'
    | 'setPin'
    | 'verifyPin'
    | 'verifyRecoveryCode'
    | 'issueRecoveryCode'
    | 'hasRecoveryCode'
    | 'pinState'
    | 'publicView'
  >;
  /** The operator sessions (grants) this table hands out and checks. */
  readonly sessions: OperatorSessions;
  /** The named operators and their PINs (docs/operators.md). */
  readonly operators: OperatorDirectory;
  readonly vault: Pick<SecretVault, 'get' | 'set' | 'delete'>;
  readonly log: Logger;
  /** What only the host can do (the Electron shell leaves kiosk mode; the dev host has nothing to leave). */
  readonly shell?: { exitKiosk(): void };
  /** Where the settings may send enrollments (development runs allow the loopback simulator). */
  readonly endpointPolicy: (settings: Settings) => EndpointPolicy;
  /** The audit trail: every call runs through it (main/audit/audit-recorder.ts); supervisors read it. */
  readonly audit: AuditService;
  /** The supervisor's diagnostics file for support, without personal data (main/diagnostics/). */
  readonly diagnostics: DiagnosticsExporter;
}

/** `session`: what the call acts under, once its access rule passed (null: public, or first-run setup). */
type Implementation = {
  [M in MethodName]: (request: ValidRequestOf<M>, session: OperatorSession | null) => Promise<ResponseOf<M>>;
};
type Implement = (request: unknown, session: OperatorSession | null) => Promise<unknown>;

export type Handler = (request: unknown) => Promise<Envelope<unknown>>;
export type HandlerTable = Readonly<Record<ChannelName, Handler>>;

const USER_ID_PROBLEMS = {
  empty: 'The user ID is empty.',
  too_short: 'The user ID is too short.',
  too_long: 'The user ID is too long.',
  bad_characters: 'The user ID has characters that are not allowed.',
} as const;

export function createHandlers(deps: HandlerDeps): HandlerTable {
  const { outbox, settings, vault, log, sessions, operators } = deps;
  const access: AccessContext = { pinState: () => settings.pinState(), sessions };

  /** A session for an operator whose PIN was right: a shift lasts as the settings say; elevated, 10 minutes. */
  const openSession = (
    kind: SessionKind,
    operator: { operatorId: string; displayName: string; role: OperatorSession['role'] },
    scope: OperatorSession['scope'],
    origin: OperatorSession['origin'],
  ) => {
    const current = settings.get();
    const shift =
      kind === 'shift'
        ? { maxAgeMs: current.maxShiftHours * 3_600_000, idleMs: current.operatorIdleSignOutMinutes * 60_000 }
        : {};
    const { operatorId, displayName, role } = operator;
    return sessions.issue({ kind, operatorId, displayName, role, scope, origin, ...shift });
  };

  /** verifyPin and signIn: the same PIN check, a session of their kind. */
  const enterPin = async (kind: SessionKind, check: OperatorPinCheck) => {
    if (check.kind === 'wrong')
      return { valid: false as const, triesLeft: check.triesLeft, lockedUntil: null };
    if (check.kind === 'locked') return { valid: false as const, triesLeft: 0, lockedUntil: check.until };
    if (check.kind === 'disabled') {
      throw new KioskError(
        'not_allowed',
        `The operator ${check.operator.operatorId} is disabled and cannot sign in.`,
        'Ask a supervisor to enable this operator.',
        { reason: 'operator_disabled' },
      );
    }
    const scope = check.changeRequired ? 'pin_change' : 'full';
    const grant = openSession(kind, check.operator, scope, 'pin');
    return { valid: true as const, grant, pinChangeRequired: check.changeRequired };
  };

  /** A supervisor changed an operator: their live sessions end when their access did. */
  const endChangedSessions = (
    before: { enabled: boolean; role: string },
    after: typeof before,
    id: string,
  ) => {
    if ((before.enabled && !after.enabled) || before.role !== after.role) sessions.endOperator(id);
  };

  const publicSettings = async () => settings.publicView((await vault.get('smileid.apiKey')) !== null);

  const implementation: Implementation = {
    async submitEnrollment(request, session) {
      // The access rule ('shift') already refused a call without a live shift; this keeps the type honest.
      if (session === null) throw new KioskError('pin_required', 'Sign in first.', 'Sign in with your PIN.');
      const current = settings.get();
      const userId = normaliseUserId(request.userId);
      const problem = checkUserId(userId, current.userIdRule);
      if (problem)
        throw new KioskError(
          'invalid_user_id',
          USER_ID_PROBLEMS[problem],
          'Check the user ID and enter it again.',
        );
      // The same submission again (double tap, a retried request): the job it made, not a second enrollment —
      // and before the duplicate guard, which would otherwise take the job for another enrollment of this ID.
      const earlier = await outbox.earlierSubmission(request.reference, userId);
      if (earlier) {
        const others = outbox.duplicateOf(userId, earlier.jobId);
        return { jobId: earlier.jobId, state: earlier.state, warnings: others ? ['duplicate_user_id'] : [] };
      }
      checkEnrollmentImages(request.selfie, request.liveness);
      const duplicate = outbox.duplicateOf(userId);
      if (duplicate && current.duplicateGuard === 'block') {
        throw new KioskError(
          'duplicate_user',
          duplicate === 'enrolled'
            ? 'This user ID is already enrolled from this kiosk.'
            : 'This user ID is already waiting to be sent.',
          'Check the user ID, or ask a supervisor.',
        );
      }
      const job = await outbox.enqueue({
        jobId: request.reference,
        userId,
        // Recorded with the capture: the job's operator, sealed in its partner_params as operator_id.
        operatorId: session.operatorId,
        consentAt: request.consent.at,
        selfie: request.selfie,
        liveness: request.liveness,
      });
      return {
        jobId: job.jobId,
        state: job.state,
        warnings: duplicate ? ['duplicate_user_id' as const] : [],
      };
    },

    async checkUserId(request) {
      const current = settings.get();
      const userId = normaliseUserId(request.userId);
      const problem = checkUserId(userId, current.userIdRule);
      const duplicate = problem ? null : outbox.duplicateOf(userId);
      return {
        userId,
        problem,
        duplicate,
        blocked: duplicate !== null && current.duplicateGuard === 'block',
      };
    },

    async getQueue() {
      return { jobs: outbox.snapshot() };
    },

    async retryJob(request) {
      return outbox.retry(request.jobId);
    },

    async discardJob(request) {
      await outbox.discard(request.jobId);
      log.info('operator_discarded_job', { jobId: request.jobId });
      return { jobId: request.jobId };
    },

    async approveReEnrollment(request, session) {
      const job = await outbox.approveReEnrollment(request.jobId);
      // The audit trail records 'job.re_enrollment_approved' under this session (main/audit/audit-recorder.ts).
      log.info('re_enrollment_approved', { jobId: job.jobId, role: session?.role ?? 'none' });
      return job;
    },

    async sendNow() {
      return { woke: outbox.sendNow() };
    },

    async getSettings() {
      return publicSettings();
    },

    async updateSettings(request) {
      // Every check before anything is written: a refused save leaves settings and key as they were.
      const before = settings.get();
      const next = settings.preview(request.patch);
      refuseUnsafeDestination(next, request.patch, deps.endpointPolicy(before));
      const apiKey = request.apiKey?.trim();
      const keyStored = (await vault.get('smileid.apiKey')) !== null;
      refuseUnsendable(next, apiKeyStateAfter(before, next, keyStored, apiKey !== undefined));
      const after = settings.update(request.patch);
      if (apiKey !== undefined) {
        await vault.set('smileid.apiKey', apiKey);
        log.info('api_key_set');
      } else if (keyStored && sendsElsewhere(before, after)) {
        await vault.delete('smileid.apiKey');
        log.info('api_key_cleared', { reason: 'destination_changed' });
      }
      await outbox.reconfigure();
      log.info('settings_updated', { fields: Object.keys(request.patch).join(',') });
      return publicSettings();
    },

    async setApiKey(request) {
      await vault.set('smileid.apiKey', request.apiKey.trim());
      await outbox.reconfigure();
      log.info('api_key_set');
      return publicSettings();
    },

    async verifyPin(request) {
      return enterPin('elevated', await operators.verify(request.operatorId, request.pin));
    },

    async signIn(request) {
      return enterPin('shift', await operators.verify(request.operatorId, request.pin));
    },

    async getShift(request) {
      const shift = sessions.describe(request.grant);
      if (!shift) throw new KioskError('session_expired', 'The shift has ended.', 'Sign in again.');
      return shift;
    },

    async setPin(request, session) {
      // First-run setup and the recovery code set the kiosk PIN, the first supervisor's; anyone else their own.
      const kioskPin = session === null || session.origin === 'recovery_code';
      let operator;
      if (kioskPin) {
        await settings.setPin(request.newPin);
        operator = operators.restoreFirstSupervisor();
      } else {
        operator = await operators.setOwnPin(session.operatorId, request.newPin);
      }
      // A recovery code is made with the first PIN and replaced once used; otherwise it stays as it was.
      const replaceCode = !settings.hasRecoveryCode() || session?.origin === 'recovery_code';
      const recoveryCode = replaceCode ? await settings.issueRecoveryCode() : null;
      // The session that set it (or none, in first-run setup) gives way to a full one under the new PIN.
      const origin = session === null ? 'first_run' : session.origin;
      const grant = openSession(session?.kind ?? 'elevated', operator, 'full', origin);
      log.info('operator_pin_set', { origin, operatorId: operator.operatorId, newRecoveryCode: replaceCode });
      return { grant, recoveryCode };
    },

    async recoverWithCode(request) {
      const check = await settings.verifyRecoveryCode(request.recoveryCode);
      if (check.kind === 'wrong') return { valid: false, lockedUntil: null };
      if (check.kind === 'locked') return { valid: false, lockedUntil: check.until };
      // It may only set a new PIN for the first supervisor (setPin), who owns the kiosk PIN.
      const grant = openSession('elevated', operators.firstSupervisor(), 'pin_change', 'recovery_code');
      return { valid: true, grant };
    },

    async issueRecoveryCode() {
      return { recoveryCode: await settings.issueRecoveryCode() };
    },

    async endSession(request) {
      return { ended: sessions.end(request.grant, 'signed_out') !== null };
    },

    async exitKiosk() {
      if (!deps.shell) return { exited: false };
      deps.shell.exitKiosk();
      log.info('operator_left_kiosk_mode');
      return { exited: true };
    },

    async getHealth() {
      return outbox.health();
    },

    async listOperators() {
      return { operators: operators.list() };
    },

    async createOperator(request) {
      return operators.create(request);
    },

    async updateOperator(request) {
      const { operatorId, displayName, role, enabled } = request;
      const { before, after } = operators.update(operatorId, { displayName, role, enabled });
      endChangedSessions(before, after, operatorId);
      return operators.summary(after);
    },

    async resetOperatorPin(request) {
      const summary = await operators.resetPin(request.operatorId, request.temporaryPin);
      // Whoever knew the old PIN is signed out with it.
      sessions.endOperator(request.operatorId);
      return summary;
    },

    async listAudit(request) {
      return deps.audit.list(request);
    },

    async exportAudit(request) {
      const { grant: _grant, ...query } = request;
      return deps.audit.export(query);
    },

    async exportDiagnostics() {
      return deps.diagnostics.export();
    },
  };

  const table = {} as Record<ChannelName, Handler>;
  for (const method of Object.keys(channels) as MethodName[]) {
    table[channels[method].channel] = wrap(
      method,
      implementation[method] as Implement,
      access,
      log,
      deps.audit,
    );
  }
  return Object.freeze(table);
}

function wrap(
  method: MethodName,
  implement: Implement,
  access: AccessContext,
  log: Logger,
  audit: AuditService,
): Handler {
  const schema: z.ZodType = channels[method].request;
  return async (raw) => {
    try {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        // The first issue as params: its field is the path in the request (a refused setting: "patch.<name>").
        const first = issuesFromZod(parsed.error)[0];
        throw new KioskError(
          'invalid_request',
          `Invalid request for ${method}: ${describe(parsed.error)}`,
          'Reload the kiosk.',
          first ? issueParams(first) : {},
        );
      }
      const request: unknown = parsed.data;
      // Before the handler, for every channel: a privileged call cannot forget its check.
      const session = authorize(CHANNEL_ACCESS[method], grantOf(request), access);
      // The audit trail records the call, and what it sets off, under its actor before it answers.
      const value = await audit.around({ method, request, session }, () => implement(request, session));
      return { ok: true, value };
    } catch (error) {
      if (error instanceof KioskError) return { ok: false, error: error.toPayload() };
      // A bug or an I/O failure: logged with its cause, answered without internals.
      log.error('handler_failed', {
        method,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
      return {
        ok: false,
        error: {
          code: 'internal',
          message: 'The kiosk hit an unexpected problem. Saved enrollments are safe.',
          action: 'Try again; if it repeats, restart the kiosk and call support.',
        },
      };
    }
  };
}

/** The session token a validated request carries, if its channel has one. */
function grantOf(request: unknown): string | undefined {
  if (typeof request !== 'object' || request === null || !('grant' in request)) return undefined;
  return typeof request.grant === 'string' ? request.grant : undefined;
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`)
    .join('; ');
}
