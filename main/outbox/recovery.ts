// Start-up reconciliation of the index with the job folders. The folder is written before the index, so a
// crash between the two leaves an orphan folder: it is indexed again from its record. A record whose folder is
// gone can never be sent: it becomes needs_attention with that reason, so the operator recaptures.
import { DONE_STATES } from '../../app/job-states';
import type { Logger } from '../log';
import { internalJobError } from './attempt-outcome';
import type { JobFolders } from './job-folder';
import type { JobIndex } from './job-index';
import { transition } from './state-machine';

export interface RecoveryReport {
  readonly reindexedOrphans: number;
  readonly missingFolders: number;
  readonly unreadableFolders: number;
}

export async function reconcileIndexWithFolders(
  index: JobIndex,
  folders: JobFolders,
  now: number,
  log: Logger,
): Promise<RecoveryReport> {
  const folderIds = new Set(await folders.list());
  let reindexedOrphans = 0;
  let unreadableFolders = 0;
  for (const jobId of folderIds) {
    if (index.get(jobId)) continue;
    try {
      index.put(await folders.readRecord(jobId));
      reindexedOrphans++;
      log.info('job_reindexed_from_folder', { jobId });
    } catch (error) {
      // Left in place for a human: deleting it could destroy the only copy of a capture.
      unreadableFolders++;
      log.error('job_folder_unreadable', { jobId, error: String(error) });
    }
  }
  let missingFolders = 0;
  for (const record of [...index.all()]) {
    if (folderIds.has(record.jobId) || record.state === 'needs_attention') continue;
    // A done record needs no files any more (retention may have removed them).
    if (DONE_STATES.includes(record.state)) continue;
    missingFolders++;
    log.error('job_folder_missing', { jobId: record.jobId, state: record.state });
    index.put(
      transition(record, 'needs_attention', now, {
        nextAttemptAt: null,
        lastError: internalJobError(
          'files_missing',
          "The capture's files are missing from this kiosk, so it cannot be sent.",
          'Capture the customer again, then discard this entry.',
        ),
      }),
    );
  }
  return { reindexedOrphans, missingFolders, unreadableFolders };
}
