// Where the kiosk stands, as an installer or supervisor enters it in settings (a kiosk has no GPS; a bank
// branch does not move). Every enrollment carries it to Smile ID (docs/smileid-protocol.md §10): as the
// prep_upload `metadata` geolocation entry Smile ID's own SDKs send, and as string partner_params so it also
// reaches the bank's callback.
import { z } from 'zod';

export const kioskLocationSchema = z.object({
  /** WGS 84 degrees, as a map or a phone shows them. */
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  /** How far the true position may be from the one entered, in metres (a branch's street address: ~50). */
  accuracyMeters: z.number().min(0).max(100_000),
  /** The branch or town as staff say it, e.g. "Mombasa, Moi Avenue"; may be empty. */
  placeName: z.string().trim().max(120),
});
export type KioskLocation = z.infer<typeof kioskLocationSchema>;

/**
 * The accuracy words of Smile ID's geolocation metadata, with the bounds its Android SDK uses: under 20 m is
 * "precise", under 100 m "approximate", anything else "unknown".
 */
export const GEO_ACCURACY_CLASSES = ['precise', 'approximate', 'unknown'] as const;
export type GeoAccuracyClass = (typeof GEO_ACCURACY_CLASSES)[number];

const ACCURACY_BOUNDS: readonly { readonly belowMeters: number; readonly accuracy: GeoAccuracyClass }[] = [
  { belowMeters: 20, accuracy: 'precise' },
  { belowMeters: 100, accuracy: 'approximate' },
];

export function geoAccuracyClass(accuracyMeters: number): GeoAccuracyClass {
  return ACCURACY_BOUNDS.find((bound) => accuracyMeters < bound.belowMeters)?.accuracy ?? 'unknown';
}
