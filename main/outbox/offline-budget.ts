// How much a kiosk may hold while it cannot send. Past any limit, new captures are refused with a reason,
// rather than accepting enrollments that may never leave the machine.
import type { OfflineBudget } from '../../app/settings';

export interface QueueLoad {
  readonly oldestWaitingCreatedAt: number | null;
  readonly waitingJobs: number;
  readonly freeDiskBytes: number | null;
}

export type BudgetProblem =
  | { readonly kind: 'too_old'; readonly reason: string }
  | { readonly kind: 'too_many'; readonly reason: string }
  | { readonly kind: 'disk_low'; readonly reason: string };

const HOUR_MS = 3_600_000;

export function checkOfflineBudget(
  load: QueueLoad,
  budget: OfflineBudget,
  now: number,
): BudgetProblem | null {
  if (load.freeDiskBytes !== null && load.freeDiskBytes < budget.minFreeDiskMb * 1024 * 1024) {
    return { kind: 'disk_low', reason: `Less than ${budget.minFreeDiskMb} MB of disk is free on the kiosk.` };
  }
  if (load.waitingJobs >= budget.maxQueuedJobs) {
    return {
      kind: 'too_many',
      reason: `${load.waitingJobs} enrollments are waiting to be sent (limit ${budget.maxQueuedJobs}).`,
    };
  }
  if (
    load.oldestWaitingCreatedAt !== null &&
    now - load.oldestWaitingCreatedAt > budget.maxOldestQueuedHours * HOUR_MS
  ) {
    const hours = Math.floor((now - load.oldestWaitingCreatedAt) / HOUR_MS);
    return {
      kind: 'too_old',
      reason: `The oldest unsent enrollment has waited ${hours} h (limit ${budget.maxOldestQueuedHours} h).`,
    };
  }
  return null;
}
