// The scheduler's view of the index: which jobs wait to be sent (active states, in creation order) and which
// are provisional (polled at long intervals). Kept in step with every saved record.
import { ACTIVE_STATES } from '../../app/job-states';
import type { JobIndex } from './job-index';
import type { JobRecord } from './job-record';

export class JobQueues {
  /** Jobs waiting to be sent, in creation order (a Set keeps insertion order): the scheduler's queue. */
  private waiting = new Set<string>();
  private readonly provisional = new Set<string>();

  constructor(private readonly index: JobIndex) {
    this.rebuild();
  }

  get waitingCount(): number {
    return this.waiting.size;
  }

  /** The oldest job still waiting to be sent (the offline budget's age limit looks at it). */
  oldestWaiting(): JobRecord | undefined {
    const oldest = this.waiting.values().next();
    return oldest.done ? undefined : this.index.get(oldest.value);
  }

  waitingIds(): IterableIterator<string> {
    return this.waiting.values();
  }

  /** Due job ids, waiting ones first (oldest first), then provisional ones; reports later due times. */
  *dueJobs(now: number, running: ReadonlySet<string>, report: (dueAt: number) => void): Iterable<string> {
    for (const queue of [this.waiting, this.provisional]) {
      for (const jobId of queue) {
        if (running.has(jobId)) continue;
        const dueAt = this.index.get(jobId)?.nextAttemptAt;
        if (dueAt === null || dueAt === undefined) continue;
        if (dueAt <= now) yield jobId;
        else report(dueAt);
      }
    }
  }

  /** Puts a just-saved record in the queue its state belongs to, and out of the others. */
  place(record: JobRecord): void {
    if (ACTIVE_STATES.includes(record.state)) {
      if (!this.waiting.has(record.jobId)) this.insertWaiting(record);
    } else {
      this.waiting.delete(record.jobId);
    }
    if (record.state === 'provisional') this.provisional.add(record.jobId);
    else this.provisional.delete(record.jobId);
  }

  /** A new job, always the newest: appended without a look at the others. */
  addNewest(jobId: string): void {
    this.waiting.add(jobId);
  }

  removeFromWaiting(jobId: string): void {
    this.waiting.delete(jobId);
  }

  remove(jobId: string): void {
    this.waiting.delete(jobId);
    this.provisional.delete(jobId);
  }

  /** Keeps `waiting` in creation order when an old job comes back (operator retry). */
  private insertWaiting(record: JobRecord): void {
    const last = [...this.waiting].at(-1);
    const lastCreated = last ? (this.index.get(last)?.createdAt ?? 0) : 0;
    if (record.createdAt >= lastCreated) {
      this.waiting.add(record.jobId);
      return;
    }
    this.waiting.add(record.jobId);
    this.rebuild();
  }

  private rebuild(): void {
    const records = [...this.index.all()].sort((a, b) => a.createdAt - b.createdAt);
    this.waiting = new Set(records.filter((r) => ACTIVE_STATES.includes(r.state)).map((r) => r.jobId));
    this.provisional.clear();
    for (const r of records) if (r.state === 'provisional') this.provisional.add(r.jobId);
  }
}
