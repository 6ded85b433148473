// The life of one enrollment on the kiosk (docs/architecture.md "Job states").
export const JOB_STATES = [
  'queued',
  'preparing',
  'uploading',
  'awaiting_result',
  'approved',
  'rejected',
  'provisional',
  'needs_attention',
  /**
   * Smile ID confirmed the upload and the kiosk does not poll for the result (settings
   * jobStatusPollingTimeoutSeconds = 0): the result goes only to the bank's callback URL.
   */
  'submitted',
] as const;

export type JobState = (typeof JOB_STATES)[number];

/** States in which Smile ID gave its last word. */
export const FINAL_STATES: readonly JobState[] = ['approved', 'rejected'];

/**
 * States in which the kiosk's part is over: Smile ID's last word, or an upload Smile ID confirmed whose result
 * goes to the bank's callback. The photos are deleted on entering one (Smile ID holds them; the kiosk will
 * never send them again), and the small record stays until settings.retentionDays after `completedAt`.
 */
export const DONE_STATES: readonly JobState[] = [...FINAL_STATES, 'submitted'];

/** States the scheduler works on. */
export const ACTIVE_STATES: readonly JobState[] = ['queued', 'preparing', 'uploading', 'awaiting_result'];
