// Which result a job gets, and what that result says. The code is chosen per user_id (so a test or a
// training session can steer outcomes by naming users), and its meaning comes from the kiosk's own
// result-code table, so simulator and kiosk can never disagree about what a code means.
import { SMART_SELFIE_RESULT_CODES } from '../../../app/smileid/result-codes';
import type { EnrollmentOutcome } from '../../../app/smileid/result-codes';
import type { SimulatorBehaviour } from './options';

/** What a provisional job becomes when the simulated human review finishes (docs/smileid-protocol.md §5.1). */
export const HUMAN_REVIEW_PASS = '1240';

export interface CodeMeaning {
  readonly outcome: EnrollmentOutcome;
  readonly text: string;
}

/** First outcome rule whose pattern matches the user_id wins; otherwise the default code. */
export function pickResultCode(
  userId: string,
  behaviour: Pick<SimulatorBehaviour, 'outcomes' | 'defaultResultCode'>,
): string {
  const rule = behaviour.outcomes.find((candidate) => new RegExp(candidate.pattern).test(userId));
  return rule?.resultCode ?? behaviour.defaultResultCode;
}

/** A code the table does not know is answered as a rejection, so the kiosk's fallback path is exercised. */
export function meaningOf(code: string): CodeMeaning {
  const known = SMART_SELFIE_RESULT_CODES[code];
  return known
    ? { outcome: known.outcome, text: known.reason }
    : { outcome: 'rejected', text: `Result ${code}` };
}

/** The Actions block of a result, in the value vocabulary Smile ID uses (docs/smileid-protocol.md §3.3). */
export function actionsFor(code: string): Record<string, string> {
  const { outcome } = meaningOf(code);
  const reviewed = code.startsWith('12');
  const selfieProvided = code === '0903' || code === '0001' ? 'Not Provided' : 'Passed';
  if (outcome === 'approved') {
    return {
      Liveness_Check: 'Passed',
      Register_Selfie: 'Approved',
      Selfie_Provided: selfieProvided,
      Human_Review_Liveness_Check: reviewed ? 'Passed' : 'Not Applicable',
    };
  }
  if (outcome === 'provisional') {
    return {
      Liveness_Check: 'Under Review',
      Register_Selfie: 'Under Review',
      Selfie_Provided: selfieProvided,
      Human_Review_Liveness_Check: 'Under Review',
    };
  }
  return {
    Liveness_Check: 'Failed',
    Register_Selfie: 'Not Applicable',
    Selfie_Provided: selfieProvided,
    Human_Review_Liveness_Check: reviewed ? 'Failed' : 'Not Applicable',
  };
}
