// The enrollment reference: a random UUID v4 the renderer makes when the operator accepts a customer's user ID.
// It is shown (short form) on the consent, review and result screens so staff and customer can name this
// enrollment before any job exists, and submitEnrollment carries it: main uses it as the job ID, so the same
// submission sent twice (a double tap, a retried request whose answer was lost) is one enrollment, not two.
import { z } from 'zod';

/**
 * Lower-case canonical form only. Job IDs name folders on disk: two spellings of one UUID ("3F9A…" and "3f9a…")
 * would be different jobs in the index but the same folder on a case-insensitive file system (Windows), so only
 * the form crypto.randomUUID() produces is accepted.
 */
export const ENROLLMENT_REFERENCE_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export const enrollmentReferenceSchema = z
  .string()
  .regex(ENROLLMENT_REFERENCE_PATTERN, 'expected an enrollment reference (a lower-case UUID v4)');

/**
 * What people read and say aloud: the first 8 hex digits, upper case, in two groups ("3F9A-21C0"). 32 bits are
 * plenty to tell one kiosk's enrollments apart; the operator panel and the logs keep the full reference.
 */
export function shortReference(reference: string): string {
  const head = reference.replace(/-/g, '').slice(0, 8).toUpperCase();
  return `${head.slice(0, 4)}-${head.slice(4)}`;
}
