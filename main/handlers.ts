// The one handler table: IPC channel → async (request) → envelope. Built from injected dependencies so the
// Electron shell (ipcMain) and the dev host (loopback HTTP) serve exactly the same behaviour. Every request is
// validated with its zod schema from app/ipc/channels.ts; every failure becomes a typed KioskError payload.
import type { z } from 'zod';
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
import type { Logger } from './log';
import { checkEnrollmentImages } from './jpeg-validation';
import type { Outbox } from './outbox/outbox';
import type { SecretVault } from './secure/secret-vault';
import type { SettingsStore } from './settings/settings-store';

export interface HandlerDeps {
  readonly outbox: Pick<
    Outbox,
    'enqueue' | 'snapshot' | 'retry' | 'discard' | 'sendNow' | 'health' | 'duplicateOf' | 'reconfigure'
  >;
  readonly settings: Pick<
    SettingsStore,
    'get' | 'update' | 'requirePin' | 'setPin' | 'verifyPin' | 'isPinSet' | 'publicView'
  >;
  readonly vault: Pick<SecretVault, 'get' | 'set'>;
  readonly log: Logger;
  /** What only the host can do (the Electron shell leaves kiosk mode; the dev host has nothing to leave). */
  readonly shell?: { exitKiosk(): void };
}

type Implementation = { [M in MethodName]: (request: ValidRequestOf<M>) => Promise<ResponseOf<M>> };

export type Handler = (request: unknown) => Promise<Envelope<unknown>>;
export type HandlerTable = Readonly<Record<ChannelName, Handler>>;

const USER_ID_PROBLEMS = {
  empty: 'The user ID is empty.',
  too_short: 'The user ID is too short.',
  too_long: 'The user ID is too long.',
  bad_characters: 'The user ID has characters that are not allowed.',
} as const;

export function createHandlers(deps: HandlerDeps): HandlerTable {
  const { outbox, settings, vault, log } = deps;

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
      await settings.requirePin(request.pin);
      await outbox.discard(request.jobId);
      log.info('operator_discarded_job', { jobId: request.jobId });
      return { jobId: request.jobId };
    },

    async sendNow() {
      return { woke: outbox.sendNow() };
    },

    async getSettings() {
      return publicSettings();
    },

    async updateSettings(request) {
      await settings.requirePin(request.pin);
      settings.update(request.patch);
      if (request.newPin) await settings.setPin(request.newPin);
      await outbox.reconfigure();
      log.info('settings_updated', { fields: Object.keys(request.patch).join(',') });
      return publicSettings();
    },

    async setApiKey(request) {
      await settings.requirePin(request.pin);
      await vault.set('smileid.apiKey', request.apiKey.trim());
      await outbox.reconfigure();
      log.info('api_key_set');
      return publicSettings();
    },

    async verifyPin(request) {
      return { valid: await settings.verifyPin(request.pin) };
    },

    async exitKiosk(request) {
      await settings.requirePin(request.pin);
      if (!deps.shell) return { exited: false };
      deps.shell.exitKiosk();
      log.info('operator_left_kiosk_mode');
      return { exited: true };
    },

    async getHealth() {
      return outbox.health();
    },
  };

  const table = {} as Record<ChannelName, Handler>;
  for (const method of Object.keys(channels) as MethodName[]) {
    table[channels[method].channel] = wrap(
      method,
      implementation[method] as (request: unknown) => Promise<unknown>,
      log,
    );
  }
  return Object.freeze(table);
}

function wrap(method: MethodName, implement: (request: unknown) => Promise<unknown>, log: Logger): Handler {
  const schema: z.ZodType = channels[method].request;
  return async (raw) => {
    try {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        throw new KioskError(
          'invalid_request',
          `Invalid request for ${method}: ${describe(parsed.error)}`,
          'Reload the kiosk.',
        );
      }
      return { ok: true, value: await implement(parsed.data) };
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

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`)
    .join('; ');
}
