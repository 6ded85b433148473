// The composition root of main: settings, vault, outbox and handler table, wired once. The Electron shell
// and the dev host both call startKioskCore and differ only in what they inject (vault, store files, log).
import {
  apiUrlProblem,
  DEVELOPMENT_ENDPOINT_POLICY,
  type EndpointPolicy,
} from '../app/smileid/endpoint-policy';
import { SMILE_ID_ENVIRONMENTS } from '../app/smileid/environments';
import type { KioskEvent } from '../app/queue';
import type { Settings } from '../app/settings';
import type { AuditRecorder } from './audit/audit-recorder';
import { startAuditTrail } from './audit/audit-trail';
import { diagnosticsExporter } from './diagnostics/export-diagnostics';
import { createHandlers, type HandlerDeps, type HandlerTable } from './handlers';
import { scrubbedLogger, type Logger } from './log';
import { LogScrubber } from './log-scrub';
import { probeHost } from './outbox/connectivity';
import { Outbox, type ConnectionObserver, type OutboxOptions, type SmileIdConnection } from './outbox/outbox';
import { generateKey } from './secure/aes-gcm';
import { secretLearningVault } from './secure/secret-learning-vault';
import type { SecretVault } from './secure/secret-vault';
import { OperatorDirectory } from './settings/operator-directory';
import { OperatorSessions } from './settings/operator-sessions';
import {
  checkProvisioning,
  provisionOnFirstStart,
  ProvisioningRequest,
  type ProvisionReport,
} from './settings/provisioning';
import { SettingsStore } from './settings/settings-store';
import { SmileIdClient } from './smileid/client';
import type { OpenKeyValueFile, OpenKeyValueFileAt } from './storage/key-value-file';
import { startTrainingBackend, type TrainingBackend } from './training';

export interface KioskCoreOptions {
  readonly dataDir: string;
  /**
   * The vault, or a factory for one that needs the settings (safeStorage asks whether weak storage is allowed).
   * It gets the settings before their seal is checked — the seal's key is in that vault.
   */
  readonly vault: SecretVault | ((settings: Pick<SettingsStore, 'get'>) => SecretVault);
  readonly openSettingsFile: OpenKeyValueFile;
  /** Opens the outbox index's files (the outbox names them): conf in plain Node, electron-store in the shell. */
  readonly openIndexFile: OpenKeyValueFileAt;
  /** process.env: provisioning reads its variables and deletes them. */
  readonly env: Record<string, string | undefined>;
  readonly log: Logger;
  /** The scrubber the host's own logger already uses (Electron); the core registers secrets into it. */
  readonly scrubber?: LogScrubber;
  /**
   * Development runs only (the dev host, tests): let a custom API URL and callback be plain http on loopback,
   * for the simulator. The Electron shell leaves it off: a kiosk then talks https to Smile ID alone.
   */
  readonly developmentEndpoints?: boolean;
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
  /** The operator sessions (grants) the handler table hands out and checks. */
  readonly sessions: OperatorSessions;
  /** The audit trail's recorder (main/audit/): what the handlers, outbox and settings did, sealed and chained. */
  readonly audit: AuditRecorder;
  /** The host's logger behind the core's scrubber: for the host's own lines too. */
  readonly log: Logger;
  onEvent(listener: (event: KioskEvent) => void): () => void;
  stop(): Promise<void>;
}

export async function startKioskCore(options: KioskCoreOptions): Promise<KioskCore> {
  // Every line the core logs goes through the scrubber, which learns each secret as the vault sees it.
  const scrubber = options.scrubber ?? new LogScrubber();
  const log = scrubbedLogger(options.log, scrubber);
  // The provisioning variables leave the environment first; what they ask for is checked before anything is
  // written, so a refused start (an API key too short, a PIN with letters …) leaves no settings file behind.
  const provisioningRequest = ProvisioningRequest.take(options.env);
  const unsealed = SettingsStore.read(options.openSettingsFile, { log });
  if (!unsealed.claimsProvisioned()) {
    await checkProvisioning(provisioningRequest, unsealed.get(), options.developmentEndpoints === true);
  }
  const vault = secretLearningVault(
    typeof options.vault === 'function' ? options.vault(unsealed) : options.vault,
    scrubber,
  );
  // A key stored on an earlier run is scrubbed from the first line on.
  await vault.get('smileid.apiKey');
  // Nothing trusts the file before its seal is checked with the vault's key (a tampered file stops start-up).
  const settings = await unsealed.seal(vault);
  const provisioning = await provisionOnFirstStart({
    store: settings,
    vault,
    env: provisioningRequest,
    log,
    developmentEndpoints: options.developmentEndpoints === true,
  });
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
    // A settings file edited on disk could name any address: the policy is checked again before each use.
    const problem = apiUrlProblem(apiUrl, endpointPolicyFor(current));
    if (problem) {
      log.error('endpoint_refused', { environment: current.environment, problem });
      return null;
    }
    return connection(apiUrl, current.partnerId, apiKey, current, observer, false);
  };

  const endpointPolicyFor = (current: Settings): EndpointPolicy => ({
    allowLoopbackHttp: options.developmentEndpoints === true,
    allowedCustomApiHosts: current.allowedCustomApiHosts,
  });

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
      {
        sourceSdkVersion: options.sourceSdkVersion,
        onServerTime: observer.onServerTime,
        // Training talks to the kiosk's own simulator on loopback http, which nothing else may do.
        endpoints: isTraining ? DEVELOPMENT_ENDPOINT_POLICY : endpointPolicyFor(current),
      },
    ),
    probe: probeHost(apiUrl),
    training: isTraining,
    ...(current.callbackUrl ? { callbackUrl: current.callbackUrl } : {}),
  });

  const outbox = await Outbox.open({
    dataDir: options.dataDir,
    dataKey,
    openIndexFile: options.openIndexFile,
    connect,
    settings: () => settings.get(),
    log,
    ...options.outbox,
  });
  if (outbox.openReport.setAsidePath)
    log.warn('outbox_index_recovered', { setAside: outbox.openReport.setAsidePath });
  // Before the outbox starts, so the audit trail sees its first event (docs/audit-trail.md).
  const audit = await startAuditTrail({
    dataDir: options.dataDir,
    dataKey,
    settings,
    outbox,
    log,
    provisioning,
  });
  await outbox.start();

  const sessions = new OperatorSessions({ log });
  sessions.onEnded((session, why) => audit.sessionEnded(session, why));
  // Main ends an idle or overlong shift on time, whether or not the renderer calls (docs/operators.md).
  const sessionSweep = setInterval(() => sessions.sweep(), SESSION_SWEEP_MS);
  sessionSweep.unref();
  const handlers = createHandlers({
    outbox,
    settings,
    // Storing or clearing the API key is recorded (that it changed, never the key).
    vault: audit.auditedVault(vault),
    audit,
    log,
    sessions,
    operators: new OperatorDirectory(settings, { log }),
    endpointPolicy: endpointPolicyFor,
    diagnostics: diagnosticsExporter({
      appVersion: options.sourceSdkVersion,
      // Reading the key through this vault also teaches the scrubber it, before the file is scrubbed.
      settings: async () => settings.publicView((await vault.get('smileid.apiKey')) !== null),
      outbox,
      audit,
      scrubber,
    }),
    ...(options.shell ? { shell: options.shell } : {}),
  });
  return {
    handlers,
    outbox,
    settings,
    vault,
    provisioning,
    sessions,
    audit,
    log,
    onEvent: (listener) => outbox.onEvent(listener),
    async stop() {
      clearInterval(sessionSweep);
      await outbox.stop();
      await audit.stop();
      await training?.simulator.close();
    },
  };
}

/** How often main looks for shifts past their idle or longest time. */
const SESSION_SWEEP_MS = 15_000;

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
