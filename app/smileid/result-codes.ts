// What a job_type 4 ResultCode means for the operator (docs/smileid-protocol.md §5.1). Data, not if-chains: the public
// table is partly inferred, so codes must be correctable here without touching code. `reason` is English for
// main's logs (and the simulator's ResultText); the screens say each code in the operator's language
// (renderer/i18n `result.codes`, `result.fallback`), and a test holds both tables to the same codes.

export type EnrollmentOutcome = 'approved' | 'rejected' | 'provisional';

/** The next step the result screen and operator panel offer. */
export type NextStep = 'none' | 'recapture' | 'call_supervisor' | 'wait_for_review';

export interface ResultCodeInfo {
  readonly outcome: EnrollmentOutcome;
  /** English, for logs. */
  readonly reason: string;
  readonly nextStep: NextStep;
}

export const SMART_SELFIE_RESULT_CODES: Readonly<Record<string, ResultCodeInfo>> = {
  '0840': { outcome: 'approved', reason: 'Enrolled.', nextStep: 'none' },
  '1240': { outcome: 'approved', reason: 'Enrolled after human review.', nextStep: 'none' },
  '0841': {
    outcome: 'rejected',
    reason: 'The selfie and liveness photos did not match.',
    nextStep: 'recapture',
  },
  '0843': {
    outcome: 'rejected',
    reason: 'Possible spoof: the photos may not show a live person.',
    nextStep: 'call_supervisor',
  },
  '0941': { outcome: 'rejected', reason: 'No face was found in the photos.', nextStep: 'recapture' },
  '0942': { outcome: 'rejected', reason: 'The photo quality was too poor.', nextStep: 'recapture' },
  '1241': { outcome: 'rejected', reason: 'A reviewer found the photos unusable.', nextStep: 'recapture' },
  '1242': { outcome: 'rejected', reason: 'A reviewer detected a spoof.', nextStep: 'call_supervisor' },
  '0001': { outcome: 'rejected', reason: 'The selfie could not be used.', nextStep: 'recapture' },
  '0903': { outcome: 'rejected', reason: 'The upload package was corrupt.', nextStep: 'recapture' },
  '0907': { outcome: 'rejected', reason: 'Possible spoof.', nextStep: 'call_supervisor' },
  '0842': {
    outcome: 'provisional',
    reason: 'Waiting for a human review at Smile ID.',
    nextStep: 'wait_for_review',
  },
  '0844': {
    outcome: 'provisional',
    reason: 'Possible spoof: waiting for a human review at Smile ID.',
    nextStep: 'wait_for_review',
  },
  '0846': {
    outcome: 'provisional',
    reason: 'Possible spoof: waiting for a human review at Smile ID.',
    nextStep: 'wait_for_review',
  },
};

/** Used when Smile ID answers with a code the table does not know; job_complete/job_success decide the outcome. */
export const FALLBACK_RESULTS: Readonly<Record<EnrollmentOutcome, ResultCodeInfo>> = {
  approved: { outcome: 'approved', reason: 'Enrolled.', nextStep: 'none' },
  rejected: {
    outcome: 'rejected',
    reason: 'Smile ID did not enroll this customer.',
    nextStep: 'call_supervisor',
  },
  provisional: {
    outcome: 'provisional',
    reason: 'Waiting for a review at Smile ID.',
    nextStep: 'wait_for_review',
  },
};
