// First-start provisioning: an installer (or a deployment tool) configures a kiosk without touching its screen,
// either with a JSON file named by KIOSK_PROVISION or with SMILEID_* / KIOSK_OPERATOR_PIN variables. It runs
// once: the store's `provisioned` flag stops it afterwards, so an operator's later changes are never
// overwritten by a stale file or variable. The API key goes to the vault and the PIN is stored hashed; neither
// is ever logged or put in an error message, and the file (which holds the key in clear) is deleted.
import { access, readFile, unlink } from 'node:fs/promises';
import { z } from 'zod';
import { KioskError } from '../../app/errors';
import { settingsPatchSchema, settingsSchema, type SettingsPatch } from '../../app/settings';
import type { Logger } from '../log';
import type { SecretVault } from '../secure/secret-vault';
import { BaseUrlError, environmentForBaseUrl } from './base-url';
import { describeIssues } from './describe-issues';
import { ProvisioningError, type ProvisioningSource } from './errors';
import { isValidPinFormat, OPERATOR_PIN_PATTERN, OPERATOR_PIN_RULE } from './pin';
import type { SettingsStore } from './settings-store';

export const PROVISION_FILE_VARIABLE = 'KIOSK_PROVISION';
export const PROVISION_ENV_VARIABLES = [
  'SMILEID_BASE_URL',
  'SMILEID_PARTNER_ID',
  'SMILEID_API_KEY',
  'KIOSK_OPERATOR_PIN',
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
  /** process.env in production. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly log: Logger;
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
  if (store.isProvisioned()) {
    if (filePath !== undefined && (await exists(filePath))) {
      // Not applied (it could undo the operator's changes), but it may hold an API key in clear: say so.
      log.warn('provisioning.file_ignored', { path: filePath, reason: 'already_provisioned' });
    }
    return { source: 'none' };
  }
  if (filePath !== undefined) return provisionFromFile(deps, filePath);

  const values = new Map<ProvisionEnvVariable, string>();
  for (const name of PROVISION_ENV_VARIABLES) {
    const value = nonEmpty(env[name]);
    if (value !== undefined) values.set(name, value);
  }
  if (values.size === 0) return { source: 'none' };
  await apply(deps, 'env', provisionFromEnv(values));
  return { source: 'env', variables: [...values.keys()] };
}

async function provisionFromFile(deps: ProvisionDeps, filePath: string): Promise<ProvisionReport> {
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
  await apply(deps, 'file', { settings, apiKey, operatorPin });

  let deletedFile = true;
  try {
    await unlink(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Already gone is what we wanted; anything else leaves the key on disk, which an administrator must fix.
    if (code !== 'ENOENT') {
      deletedFile = false;
      deps.log.error('provisioning.file_not_deleted', { path: filePath, code: code ?? 'error' });
    }
  }
  deps.log.info('provisioning.done', { source: 'file', deletedFile });
  return { source: 'file', deletedFile };
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
  { store, vault, log }: ProvisionDeps,
  source: ProvisioningSource,
  provision: Provision,
): Promise<void> {
  if (provision.settings !== undefined) {
    try {
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

async function exists(filePath: string): Promise<boolean> {
  try {
    await access(filePath);
    return true;
  } catch {
    return false;
  }
}
