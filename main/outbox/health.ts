// The queue's health as the operator screen shows it: how many jobs are in each state, how many were
// completed today, and the state of the link to Smile ID.
import { JOB_STATES, type JobState } from '../../app/job-states';
import type { CircuitStatus, HealthStatus } from '../../app/queue';
import type { JobRecord } from './job-record';

export interface QueueCounts {
  readonly counts: Record<JobState, number>;
  /**
   * Jobs Smile ID answered since local midnight: approved, rejected, or under review (provisional) — a job under
   * review was sent, and counts once, on the day of its first answer.
   */
  readonly sentToday: number;
}

export interface LinkStatus {
  readonly online: boolean;
  readonly circuit: CircuitStatus;
  readonly clockSkewMs: number | null;
  readonly clockSkewExceeded: boolean;
  readonly freeDiskBytes: number | null;
  readonly lastSuccessfulSendAt: number | null;
  readonly training: boolean;
}

export function countJobs(records: Iterable<JobRecord>, now: number): QueueCounts {
  const counts = Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as Record<JobState, number>;
  // "Today" is the kiosk's local day: what the branch staff mean by it.
  const startOfDay = new Date(now).setHours(0, 0, 0, 0);
  let sentToday = 0;
  for (const record of records) {
    counts[record.state]++;
    const sentAt = record.answeredAt ?? record.completedAt;
    if (sentAt !== null && sentAt >= startOfDay) sentToday++;
  }
  return { counts, sentToday };
}

export function healthStatus(queue: QueueCounts, link: LinkStatus): HealthStatus {
  return {
    online: link.online,
    circuit: link.circuit,
    clockSkewMs: link.clockSkewMs,
    clockSkewExceeded: link.clockSkewExceeded,
    freeDiskBytes: link.freeDiskBytes,
    counts: queue.counts,
    sentToday: queue.sentToday,
    lastSuccessfulSendAt: link.lastSuccessfulSendAt,
    training: link.training,
  };
}
