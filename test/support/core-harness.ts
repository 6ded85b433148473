// A whole kiosk core (settings, vault, outbox, handler table) over a temp data folder, as the dev host and
// the Electron shell build it, for handler tests.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { channels, type MethodName, type RequestOf, type ResponseOf } from '../../app/ipc/channels';
import type { KioskErrorPayload } from '../../app/errors';
import type { JobSummary } from '../../app/queue';
import { startKioskCore, type KioskCore } from '../../main/kiosk-core';
import { silentLogger, type Logger } from '../../main/log';
import { DevKeyFileVault } from '../../main/secure/dev-key-file-vault';
import { openConfFile, openConfSettingsFile } from '../../main/storage/conf-files';
import { makeCapture, type CaptureJpegs } from './fixture-images';
import { waitFor } from './outbox-harness';

export interface CoreHarness {
  readonly core: KioskCore;
  readonly dataDir: string;
  readonly vault: DevKeyFileVault;
  call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>>;
  callRaw(channel: string, request: unknown): Promise<unknown>;
  failure(method: MethodName, request: unknown): Promise<KioskErrorPayload>;
  /**
   * A signed-in shift for enrollments (docs/operators.md): the first supervisor's, after first-run setup sets
   * HARNESS_PIN when the kiosk has no PIN yet. The same token until it is ended. `pin`: the first supervisor's
   * PIN when the test set another one (KIOSK_OPERATOR_PIN, setPin).
   */
  shift(pin?: string): Promise<string>;
  /** The first supervisor's short elevated grant (verifyPin), for the operator screens' calls. */
  elevated(pin?: string): Promise<string>;
  /** Submits the fixture capture for `userId` under `shift` (default: the first supervisor's); its job ID. */
  enroll(userId: string, shift?: string): Promise<string>;
  /** Waits (20 s at most) until the job is in `state`. */
  untilState(jobId: string, state: JobSummary['state']): Promise<JobSummary>;
  close(): Promise<void>;
}

/**
 * The PIN shift() sets in first-run setup, or expects when the kiosk already has one (KIOSK_OPERATOR_PIN, when
 * the test provisions one, is the default instead).
 */
export const HARNESS_PIN = '135790';

export interface CoreHarnessOptions {
  /** Default true (the tests' simulator is loopback http); false builds the core as a packaged kiosk does. */
  readonly developmentEndpoints?: boolean;
  /** Default: silent. */
  readonly log?: Logger;
  /**
   * Start on this data folder (a prepared settings file, or a restart on the folder of an earlier core); the
   * caller removes it. Default: a fresh temporary folder, removed by close().
   */
  readonly dataDir?: string;
}

export async function startCore(
  env: Record<string, string | undefined> = {},
  options: CoreHarnessOptions = {},
): Promise<CoreHarness> {
  // Read before the core starts: provisioning deletes the variables it used from `env`.
  const defaultPin = env.KIOSK_OPERATOR_PIN ?? HARNESS_PIN;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'kiosk-core-')));
  const vault = new DevKeyFileVault(dataDir);
  const core = await startKioskCore({
    dataDir,
    vault,
    openSettingsFile: () => openConfSettingsFile(dataDir),
    openIndexFile: openConfFile,
    env,
    log: options.log ?? silentLogger,
    sourceSdkVersion: 'test',
    developmentEndpoints: options.developmentEndpoints ?? true,
    outbox: { pollSchedule: { intervalsMs: [0, 20, 50, 100], deadlineMs: 10_000, maxCalls: 200 } },
  });
  const callRaw = async (channel: string, request: unknown) => {
    const handler = core.handlers[channel as keyof typeof core.handlers];
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(request);
  };
  let shiftToken: string | null = null;
  let capture: CaptureJpegs | null = null;
  const harness: CoreHarness = {
    core,
    dataDir,
    vault,
    callRaw,
    async shift(pin = defaultPin) {
      if (shiftToken !== null && core.sessions.describe(shiftToken) !== null) return shiftToken;
      if (core.settings.pinState() === 'unset') await harness.call('setPin', { newPin: pin });
      const answer = await harness.call('signIn', { operatorId: 'supervisor', pin });
      if (!answer.valid) throw new Error(`the harness PIN was refused: ${JSON.stringify(answer)}`);
      shiftToken = answer.grant.token;
      return shiftToken;
    },
    async elevated(pin = defaultPin) {
      const answer = await harness.call('verifyPin', { operatorId: 'supervisor', pin });
      if (!answer.valid) throw new Error('the PIN was refused');
      return answer.grant.token;
    },
    async enroll(userId, shift) {
      capture ??= makeCapture();
      const saved = await harness.call('submitEnrollment', {
        grant: shift ?? (await harness.shift()),
        reference: randomUUID(),
        userId,
        consent: { given: true, at: Date.now() },
        selfie: capture.selfie,
        liveness: capture.liveness,
      });
      return saved.jobId;
    },
    untilState(jobId, state) {
      return waitFor(
        () => {
          const job = core.outbox.get(jobId);
          return job?.state === state ? job : undefined;
        },
        20_000,
        `job ${jobId} ${state}`,
      );
    },
    async call(method, request) {
      const envelope = (await callRaw(channels[method].channel, request)) as
        { ok: true; value: unknown } | { ok: false; error: KioskErrorPayload };
      if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
      return envelope.value as ResponseOf<typeof method>;
    },
    async failure(method, request) {
      const envelope = (await callRaw(channels[method].channel, request)) as
        { ok: true; value: unknown } | { ok: false; error: KioskErrorPayload };
      if (envelope.ok) throw new Error(`${method} unexpectedly succeeded`);
      return envelope.error;
    },
    async close() {
      await core.stop();
      if (options.dataDir === undefined) await rm(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}
