// The provisioning variables for where results go and where the kiosk stands (provisioning.ts reads the others):
//   SMILEID_CALLBACK_URL                        settings.callbackUrl
//   SMILEID_JOB_STATUS_POLLING_TIMEOUT_SECONDS  settings.jobStatusPollingTimeoutSeconds (0 = never poll)
//   KIOSK_LATITUDE, KIOSK_LONGITUDE             settings.location, in degrees (a dot for decimals) ...
//   KIOSK_LOCATION_ACCURACY_M                   ... with its accuracy in metres ...
//   KIOSK_PLACE                                 ... and, optionally, the place name
// A location is all three numbers or none: half a position would send a wrong one. Errors name the variable,
// never its value.
import { settingsSchema, type SettingsPatch } from '../../app/settings';
import { kioskLocationSchema } from '../../app/kiosk-location';
import { ProvisioningError } from './errors';

export const DELIVERY_AND_LOCATION_VARIABLES = [
  'SMILEID_CALLBACK_URL',
  'SMILEID_JOB_STATUS_POLLING_TIMEOUT_SECONDS',
  'KIOSK_LATITUDE',
  'KIOSK_LONGITUDE',
  'KIOSK_LOCATION_ACCURACY_M',
  'KIOSK_PLACE',
] as const;
export type DeliveryAndLocationVariable = (typeof DELIVERY_AND_LOCATION_VARIABLES)[number];

const LOCATION_NUMBERS = ['KIOSK_LATITUDE', 'KIOSK_LONGITUDE', 'KIOSK_LOCATION_ACCURACY_M'] as const;

/** The settings these variables set (only those given). Throws ProvisioningError naming a bad variable. */
export function deliveryAndLocationSettings(
  value: (name: DeliveryAndLocationVariable) => string | undefined,
): SettingsPatch {
  const settings: SettingsPatch = {};
  const callbackUrl = value('SMILEID_CALLBACK_URL');
  if (callbackUrl !== undefined) {
    settings.callbackUrl = parsed(
      'SMILEID_CALLBACK_URL',
      settingsSchema.shape.callbackUrl.safeParse(callbackUrl),
    );
  }
  const timeout = value('SMILEID_JOB_STATUS_POLLING_TIMEOUT_SECONDS');
  if (timeout !== undefined) {
    settings.jobStatusPollingTimeoutSeconds = parsed(
      'SMILEID_JOB_STATUS_POLLING_TIMEOUT_SECONDS',
      settingsSchema.shape.jobStatusPollingTimeoutSeconds.safeParse(numberOf(timeout)),
    );
  }
  const given = LOCATION_NUMBERS.filter((name) => value(name) !== undefined);
  if (given.length === 0) {
    if (value('KIOSK_PLACE') !== undefined) {
      throw new ProvisioningError('env', `KIOSK_PLACE needs ${LOCATION_NUMBERS.join(', ')} as well.`);
    }
    return settings;
  }
  if (given.length < LOCATION_NUMBERS.length) {
    const missing = LOCATION_NUMBERS.filter((name) => value(name) === undefined);
    throw new ProvisioningError('env', `A kiosk location needs ${missing.join(' and ')} as well.`);
  }
  const location = kioskLocationSchema.safeParse({
    latitude: numberOf(value('KIOSK_LATITUDE')),
    longitude: numberOf(value('KIOSK_LONGITUDE')),
    accuracyMeters: numberOf(value('KIOSK_LOCATION_ACCURACY_M')),
    placeName: value('KIOSK_PLACE') ?? '',
  });
  if (!location.success) {
    const issue = location.error.issues[0];
    const variable = VARIABLE_OF_FIELD[String(issue?.path[0])] ?? 'KIOSK_LATITUDE';
    throw new ProvisioningError('env', `${variable} is not valid: ${issue?.message ?? 'invalid'}.`);
  }
  settings.location = location.data;
  return settings;
}

const VARIABLE_OF_FIELD: Readonly<Record<string, DeliveryAndLocationVariable>> = {
  latitude: 'KIOSK_LATITUDE',
  longitude: 'KIOSK_LONGITUDE',
  accuracyMeters: 'KIOSK_LOCATION_ACCURACY_M',
  placeName: 'KIOSK_PLACE',
};

/** A number as typed ("-1.2921"); anything else (a comma for decimals, words) becomes NaN, which zod refuses. */
function numberOf(text: string | undefined): number {
  return text === undefined || text.trim() === '' ? Number.NaN : Number(text);
}

function parsed<T>(
  variable: DeliveryAndLocationVariable,
  result: { success: true; data: T } | { success: false; error: { issues: { message: string }[] } },
): T {
  if (result.success) return result.data;
  throw new ProvisioningError(
    'env',
    `${variable} is not valid: ${result.error.issues[0]?.message ?? 'invalid'}.`,
  );
}
