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
import type { OperatorSession, OperatorSessions } from './settings/operator-sessions';
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
  readonly vault: Pick<SecretVault, 'get' | 'set' | 'delete'>;
  readonly log: Logger;
  /** What only the host can do (the Electron shell leaves kiosk mode; the dev host has nothing to leave). */
  readonly shell?: { exitKiosk(): void };
  /** Where the settings may send enrollments (development runs allow the loopback simulator). */
  readonly endpointPolicy: (settings: Settings) => EndpointPolicy;
  /** The audit trail: every call runs through it (main/audit/audit-recorder.ts); supervisors read it. */
  readonly audit: AuditService;
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
  const { outbox, settings, vault, log, sessions } = deps;
  const access: AccessContext = { pinState: () => settings.pinState(), sessions };

  const publicSettings = async () => settings.publicView((await vault.get('smileid.apiKey')) !== null);

  const implementation: Implementation = {
    async submitEnrollment(request) {
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
      const check = await settings.verifyPin(request.pin);
      if (check.kind === 'wrong') return { valid: false, triesLeft: check.triesLeft, lockedUntil: null };
      if (check.kind === 'locked') return { valid: false, triesLeft: 0, lockedUntil: check.until };
      const grant = sessions.issue(check.changeRequired ? 'pin_change' : 'full', 'pin');
      return { valid: true, grant, pinChangeRequired: check.changeRequired };
    },

    async setPin(request, session) {
      await settings.setPin(request.newPin);
      // A recovery code is made with the first PIN and replaced once used; otherwise it stays as it was.
      const replaceCode = !settings.hasRecoveryCode() || session?.origin === 'recovery_code';
      const recoveryCode = replaceCode ? await settings.issueRecoveryCode() : null;
      // The session that set it (or none, in first-run setup) gives way to a full one under the new PIN.
      const grant = sessions.issue('full', session === null ? 'first_run' : session.origin);
      log.info('operator_pin_set', { origin: session?.origin ?? 'first_run', newRecoveryCode: replaceCode });
      return { grant, recoveryCode };
    },

    async recoverWithCode(request) {
      const check = await settings.verifyRecoveryCode(request.recoveryCode);
      if (check.kind === 'wrong') return { valid: false, lockedUntil: null };
      if (check.kind === 'locked') return { valid: false, lockedUntil: check.until };
      return { valid: true, grant: sessions.issue('pin_change', 'recovery_code') };
    },

    async issueRecoveryCode() {
      return { recoveryCode: await settings.issueRecoveryCode() };
    },

    async endSession(request) {
      return { ended: sessions.end(request.grant) };
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

    async listAudit(request) {
      return deps.audit.list(request);
    },

    async exportAudit(request) {
      const { grant: _grant, ...query } = request;
      return deps.audit.export(query);
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
