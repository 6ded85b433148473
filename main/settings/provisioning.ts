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
// A refused start writes nothing: the composition root takes the request out of the environment and checks it
// (checkProvisioning) before the settings file or the vault is first written.
import { readFile, stat, unlink } from 'node:fs/promises';
import { z } from 'zod';
import { KioskError } from '../../app/errors';
import { settingsPatchSchema, settingsSchema, type Settings, type SettingsPatch } from '../../app/settings';
import { apiKeySchema } from '../../app/settings-issues';
import type { Logger } from '../log';
import type { SecretVault } from '../secure/secret-vault';
import { BaseUrlError, environmentForBaseUrl } from './base-url';
import {
  DELIVERY_AND_LOCATION_VARIABLES,
  deliveryAndLocationSettings,
} from './delivery-and-location-variables';
import { describeIssues } from './describe-issues';
import { refuseUnsafeDestination } from './destination';
import { ProvisioningError, type ProvisioningSource } from './errors';
import { isValidPinFormat, OPERATOR_PIN_PATTERN, OPERATOR_PIN_RULE } from './pin';
import { refuseUndeliverableResults } from './result-delivery-rule';
import type { SettingsStore } from './settings-store';

export const PROVISION_FILE_VARIABLE = 'KIOSK_PROVISION';
export const PROVISION_ENV_VARIABLES = [
  'SMILEID_BASE_URL',
  'SMILEID_PARTNER_ID',
  'SMILEID_API_KEY',
  'KIOSK_OPERATOR_PIN',
  'KIOSK_ID',
  'BRANCH',
  ...DELIVERY_AND_LOCATION_VARIABLES,
] as const;
export type ProvisionEnvVariable = (typeof PROVISION_ENV_VARIABLES)[number];

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

/** What provisioning was given: the file KIOSK_PROVISION names and the variables, taken from the environment. */
export class ProvisioningRequest {
  private constructor(
    readonly filePath: string | undefined,
    readonly values: ReadonlyMap<ProvisionEnvVariable, string>,
  ) {}

  /** Reads the variables and deletes them from `env`: from here on the secrets live only in this object. */
  static take(env: Record<string, string | undefined>): ProvisioningRequest {
    const filePath = nonEmpty(env[PROVISION_FILE_VARIABLE]);
    const values = new Map<ProvisionEnvVariable, string>();
    for (const name of PROVISION_ENV_VARIABLES) {
      const value = nonEmpty(env[name]);
      if (value !== undefined) values.set(name, value);
    }
    for (const name of [PROVISION_FILE_VARIABLE, ...PROVISION_ENV_VARIABLES])
      Reflect.deleteProperty(env, name);
    return new ProvisioningRequest(filePath, values);
  }
}

export interface ProvisionDeps {
  readonly store: SettingsStore;
  readonly vault: SecretVault;
  /** process.env (its provisioning variables are deleted once read), or the request already taken from it. */
  readonly env: Record<string, string | undefined> | ProvisioningRequest;
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
  const { store, log } = deps;
  const { filePath, values } =
    deps.env instanceof ProvisioningRequest ? deps.env : ProvisioningRequest.take(deps.env);

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

/**
 * Checks everything first-start provisioning would apply to `current` — the file (mode, JSON, fields) or the
 * variables, then the settings they produce and where those send — without writing anything. Throws
 * ProvisioningError, as provisionOnFirstStart would, but before the settings file or the vault is touched.
 */
export async function checkProvisioning(
  request: ProvisioningRequest,
  current: Settings,
  developmentEndpoints: boolean,
): Promise<void> {
  if (request.filePath !== undefined) {
    const { settings } = await readProvisionFile(request.filePath);
    checkSettings('file', current, settings, developmentEndpoints);
  } else if (request.values.size > 0) {
    checkSettings('env', current, provisionFromEnv(request.values).settings, developmentEndpoints);
  }
}

async function provisionFromFile(
  deps: ProvisionDeps,
  filePath: string,
  options: { readonly requirePin: boolean } = { requirePin: false },
): Promise<ProvisionReport> {
  const { settings, apiKey, operatorPin } = await readProvisionFile(filePath);
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

/** The file, checked: owner-only, JSON, the schema. Throws ProvisioningError naming the problem, never a value. */
async function readProvisionFile(filePath: string): Promise<ProvisionFile> {
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
  return parsed.data;
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
  Object.assign(
    settings,
    deliveryAndLocationSettings((name) => values.get(name)),
  );
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
    checkSettings(source, store.get(), provision.settings, developmentEndpoints === true);
    store.update(provision.settings);
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

/**
 * The settings a provisioning would produce must be valid and send only where the endpoint policy allows. They
 * may still lack what sending needs (an installer can leave the API key to the operator): the setup screen asks
 * for the PIN and the rest, so such a kiosk is unfinished, never locked out.
 */
function checkSettings(
  source: ProvisioningSource,
  current: Settings,
  patch: SettingsPatch | undefined,
  developmentEndpoints: boolean,
): void {
  if (patch === undefined) return;
  const merged = settingsSchema.safeParse({ ...current, ...patch });
  if (!merged.success) {
    throw new ProvisioningError(
      source,
      `The provisioned settings were refused: ${describeIssues(merged.error, 'setting')}.`,
    );
  }
  try {
    refuseUnsafeDestination(merged.data, patch, {
      allowLoopbackHttp: developmentEndpoints,
      allowedCustomApiHosts: merged.data.allowedCustomApiHosts,
    });
    refuseUndeliverableResults(merged.data);
  } catch (error) {
    if (!(error instanceof KioskError)) throw error;
    throw new ProvisioningError(source, `The provisioned settings were refused: ${error.message}`, {
      cause: error,
    });
  }
}

/** Deployment tools often pass unset variables as empty strings; those mean "not given". */
function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
