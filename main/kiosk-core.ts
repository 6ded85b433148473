// The composition root of main: settings, vault, outbox and handler table, wired once. The Electron shell
// and the dev host both call startKioskCore and differ only in what they inject (vault, store files, log).
import { SMILE_ID_ENVIRONMENTS } from '../app/smileid/environments';
import type { KioskEvent } from '../app/queue';
import type { Settings } from '../app/settings';
import { createHandlers, type HandlerDeps, type HandlerTable } from './handlers';
import type { Logger } from './log';
import { probeHost } from './outbox/connectivity';
import type { OpenKeyValueFile } from './outbox/job-index';
import { Outbox, type ConnectionObserver, type OutboxOptions, type SmileIdConnection } from './outbox/outbox';
import { generateKey } from './secure/aes-gcm';
import type { SecretVault } from './secure/secret-vault';
import { provisionOnFirstStart, type ProvisionReport } from './settings/provisioning';
import { SettingsStore } from './settings/settings-store';
import { SmileIdClient } from './smileid/client';
import { startTrainingBackend, type TrainingBackend } from './training';

export interface KioskCoreOptions {
  readonly dataDir: string;
  /** The vault, or a factory for one that needs the settings (safeStorage asks whether weak storage is allowed). */
  readonly vault: SecretVault | ((settings: SettingsStore) => SecretVault);
  readonly openSettingsFile: OpenKeyValueFile;
  /** Opens the outbox index with the data key as its encryption key. */
  readonly openIndexFile: (encryptionKey: string) => OpenKeyValueFile;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly log: Logger;
  readonly sourceSdkVersion: string;
  readonly shell?: HandlerDeps['shell'];
  /** Test and benchmark overrides of the outbox's timings. */
  readonly outbox?: Partial<
    Pick<OutboxOptions, 'pollSchedule' | 'backoff' | 'concurrency' | 'connectivityProbeMs'>
  >;
}

export interface KioskCore {
  readonly handlers: HandlerTable;
  readonly outbox: Outbox;
  readonly settings: SettingsStore;
  readonly vault: SecretVault;
  readonly provisioning: ProvisionReport;
  onEvent(listener: (event: KioskEvent) => void): () => void;
  stop(): Promise<void>;
}

export async function startKioskCore(options: KioskCoreOptions): Promise<KioskCore> {
  const { log } = options;
  const settings = SettingsStore.open(options.openSettingsFile, { log });
  const vault = typeof options.vault === 'function' ? options.vault(settings) : options.vault;
  const provisioning = await provisionOnFirstStart({ store: settings, vault, env: options.env, log });
  const dataKey = await loadOrCreateDataKey(vault);

  let training: TrainingBackend | null = null;
  const connect = async (observer: ConnectionObserver): Promise<SmileIdConnection | null> => {
    const current = settings.get();
    if (current.environment === 'training') {
      training ??= await startTrainingBackend();
      return connection(
        training.simulator.apiUrl,
        training.partnerId,
        training.apiKey,
        current,
        observer,
        true,
      );
    }
    const apiUrl = apiUrlOf(current);
    const apiKey = await vault.get('smileid.apiKey');
    if (!apiUrl || !apiKey || current.partnerId === '') return null;
    return connection(apiUrl, current.partnerId, apiKey, current, observer, false);
  };

  const connection = (
    apiUrl: string,
    partnerId: string,
    apiKey: string,
    current: Settings,
    observer: ConnectionObserver,
    isTraining: boolean,
  ): SmileIdConnection => ({
    client: new SmileIdClient(
      { partnerId, apiKey, apiUrl },
      { sourceSdkVersion: options.sourceSdkVersion, onServerTime: observer.onServerTime },
    ),
    probe: probeHost(apiUrl),
    training: isTraining,
    ...(current.callbackUrl ? { callbackUrl: current.callbackUrl } : {}),
  });

  const outbox = await Outbox.open({
    dataDir: options.dataDir,
    dataKey,
    openIndexFile: options.openIndexFile(dataKey.toString('hex')),
    connect,
    settings: () => settings.get(),
    log,
    ...options.outbox,
  });
  if (outbox.openReport.setAsidePath)
    log.warn('outbox_index_recovered', { setAside: outbox.openReport.setAsidePath });
  await outbox.start();

  const handlers = createHandlers({
    outbox,
    settings,
    vault,
    log,
    ...(options.shell ? { shell: options.shell } : {}),
  });
  return {
    handlers,
    outbox,
    settings,
    vault,
    provisioning,
    onEvent: (listener) => outbox.onEvent(listener),
    async stop() {
      await outbox.stop();
      await training?.simulator.close();
    },
  };
}

function apiUrlOf(settings: Settings): string | null {
  switch (settings.environment) {
    case 'sandbox':
      return SMILE_ID_ENVIRONMENTS.sandbox;
    case 'production':
      return SMILE_ID_ENVIRONMENTS.production;
    case 'custom':
      return settings.customApiUrl;
    case 'training':
      return null;
  }
}

/** The per-install key that seals job folders and the index; made once, kept only in the vault. */
async function loadOrCreateDataKey(vault: SecretVault): Promise<Buffer> {
  const stored = await vault.get('outbox.dataKey');
  if (stored) return Buffer.from(stored, 'base64');
  const key = generateKey();
  await vault.set('outbox.dataKey', key.toString('base64'));
  return key;
}
