// The maximum age of the photos of a job without a final result (settings.maxImageAgeDays, security review
// finding 7: biometrics must not stay on the kiosk without limit). A final result deletes them at once
// (attempt.ts); any other job loses them this many days after capture, whatever its state, once no attempt
// is running on it. What the job does afterwards depends on whether Smile ID already holds the photos:
//   - provisional: Smile ID's reviewers have them. The job stays provisional and keeps being polled, since
//     its answer will still come; sending them again is never needed. A note says the photos are gone.
//   - upload confirmed (a PUT answered 200 earlier): job_status alone can still give the answer, so a queued
//     job keeps its turn and only polls; in needs_attention, Retry does the same (no photos are sent).
//   - otherwise the job can never be sent: needs_attention, telling the operator to enroll the customer again.
import { IMAGES_EXPIRED_KIND, type ImagesExpiredProblem } from '../../app/job-problems';
import { DONE_STATES, type JobState } from '../../app/job-states';
import type { JobError } from '../../app/queue';
import type { JobRecord } from './job-record';
import type { JobRecordStore } from './job-record-store';
import { transition } from './state-machine';

const DAY_MS = 86_400_000;

/** JobError.kind of a job whose photos expired (its `code` says what follows: app/job-problems.ts). */
export const IMAGES_EXPIRED = IMAGES_EXPIRED_KIND;

export function imagesExpireAt(record: JobRecord, maxImageAgeDays: number): number {
  return record.createdAt + maxImageAgeDays * DAY_MS;
}

/** Smile ID holds the photos already: the job's answer needs job_status only. */
export function resultNeedsNoImages(record: JobRecord): boolean {
  return record.state === 'provisional' || record.progress.uploadConfirmed;
}

/** Must the job's photos be deleted now (or, if already gone, the job stopped from trying to send them)? */
export function mustPurgeImages(record: JobRecord, now: number, maxImageAgeDays: number): boolean {
  // A done job's photos go with its result or its confirmed upload (attempt.ts, retention.ts's leftover sweep).
  if (DONE_STATES.includes(record.state)) return false;
  if (record.imagesDeleted) return record.state !== 'needs_attention' && !resultNeedsNoImages(record);
  return now >= imagesExpireAt(record, maxImageAgeDays);
}

function deletedAfter(days: number): string {
  const age = `${days} day${days === 1 ? '' : 's'}`;
  return `The customer's photos were deleted from this kiosk ${age} after capture (the longest it may keep them).`;
}

/** Why a job without its photos can never be sent (lastError, and the refusal of Retry). */
export function cannotBeSentError(days: number): JobError {
  return {
    kind: IMAGES_EXPIRED,
    code: 'cannot_send' satisfies ImagesExpiredProblem,
    errorClass: 'permanent',
    reason: `${deletedAfter(days)} Smile ID had not confirmed receiving them, so this enrollment can no longer be sent.`,
    action: 'Enroll the customer again (new consent and photos), then discard this entry.',
  };
}

function answerStillComesNote(days: number, state: JobState): JobError {
  const retryAsks = state === 'needs_attention';
  return {
    kind: IMAGES_EXPIRED,
    code: (retryAsks ? 'answer_pending_retry' : 'answer_pending') satisfies ImagesExpiredProblem,
    errorClass: 'permanent',
    reason: `${deletedAfter(days)} Smile ID had already received them, so its answer can still arrive.`,
    action: retryAsks
      ? 'Press Retry to ask Smile ID for its answer (no photos are sent); if it asks for new photos, enroll the customer again.'
      : 'Nothing to do now; if Smile ID asks for new photos, enroll the customer again.',
  };
}

/** The job as it must stand once its photos are gone (the images are not deleted by this function). */
export function recordWithoutImages(record: JobRecord, days: number, now: number): JobRecord {
  if (resultNeedsNoImages(record)) {
    const lastError = answerStillComesNote(days, record.state);
    if (record.state === 'provisional') return transition(record, 'provisional', now, { lastError });
    // needs_attention → needs_attention is no state change (the table has no such move): only the note changes.
    if (record.state === 'needs_attention') return { ...record, lastError, updatedAt: now };
    // A queued job keeps its turn; an attempt a crash cut short resumes from queued, as attempt.ts does.
    return transition(record, 'queued', now, { lastError });
  }
  const lastError = cannotBeSentError(days);
  if (record.state === 'needs_attention')
    return { ...record, lastError, nextAttemptAt: null, updatedAt: now };
  return transition(record, 'needs_attention', now, { lastError, nextAttemptAt: null });
}

/**
 * Deletes an expired job's photos and makes the job say so. The caller must hold the job (no attempt running
 * on it, none started until this resolves). The folder's record is the truth (the index may lag after a crash):
 * the decision is taken on it. The job's new course is saved before any file goes, so a crash in between leaves
 * a job that no longer tries to send, and still has `imagesDeleted: false` for the next sweep to finish.
 */
export async function purgeExpiredImages(
  records: JobRecordStore,
  record: JobRecord,
  maxImageAgeDays: number,
  now: number,
): Promise<JobRecord> {
  const current = await records.reconcileWithFolder(record);
  if (!mustPurgeImages(current, now, maxImageAgeDays)) return current;
  const decided = await records.save(recordWithoutImages(current, maxImageAgeDays, now));
  return records.deleteImagesOf(decided);
}

/** A provisional job keeps the note that its photos are gone while later polls leave it provisional. */
export function keepsImagesNote(record: JobRecord, nextState: JobState): JobError | null {
  return nextState === 'provisional' && record.lastError?.kind === IMAGES_EXPIRED ? record.lastError : null;
}

/** Why Retry must refuse the job (its photos are gone or past their age, and Smile ID never got them), or null. */
export function retryRefusal(record: JobRecord, now: number, maxImageAgeDays: number): JobError | null {
  if (resultNeedsNoImages(record)) return null;
  if (!record.imagesDeleted && now < imagesExpireAt(record, maxImageAgeDays)) return null;
  // The note written when they were deleted names the age limit of that day.
  return record.lastError?.kind === IMAGES_EXPIRED ? record.lastError : cannotBeSentError(maxImageAgeDays);
}
