// Polls job_status until Smile ID reports a complete job, within an interval schedule and an overall deadline.
// Unlike the official Node SDK (which retries a failing call forever), every failed call counts against the
// same budget; a permanent or systemic API error stops at once.
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_SETTINGS } from '../../app/settings';
import type { JobIds, SmileIdClient } from './client';
import { SmileIdError } from './errors';
import type { JobStatusResponse } from './wire';

export interface PollSchedule {
  /** Wait before each call; the last value repeats. The first entry is the wait before the first call. */
  readonly intervalsMs: readonly number[];
  /** No call starts after this long from the start of polling. */
  readonly deadlineMs: number;
  /** An upper bound on calls, whatever the deadline. */
  readonly maxCalls: number;
}

const DEFAULT_INTERVALS_MS: readonly number[] = [1_000, 2_000, 2_000, 4_000, 8_000];

/**
 * The schedule for a polling deadline (settings.jobStatusPollingTimeoutSeconds): the default intervals, and
 * as many calls as fit in the deadline at those intervals, so a longer deadline is not cut short by the count.
 */
export function pollScheduleFor(deadlineMs: number): PollSchedule {
  let calls = 0;
  for (let waited = 0; ; calls++) {
    waited += DEFAULT_INTERVALS_MS[Math.min(calls, DEFAULT_INTERVALS_MS.length - 1)] ?? 0;
    if (waited > deadlineMs) break;
  }
  return { intervalsMs: DEFAULT_INTERVALS_MS, deadlineMs, maxCalls: Math.max(calls, 1) };
}

/** Wait 1 s, 2 s, 2 s, 4 s, then 8 s; no call after the default deadline (120 s, from app/settings.ts). */
export const DEFAULT_POLL_SCHEDULE: PollSchedule = pollScheduleFor(
  DEFAULT_SETTINGS.jobStatusPollingTimeoutSeconds * 1000,
);

export interface PollOptions {
  readonly signal?: AbortSignal;
  /** Observes each answer or failure (for logs and progress). */
  readonly onAttempt?: (attempt: number, outcome: JobStatusResponse | SmileIdError) => void;
}

export async function pollJobStatus(
  client: Pick<SmileIdClient, 'jobStatus'>,
  ids: JobIds,
  schedule: PollSchedule = DEFAULT_POLL_SCHEDULE,
  options: PollOptions = {},
): Promise<JobStatusResponse> {
  const startedAt = Date.now();
  let lastFailure: SmileIdError | undefined;
  for (let call = 0; call < schedule.maxCalls; call++) {
    const wait = schedule.intervalsMs[Math.min(call, schedule.intervalsMs.length - 1)] ?? 0;
    if (Date.now() + wait - startedAt > schedule.deadlineMs) break;
    if (wait > 0) await sleep(wait, undefined, { signal: options.signal });
    try {
      const status = await client.jobStatus(ids);
      options.onAttempt?.(call + 1, status);
      if (status.job_complete) return status;
      lastFailure = undefined;
    } catch (error) {
      if (!(error instanceof SmileIdError)) throw error;
      options.onAttempt?.(call + 1, error);
      // Polling again cannot fix a refused request or an answer that fails verification.
      if (error.errorClass !== 'transient') throw error;
      lastFailure = error;
    }
  }
  throw (
    lastFailure ??
    new SmileIdError({ kind: 'result_pending', detail: `job ${ids.jobId} not complete in time` })
  );
}
