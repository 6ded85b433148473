// The names of problems that are the kiosk's own rather than a Smile ID answer, as main records them on a job
// (JobError `kind` + `code`) or on the paused queue (CircuitStatus `kind` + `code`). Screens say them in the
// operator's language by these names (renderer/i18n/describe.ts); the English `reason` and `action` beside them
// in the same records are for main's logs and engineers, never shown.
// Smile ID's own failures are named by app/smileid/failure-kinds.ts (kind) and error-codes.ts (api_error code).

/** JobError.kind of a job the kiosk cannot send from its own files; `code` is one of INTERNAL_JOB_PROBLEMS. */
export const INTERNAL_KIND = 'internal';

export const INTERNAL_JOB_PROBLEMS = [
  /** The job key was destroyed (result, discard, expiry): the photos can never be read again. */
  'photos_deleted',
  /** The job's sealed files could not be read (damaged or changed). */
  'files_unreadable',
  /** The job's folder is missing at start-up. */
  'files_missing',
] as const;
export type InternalJobProblem = (typeof INTERNAL_JOB_PROBLEMS)[number];

/** JobError.kind of a job whose photos reached their maximum age; `code` is one of IMAGES_EXPIRED_PROBLEMS. */
export const IMAGES_EXPIRED_KIND = 'images_expired';

export const IMAGES_EXPIRED_PROBLEMS = [
  /** Smile ID never confirmed receiving the photos: the job can never be sent. */
  'cannot_send',
  /** Smile ID has the photos and its answer can still come; nothing to do. */
  'answer_pending',
  /** As answer_pending, but the job waits for the operator: Retry asks Smile ID (no photos are sent). */
  'answer_pending_retry',
] as const;
export type ImagesExpiredProblem = (typeof IMAGES_EXPIRED_PROBLEMS)[number];

/** CircuitStatus.kind of a pause that no Smile ID answer caused (otherwise it is the failure's own kind). */
export const CIRCUIT_PROBLEMS = [
  /** No partner ID or API key: nothing can be sent. */
  'not_configured',
  /** Smile ID refused a signature and the kiosk clock is known to be off. */
  'clock_wrong',
] as const;
export type CircuitProblem = (typeof CIRCUIT_PROBLEMS)[number];
