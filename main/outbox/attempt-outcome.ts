// What an attempt's outcome does to a job, as pure functions of (record, outcome, now): the outbox applies
// the returned record and the returned effect on the queue as a whole.
import { INTERNAL_KIND, type InternalJobProblem } from '../../app/job-problems';
import type { JobError } from '../../app/queue';
import type { SmileIdError } from '../smileid/errors';
import type { EnrollmentResult } from '../smileid/result';
import { backoffDelay, type BackoffPolicy } from './backoff';
import type { CircuitReason } from './circuit-breaker';
import { keepsImagesNote } from './image-expiry';
import type { JobRecord, Progress } from './job-record';
import { transition } from './state-machine';

/** What the whole queue must do after this attempt, beyond the job's own record. */
export type QueueEffect =
  | { readonly kind: 'none' }
  | { readonly kind: 'sent' }
  | { readonly kind: 'offline' }
  | { readonly kind: 'open_circuit'; readonly cause: CircuitReason };

export interface AttemptPolicy {
  readonly backoff: BackoffPolicy;
  readonly provisionalPollMs: number;
  readonly random: () => number;
}

export function recordAfterResult(
  record: JobRecord,
  result: EnrollmentResult,
  now: number,
  policy: AttemptPolicy,
) {
  const summary = {
    outcome: result.outcome,
    final: result.final,
    resultCode: result.resultCode,
    resultText: result.resultText,
    reason: result.reason,
    nextStep: result.nextStep,
    smileJobId: result.smileJobId,
  };
  const next = transition(record, result.outcome, now, {
    attempts: record.state === 'provisional' ? record.attempts : record.attempts + 1,
    result: summary,
    lastError: keepsImagesNote(record, result.outcome),
    smileJobId: result.smileJobId ?? record.smileJobId,
    completedAt: result.final ? now : null,
    // The first answer, provisional or final; a review that ends later does not make it "sent" again.
    answeredAt: record.answeredAt ?? now,
    nextAttemptAt: result.final ? null : now + policy.provisionalPollMs,
  });
  return { record: next, effect: { kind: 'sent' } as QueueEffect };
}

/**
 * Smile ID confirmed the upload and the kiosk does not poll (polling timeout 0): the job's part on the kiosk is
 * done, its result goes to the bank's callback. It counts as sent today, and retention starts now.
 */
export function recordAfterSubmit(record: JobRecord, progress: Progress, now: number) {
  const next = transition(record, 'submitted', now, {
    attempts: record.attempts + 1,
    progress,
    lastError: null,
    completedAt: now,
    answeredAt: record.answeredAt ?? now,
    nextAttemptAt: null,
  });
  return { record: next, effect: { kind: 'sent' } as QueueEffect };
}

export function jobErrorOf(error: SmileIdError): JobError {
  return {
    kind: error.kind,
    code: error.code ?? null,
    errorClass: error.errorClass,
    reason: error.reason,
    action: error.action,
  };
}

/** An error that is not a Smile ID answer: damaged or missing files. Never silently retried forever. */
export function internalJobError(code: InternalJobProblem, reason: string, action: string): JobError {
  return { kind: INTERNAL_KIND, code, errorClass: 'permanent', reason, action };
}

export function recordAfterError(
  record: JobRecord,
  error: SmileIdError,
  now: number,
  policy: AttemptPolicy,
): { record: JobRecord; effect: QueueEffect } {
  const lastError = jobErrorOf(error);
  // A provisional job being re-polled stays provisional whatever goes wrong; only the poll is delayed.
  if (record.state === 'provisional') {
    return {
      record: transition(record, 'provisional', now, {
        lastError: keepsImagesNote(record, 'provisional') ?? lastError,
        nextAttemptAt: now + policy.provisionalPollMs,
      }),
      effect: error.kind === 'network' ? { kind: 'offline' } : { kind: 'none' },
    };
  }
  switch (error.errorClass) {
    case 'systemic':
      // Not this job's fault: the attempt is not counted (attempts are counted when one ends) and the queue pauses.
      return {
        record: transition(record, 'queued', now, {
          lastError,
          attempts: record.attempts,
          nextAttemptAt: now,
        }),
        effect: {
          kind: 'open_circuit',
          cause: { kind: error.kind, code: error.code ?? null, reason: error.reason, action: error.action },
        },
      };
    case 'permanent':
      return {
        record: transition(record, 'needs_attention', now, { lastError, nextAttemptAt: null }),
        effect: { kind: 'none' },
      };
    case 'transient':
      if (error.kind === 'network' && !error.mayHaveLanded) {
        // Nothing reached Smile ID: the link is down. Send as soon as it is back, no backoff, no attempt counted.
        return {
          record: transition(record, 'queued', now, {
            lastError,
            attempts: record.attempts,
            nextAttemptAt: now,
          }),
          effect: { kind: 'offline' },
        };
      }
      return {
        record: transition(record, 'queued', now, {
          lastError,
          attempts: record.attempts + 1,
          nextAttemptAt: now + backoffDelay(record.attempts, policy.backoff, policy.random),
        }),
        effect: error.kind === 'network' || error.kind === 'timeout' ? { kind: 'offline' } : { kind: 'none' },
      };
  }
}
