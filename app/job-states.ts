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
] as const;

export type JobState = (typeof JOB_STATES)[number];

/** States in which Smile ID gave its last word; the images are deleted on entering one. */
export const FINAL_STATES: readonly JobState[] = ['approved', 'rejected'];

/** States the scheduler works on. */
export const ACTIVE_STATES: readonly JobState[] = ['queued', 'preparing', 'uploading', 'awaiting_result'];
