// Every change of a job's record goes through here: the folder's sealed record.bin first (the durable truth),
// then the index (the start-up cache), the scheduler's queues and the listeners.
import type { KioskEvent } from '../../app/queue';
import type { JobFolders } from './job-folder';
import type { JobIndex } from './job-index';
import type { JobQueues } from './job-queues';
import { toSummary, type JobRecord } from './job-record';

export class JobRecordStore {
  constructor(
    private readonly index: JobIndex,
    private readonly folders: JobFolders,
    private readonly queues: JobQueues,
    private readonly emit: (event: KioskEvent) => void,
  ) {}

  async save(record: JobRecord): Promise<JobRecord> {
    await this.folders.writeRecord(record);
    this.index.put(record);
    this.queues.place(record);
    this.emit({ type: 'job', job: toSummary(record) });
    return record;
  }

  /** The folder's record.bin is the truth; the index may lag by a flush after a crash. */
  async reconcileWithFolder(record: JobRecord): Promise<JobRecord> {
    const stored = await this.folders.readRecord(record.jobId);
    if (
      stored.updatedAt > record.updatedAt ||
      (stored.updatedAt === record.updatedAt && stored.state !== record.state)
    ) {
      this.index.put(stored);
      this.queues.place(stored);
      return stored;
    }
    return record;
  }

  /** Final: the selfie has done its job and must not stay on the kiosk. */
  async deleteImagesOf(record: JobRecord): Promise<JobRecord> {
    await this.folders.deleteImages(record.jobId);
    return this.save({ ...record, imagesDeleted: true });
  }
}
