// A submission names its job ID (the renderer's enrollment reference, app/enrollment-reference.ts). The same
// reference arriving again — a double tap, a request retried after its answer was lost — is the same
// enrollment: it answers the job that exists instead of sealing a second one, so one capture stays one Smile ID
// job. The same reference with a different user ID is never that: it is refused, and says nothing about whose
// job the reference names.
import { KioskError } from '../../app/errors';
import type { JobRecord } from './job-record';

/**
 * The earlier job a submission repeats, or null when its reference is new. Throws KioskError 'not_allowed' when
 * the reference already names another customer's enrollment.
 */
export function repeatedJob(existing: JobRecord | undefined, userId: string): JobRecord | null {
  if (!existing) return null;
  if (existing.userId === userId) return existing;
  throw new KioskError(
    'not_allowed',
    'This enrollment reference already belongs to another enrollment on this kiosk.',
    'Go back to the start and enter the user ID again.',
  );
}
