// What an enrollment says about where and by whom it was captured (docs/smileid-protocol.md §10). Smile ID
// echoes partner_params back in every result and callback, so these strings are how the bank's server learns
// the kiosk, branch, operator and place of each enrollment. The outbox takes them when the capture is saved
// and seals them in the job's manifest: they describe the moment of capture, and a later change of settings
// does not rewrite them. The geolocation metadata entry is derived from the same sealed strings, so what
// prep_upload's metadata says and what the bank's callback says can never disagree.
import { geoAccuracyClass, type KioskLocation } from '../../app/kiosk-location';
import { GEOLOCATION_METADATA_NAME, type GeolocationValue, type Metadatum } from './wire';

/** No signed-in operator (a job enqueued by a tool, not the kiosk's enrollment call): sent as ''. */
export const NO_NAMED_OPERATOR = '';

export interface CaptureContext {
  readonly kioskId: string;
  readonly branch: string;
  /** The signed-in operator whose shift captured it (docs/operators.md); NO_NAMED_OPERATOR without one. */
  readonly operatorId: string;
  readonly location: KioskLocation | null;
}

/** The partner_params keys the kiosk adds to user_id, job_id and job_type. */
export const CAPTURE_PARAM_KEYS = {
  kioskId: 'kiosk_id',
  branch: 'branch',
  operatorId: 'operator_id',
  latitude: 'geo_latitude',
  longitude: 'geo_longitude',
  accuracyMeters: 'geo_accuracy_m',
  placeName: 'geo_place',
} as const;

/**
 * The capture's partner_params, every value a string (Smile ID refuses other types for custom keys). Without a
 * location the geo_* keys are left out rather than sent empty: the bank's server then sees "no location", not
 * four "null" strings.
 */
export function capturePartnerParams(context: CaptureContext): Record<string, string> {
  const keys = CAPTURE_PARAM_KEYS;
  const params: Record<string, string> = {
    [keys.kioskId]: context.kioskId,
    [keys.branch]: context.branch,
    [keys.operatorId]: context.operatorId,
  };
  const { location } = context;
  if (location === null) return params;
  return {
    ...params,
    // String(number) is JavaScript's shortest exact form: Number() reads back the very same value.
    [keys.latitude]: String(location.latitude),
    [keys.longitude]: String(location.longitude),
    [keys.accuracyMeters]: String(location.accuracyMeters),
    [keys.placeName]: location.placeName,
  };
}

/**
 * The geolocation metadata entry for a capture's sealed partner_params, or null when they hold no location
 * (none was set, or the job was saved before locations existed). `capturedAt` stamps the entry, as the SDKs
 * stamp it with the moment the position was read.
 */
export function geolocationMetadatum(
  partnerParams: Readonly<Record<string, string>>,
  capturedAt: number,
): Metadatum | null {
  const keys = CAPTURE_PARAM_KEYS;
  const latitude = numberOf(partnerParams[keys.latitude]);
  const longitude = numberOf(partnerParams[keys.longitude]);
  const accuracyMeters = numberOf(partnerParams[keys.accuracyMeters]);
  if (latitude === null || longitude === null || accuracyMeters === null) return null;
  const value: GeolocationValue = {
    latitude,
    longitude,
    accuracy: geoAccuracyClass(accuracyMeters),
    source: 'unknown',
  };
  return { name: GEOLOCATION_METADATA_NAME, value, timestamp: new Date(capturedAt).toISOString() };
}

function numberOf(text: string | undefined): number | null {
  if (text === undefined || text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}
