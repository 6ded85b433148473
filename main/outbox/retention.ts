// What may not stay on the kiosk: final records past the retention period (with their folders), the images
// of final jobs that a crash left behind between the result and their deletion, and the images of any other
// job past their maximum age (image-expiry.ts).
import { DONE_STATES } from '../../app/job-states';
import type { Logger } from '../log';
import { mustPurgeImages } from './image-expiry';
import type { JobFolders } from './job-folder';
import type { JobIndex } from './job-index';
import type { JobRecord } from './job-record';

const DAY_MS = 86_400_000;

export interface RetentionSweep {
  readonly index: JobIndex;
  readonly folders: JobFolders;
  readonly now: number;
  readonly retentionDays: number;
  readonly log: Logger;
  /** An attempt is running on the job (it may be writing to the folder). */
  readonly isBusy: (jobId: string) => boolean;
  /** A job's folder and record are gone for good. */
  readonly onRemoved: (jobId: string) => void;
}

/** Removes done jobs (approved, rejected, submitted) completed longer ago than the retention period (in the background). */
export function sweepRetention(sweep: RetentionSweep): void {
  const { index, folders, log } = sweep;
  const cutoff = sweep.now - sweep.retentionDays * DAY_MS;
  for (const record of [...index.all()]) {
    if (record.completedAt === null || record.completedAt >= cutoff) continue;
    if (!DONE_STATES.includes(record.state)) continue;
    // Its last writes (the images' deletion, the record saying so) may still be in flight: removing the
    // folder under them would leave part of it behind. The next sweep takes it, as discard() waits too.
    if (sweep.isBusy(record.jobId)) continue;
    void folders.remove(record.jobId).then(
      () => {
        index.delete(record.jobId);
        sweep.onRemoved(record.jobId);
      },
      (error: unknown) => log.error('retention_remove_failed', { jobId: record.jobId, error: String(error) }),
    );
  }
}

/** A crash between a final result and its image deletion left images behind: delete them now (background). */
export function sweepLeftoverImages(
  index: JobIndex,
  deleteImagesOf: (record: JobRecord) => Promise<unknown>,
  log: Logger,
): void {
  for (const record of [...index.all()]) {
    if (!DONE_STATES.includes(record.state) || record.imagesDeleted) continue;
    void deleteImagesOf(record).catch((error: unknown) =>
      log.error('image_delete_failed', { jobId: record.jobId, error: String(error) }),
    );
  }
}

export interface ImageExpirySweep {
  readonly index: JobIndex;
  readonly now: number;
  readonly maxImageAgeDays: number;
  /** An attempt is running on the job, or its photos are being purged already. */
  readonly isBusy: (jobId: string) => boolean;
  /** Purges one job's photos in the background; the caller holds the job until it is done. */
  readonly purge: (record: JobRecord) => void;
}

/**
 * Purges the photos of every job without a final result older than the maximum age. A job with a running
 * attempt is skipped (it may be uploading them right now); the attempt checks the age itself before it sends,
 * and the next sweep takes the job once it is idle.
 */
export function sweepExpiredImages(sweep: ImageExpirySweep): void {
  for (const record of [...sweep.index.all()]) {
    if (!mustPurgeImages(record, sweep.now, sweep.maxImageAgeDays)) continue;
    if (sweep.isBusy(record.jobId)) continue;
    sweep.purge(record);
  }
}
