// DEV AND TEST ONLY. Assembles a kiosk core (dev-file vault, conf store files) and the dev host from
// environment variables: what `npm run start:web` runs (cli.ts), and what e2e tests and benchmarks call
// in-process to get the same kiosk with a URL and a token.
import { randomBytes } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { publicSettingsSchema, type PublicSettings } from '../../app/settings';
import { channels } from '../../app/ipc/channels';
import { startKioskCore, type KioskCore, type KioskCoreOptions } from '../kiosk-core';
import { createConsoleLogger, type Logger } from '../log';
import { DevKeyFileVault } from '../secure/dev-key-file-vault';
import { openConfFile, openConfSettingsFile } from '../storage/conf-files';
import { startDevHost } from './server';
import { INDEX_FILE } from '../hosting/static-files';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const DEFAULT_PORT = 5180;
export const DEFAULT_DATA_DIR = path.join(REPO_ROOT, '.kiosk-data');
export const DEFAULT_STATIC_DIR = path.join(REPO_ROOT, 'dist', 'renderer');

/** A problem the person starting the dev host can fix; cli.ts prints its message alone. */
export class DevHostStartError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DevHostStartError';
  }
}

export interface DevHostFromEnvOptions {
  /** Overrides KIOSK_RENDERER_DIR (default `<repo>/dist/renderer`). */
  readonly staticDir?: string;
  /** Overrides KIOSK_DATA_DIR. */
  readonly dataDir?: string;
  /** Overrides PORT. */
  readonly port?: number;
  /** Default: a fresh random token. */
  readonly token?: string;
  /** Default: JSON lines on stderr. */
  readonly log?: Logger;
  /** Test and benchmark overrides of the outbox's timings. */
  readonly outbox?: KioskCoreOptions['outbox'];
  /** Tests only: the event-stream heartbeat period. */
  readonly heartbeatMs?: number;
}

export interface RunningDevHostFromEnv {
  /** http://127.0.0.1:PORT/ */
  readonly url: string;
  /** url + '#token=<token>': what a browser opens. */
  readonly openUrl: string;
  readonly port: number;
  readonly token: string;
  readonly dataDir: string;
  readonly core: KioskCore;
  /** Stops the server, then the core (which finishes or parks in-flight sends). */
  close(): Promise<void>;
}

/**
 * Reads PORT (default 5180; 0 = any free port), KIOSK_DATA_DIR (default `<repo>/.kiosk-data`) and
 * KIOSK_RENDERER_DIR (default `<repo>/dist/renderer`: a renderer built elsewhere, e.g. by a test); the whole
 * `env` goes to the core, whose first-start provisioning reads SMILEID_BASE_URL, SMILEID_PARTNER_ID,
 * SMILEID_API_KEY, KIOSK_OPERATOR_PIN, KIOSK_ID, BRANCH and KIOSK_PROVISION.
 */
export async function startDevHostFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  options: DevHostFromEnvOptions = {},
): Promise<RunningDevHostFromEnv> {
  const port = options.port ?? parsePort(env.PORT);
  const dataDir = path.resolve(options.dataDir ?? nonEmpty(env.KIOSK_DATA_DIR) ?? DEFAULT_DATA_DIR);
  const staticDir = path.resolve(options.staticDir ?? nonEmpty(env.KIOSK_RENDERER_DIR) ?? DEFAULT_STATIC_DIR);
  const log = options.log ?? createConsoleLogger();
  const token = options.token ?? newToken();

  try {
    await access(path.join(staticDir, INDEX_FILE));
  } catch {
    throw new DevHostStartError(
      `The renderer is not built: ${path.join(staticDir, INDEX_FILE)} is missing. Run npm run build:renderer first.`,
    );
  }

  const core = await startKioskCore({
    dataDir,
    vault: new DevKeyFileVault(dataDir),
    openSettingsFile: () => openConfSettingsFile(dataDir),
    openIndexFile: openConfFile,
    env,
    log,
    sourceSdkVersion: await packageVersion(),
    // The dev host is a development run by definition: the simulator on loopback http is allowed.
    developmentEndpoints: true,
    ...(options.outbox ? { outbox: options.outbox } : {}),
  });

  let host;
  try {
    host = await startDevHost({
      core,
      staticDir,
      port,
      token,
      log,
      ...(options.heartbeatMs !== undefined ? { heartbeatMs: options.heartbeatMs } : {}),
    });
  } catch (error) {
    await core.stop();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new DevHostStartError(
        `Port ${port} is already in use. Set PORT to another port, or PORT=0 for any.`,
        {
          cause: error,
        },
      );
    }
    throw error;
  }
  log.info('devhost_listening', { url: host.url, dataDir });

  let closing: Promise<void> | null = null;
  return {
    url: host.url,
    openUrl: `${host.url}#token=${token}`,
    port: host.port,
    token,
    dataDir,
    core,
    close: () =>
      (closing ??= (async () => {
        try {
          await host.close();
        } finally {
          await core.stop();
        }
      })()),
  };
}

/** The settings the operator panel would show (never the API key), from the core's own handler. */
export async function publicSettingsOf(core: Pick<KioskCore, 'handlers'>): Promise<PublicSettings> {
  const envelope = await core.handlers[channels.getSettings.channel]({});
  if (!envelope.ok) throw new Error(`settings.get failed: ${envelope.error.message}`);
  return publicSettingsSchema.parse(envelope.value);
}

/** One line saying where enrollments go. */
export function describeEnvironment(settings: PublicSettings): string {
  if (settings.environment === 'training') return 'Training mode — nothing is sent to Smile ID';
  const where = settings.environment === 'custom' ? ` (${settings.customApiUrl ?? 'no URL set'})` : '';
  const ready = settings.configured
    ? ''
    : ' — not configured yet: set the partner ID and API key in the operator panel';
  return `Smile ID environment: ${settings.environment}${where}${ready}`;
}

export function parsePort(raw: string | undefined): number {
  const value = nonEmpty(raw);
  if (value === undefined) return DEFAULT_PORT;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65_535) {
    throw new DevHostStartError(
      `PORT must be a port number from 0 to 65535 (0 = any free port), not "${value}".`,
    );
  }
  return Number(value);
}

function newToken(): string {
  return randomBytes(24).toString('base64url');
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

async function packageVersion(): Promise<string> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    if (
      parsed !== null &&
      typeof parsed === 'object' &&
      'version' in parsed &&
      typeof parsed.version === 'string'
    ) {
      return parsed.version;
    }
  } catch {
    // Fall through: the version only labels uploads.
  }
  return '0.0.0';
}
