// First-start provisioning: an installer (or a deployment tool) configures a kiosk without touching its screen,
// either with a JSON file named by KIOSK_PROVISION or with SMILEID_* / KIOSK_OPERATOR_PIN variables. It runs
// once: the store's `provisioned` flag stops it afterwards, so an operator's later changes are never
// overwritten by a stale file or variable. The API key goes to the vault and the PIN is stored hashed; neither
// is ever logged or put in an error message. The file (which holds the key in clear) must be readable by its
// owner alone, and is deleted once read — also when the kiosk was already provisioned and it is not applied.
// The variables are removed from the process environment as soon as provisioning has looked at them, so
// nothing later (a child process, a crash report) can read them.
// One exception to "once": a locked kiosk (its PIN hash could not be read, settings-store.ts) accepts a
// provisioning file again if it contains "operatorPin" — the recovery path for whoever can start the kiosk with
// KIOSK_PROVISION, the same people who could provision it. Variables never unlock it.
import { readFile, stat, unlink } from 'node:fs/promises';
import { z } from 'zod';
import { KioskError } from '../../app/errors';
import { settingsPatchSchema, settingsSchema, type SettingsPatch } from '../../app/settings';
import type { Logger } from '../log';
import type { SecretVault } from '../secure/secret-vault';
import { BaseUrlError, environmentForBaseUrl } from './base-url';
import { describeIssues } from './describe-issues';
import { refuseUnsafeDestination } from './destination';
import { ProvisioningError, type ProvisioningSource } from './errors';
import { isValidPinFormat, OPERATOR_PIN_PATTERN, OPERATOR_PIN_RULE } from './pin';
import type { SettingsStore } from './settings-store';

export const PROVISION_FILE_VARIABLE = 'KIOSK_PROVISION';
export const PROVISION_ENV_VARIABLES = [
  'SMILEID_BASE_URL',
  'SMILEID_PARTNER_ID',
  'SMILEID_API_KEY',
  'KIOSK_OPERATOR_PIN',
  'KIOSK_ID',
  'BRANCH',
] as const;
export type ProvisionEnvVariable = (typeof PROVISION_ENV_VARIABLES)[number];

/** Same bounds as the IPC contract's setApiKey request (app/ipc/channels.ts). */
const apiKeySchema = z.string().min(8).max(512);

export const provisionFileSchema = z
  .object({
    settings: settingsPatchSchema.optional(),
    apiKey: apiKeySchema.optional(),
    operatorPin: z.string().regex(OPERATOR_PIN_PATTERN, OPERATOR_PIN_RULE).optional(),
  })
  .strict();
export type ProvisionFile = z.infer<typeof provisionFileSchema>;

export type ProvisionReport =
  | { readonly source: 'file'; readonly deletedFile: boolean }
  /** `variables`: the names of the variables that were applied. */
  | { readonly source: 'env'; readonly variables: readonly ProvisionEnvVariable[] }
  | { readonly source: 'none' };

export interface ProvisionDeps {
  readonly store: SettingsStore;
  readonly vault: SecretVault;
  /** process.env in production: the provisioning variables are deleted from it once read. */
  readonly env: Record<string, string | undefined>;
  readonly log: Logger;
  /** Development runs only: a loopback http simulator URL is acceptable (endpoint-policy.ts). */
  readonly developmentEndpoints?: boolean;
}

interface Provision {
  readonly settings: SettingsPatch | undefined;
  readonly apiKey: string | undefined;
  readonly operatorPin: string | undefined;
}

/**
 * Applies the provisioning file or variables when the kiosk has not been provisioned yet. Throws
 * ProvisioningError naming the problem (a malformed file is left in place and nothing is marked provisioned);
 * a vault failure propagates as the vault's own error.
 */
export async function provisionOnFirstStart(deps: ProvisionDeps): Promise<ProvisionReport> {
  const { store, env, log } = deps;
  const filePath = nonEmpty(env[PROVISION_FILE_VARIABLE]);
  const values = new Map<ProvisionEnvVariable, string>();
  for (const name of PROVISION_ENV_VARIABLES) {
    const value = nonEmpty(env[name]);
    if (value !== undefined) values.set(name, value);
  }
  // Read once; from here on the secrets live only in this function's locals.
  for (const name of [PROVISION_FILE_VARIABLE, ...PROVISION_ENV_VARIABLES]) Reflect.deleteProperty(env, name);

  if (store.pinState() === 'locked') {
    if (filePath !== undefined) return provisionFromFile(deps, filePath, { requirePin: true });
    // Variables are ambient (any process that starts the kiosk can set them): they never unlock it.
    if (values.size > 0) {
      log.warn('provisioning.ignored_while_locked', { variables: [...values.keys()].join(',') });
    }
    return { source: 'none' };
  }
  if (store.isProvisioned()) {
    // Not applied (it could undo the operator's changes), but it may hold an API key in clear: delete it.
    if (filePath !== undefined && (await exists(filePath)) && (await deleteFile(filePath, log))) {
      log.warn('provisioning.file_deleted_unused', { path: filePath, reason: 'already_provisioned' });
    }
    return { source: 'none' };
  }
  if (filePath !== undefined) return provisionFromFile(deps, filePath);
  if (values.size === 0) return { source: 'none' };
  await apply(deps, 'env', provisionFromEnv(values));
  return { source: 'env', variables: [...values.keys()] };
}

async function provisionFromFile(
  deps: ProvisionDeps,
  filePath: string,
  options: { readonly requirePin: boolean } = { requirePin: false },
): Promise<ProvisionReport> {
  await refuseIfReadableByOthers(filePath);
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new ProvisioningError(
      'file',
      `${PROVISION_FILE_VARIABLE} names ${filePath}, which could not be read (${code}).`,
      {
        cause: error,
      },
    );
  }
  let json: unknown;
  try {
    // Windows editors save UTF-8 with a byte-order mark, which JSON.parse refuses.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // Not the parser's message: V8 quotes the text around the error, which may be the API key.
    throw new ProvisioningError('file', `The provisioning file ${filePath} is not valid JSON.`);
  }
  const parsed = provisionFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new ProvisioningError(
      'file',
      `The provisioning file ${filePath} is invalid: ${describeIssues(parsed.error, 'field')}.`,
    );
  }
  const { settings, apiKey, operatorPin } = parsed.data;
  if (options.requirePin && operatorPin === undefined) {
    // Left in place like any refused file: the installer adds the PIN and starts the kiosk again.
    throw new ProvisioningError(
      'file',
      `The kiosk is locked (its operator PIN could not be read), so the provisioning file ${filePath} must ` +
        'contain "operatorPin" to set a new one.',
    );
  }
  await apply(deps, 'file', { settings, apiKey, operatorPin });
  const deletedFile = await deleteFile(filePath, deps.log);
  deps.log.info('provisioning.done', { source: 'file', deletedFile });
  return { source: 'file', deletedFile };
}

/**
 * The file holds the API key in clear: one that other accounts on the machine can read has already leaked it
 * (or is about to), so it is refused with what to do. POSIX modes only: on Windows the folder's ACL decides.
 */
async function refuseIfReadableByOthers(filePath: string): Promise<void> {
  if (process.platform === 'win32') return;
  let mode: number;
  try {
    mode = (await stat(filePath)).mode;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new ProvisioningError(
      'file',
      `${PROVISION_FILE_VARIABLE} names ${filePath}, which could not be read (${code}).`,
      { cause: error },
    );
  }
  if ((mode & 0o077) !== 0) {
    throw new ProvisioningError(
      'file',
      `The provisioning file ${filePath} can be read by other users (mode ${(mode & 0o777).toString(8)}). ` +
        `Make it readable by the kiosk's account only (chmod 600), and replace the API key if others may have read it.`,
    );
  }
}

/** True when the file is gone; anything else leaves the key on disk, which an administrator must fix. */
async function deleteFile(filePath: string, log: Logger): Promise<boolean> {
  try {
    await unlink(filePath);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return true;
    log.error('provisioning.file_not_deleted', { path: filePath, code: code ?? 'error' });
    return false;
  }
}

async function exists(filePath: string): Promise<boolean> {
  try {
    await stat(filePath);
    return true;
  } catch {
    return false;
  }
}

/** Validates every variable before anything is applied, naming the variable (never its value) on failure. */
function provisionFromEnv(values: ReadonlyMap<ProvisionEnvVariable, string>): Provision {
  const settings: SettingsPatch = {};
  const baseUrl = values.get('SMILEID_BASE_URL');
  if (baseUrl !== undefined) {
    try {
      Object.assign(settings, environmentForBaseUrl(baseUrl));
    } catch (error) {
      if (!(error instanceof BaseUrlError)) throw error;
      throw new ProvisioningError('env', `SMILEID_BASE_URL ${error.message}.`);
    }
  }
  const partnerId = values.get('SMILEID_PARTNER_ID');
  if (partnerId !== undefined) {
    const parsed = settingsSchema.shape.partnerId.safeParse(partnerId);
    if (!parsed.success) {
      throw new ProvisioningError(
        'env',
        `SMILEID_PARTNER_ID is not valid: ${parsed.error.issues[0]?.message ?? 'invalid'}.`,
      );
    }
    settings.partnerId = parsed.data;
  }
  for (const [variable, field] of [
    ['KIOSK_ID', 'kioskId'],
    ['BRANCH', 'branch'],
  ] as const) {
    const value = values.get(variable);
    if (value === undefined) continue;
    const parsed = settingsSchema.shape[field].safeParse(value);
    if (!parsed.success) {
      throw new ProvisioningError(
        'env',
        `${variable} is not valid: ${parsed.error.issues[0]?.message ?? 'invalid'}.`,
      );
    }
    settings[field] = parsed.data;
  }
  const apiKey = values.get('SMILEID_API_KEY');
  if (apiKey !== undefined && !apiKeySchema.safeParse(apiKey).success) {
    throw new ProvisioningError('env', 'SMILEID_API_KEY is not valid: it must be 8 to 512 characters.');
  }
  const operatorPin = values.get('KIOSK_OPERATOR_PIN');
  if (operatorPin !== undefined && !isValidPinFormat(operatorPin)) {
    throw new ProvisioningError('env', `KIOSK_OPERATOR_PIN is not valid: ${OPERATOR_PIN_RULE}.`);
  }
  return { settings: Object.keys(settings).length > 0 ? settings : undefined, apiKey, operatorPin };
}

/**
 * Settings first (the step most likely to be refused), then key, then PIN, then the flag: a failure part-way
 * leaves the kiosk unprovisioned, and the next start applies everything again, which is harmless.
 */
async function apply(
  { store, vault, log, developmentEndpoints }: ProvisionDeps,
  source: ProvisioningSource,
  provision: Provision,
): Promise<void> {
  if (provision.settings !== undefined) {
    try {
      const next = { ...store.get(), ...provision.settings };
      refuseUnsafeDestination(next, provision.settings, {
        allowLoopbackHttp: developmentEndpoints === true,
        allowedCustomApiHosts: next.allowedCustomApiHosts,
      });
      store.update(provision.settings);
    } catch (error) {
      if (!(error instanceof KioskError)) throw error;
      throw new ProvisioningError(source, `The provisioned settings were refused: ${error.message}`, {
        cause: error,
      });
    }
  }
  if (provision.apiKey !== undefined) await vault.set('smileid.apiKey', provision.apiKey);
  if (provision.operatorPin !== undefined) await store.setPin(provision.operatorPin);
  store.markProvisioned();
  log.info('provisioning.applied', {
    source,
    settings: Object.keys(provision.settings ?? {}).join(','),
    apiKey: provision.apiKey !== undefined,
    operatorPin: provision.operatorPin !== undefined,
  });
}

/** Deployment tools often pass unset variables as empty strings; those mean "not given". */
function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
