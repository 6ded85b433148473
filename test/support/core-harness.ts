// A whole kiosk core (settings, vault, outbox, handler table) over a temp data folder, as the dev host and
// the Electron shell build it, for handler tests.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { channels, type MethodName, type RequestOf, type ResponseOf } from '../../app/ipc/channels';
import type { KioskErrorPayload } from '../../app/errors';
import { startKioskCore, type KioskCore } from '../../main/kiosk-core';
import { silentLogger } from '../../main/log';
import { openConfIndexFile } from '../../main/outbox/conf-index-file';
import { DevKeyFileVault } from '../../main/secure/dev-key-file-vault';
import { openConfSettingsFile } from '../../main/settings/conf-settings-file';

export interface CoreHarness {
  readonly core: KioskCore;
  readonly dataDir: string;
  readonly vault: DevKeyFileVault;
  call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>>;
  callRaw(channel: string, request: unknown): Promise<unknown>;
  failure(method: MethodName, request: unknown): Promise<KioskErrorPayload>;
  close(): Promise<void>;
}

export async function startCore(env: Record<string, string | undefined> = {}): Promise<CoreHarness> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-core-'));
  const vault = new DevKeyFileVault(dataDir);
  const core = await startKioskCore({
    dataDir,
    vault,
    openSettingsFile: () => openConfSettingsFile(dataDir),
    openIndexFile: (key) => () => openConfIndexFile(dataDir, key),
    env,
    log: silentLogger,
    sourceSdkVersion: 'test',
    outbox: { pollSchedule: { intervalsMs: [0, 20, 50, 100], deadlineMs: 10_000, maxCalls: 200 } },
  });
  const callRaw = async (channel: string, request: unknown) => {
    const handler = core.handlers[channel as keyof typeof core.handlers];
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(request);
  };
  return {
    core,
    dataDir,
    vault,
    callRaw,
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
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
