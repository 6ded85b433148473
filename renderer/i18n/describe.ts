// The one way a screen says what main reported: a result code, a job's error, the paused queue, a refused request.
// Main sends codes (app/); the words are here, in the operator's language. Main's English `reason`, `action`
// and `message` are for its logs and are never shown: a code this kiosk has no words for falls back on a
// translated sentence for its outcome or class, not on main's English.
import type { TFunction } from 'i18next';
import type { KioskErrorParams } from '../../app/errors';
import { IMAGES_EXPIRED_KIND, INTERNAL_KIND } from '../../app/job-problems';
import type { CircuitStatus, JobError, JobResultSummary } from '../../app/queue';
import { en } from './en';

/** What happened, and what to do about it (null when there is nothing to do). */
export interface Explanation {
  readonly reason: string;
  readonly action: string | null;
}

/** Smile ID's answer: the result code's meaning, and the next step unless there is none. */
export function describeResult(
  t: TFunction,
  result: Pick<JobResultSummary, 'outcome' | 'resultCode' | 'nextStep'>,
): Explanation {
  const known = result.resultCode !== null && Object.hasOwn(en.result.codes, result.resultCode);
  return {
    reason: known ? t(`result.codes.${result.resultCode}`) : t(`result.fallback.${result.outcome}`),
    action: result.nextStep === 'none' ? null : t(`result.nextStep.${result.nextStep}`),
  };
}

/** Kinds whose `code` picks the words, with the words there are (English, as the reference for the keys). */
const CODED_KINDS: Readonly<Record<string, { readonly key: string; readonly words: object }>> = {
  api_error: { key: 'jobError.smileId', words: en.jobError.smileId },
  [INTERNAL_KIND]: { key: 'jobError.internal', words: en.jobError.internal },
  [IMAGES_EXPIRED_KIND]: { key: 'jobError.imagesExpired', words: en.jobError.imagesExpired },
};

/** The translation key (reason and action below it) for a job's error, and what it interpolates. */
function jobErrorKey(error: Pick<JobError, 'kind' | 'code' | 'errorClass'>): {
  key: string;
  values?: Record<string, string>;
} {
  const coded = CODED_KINDS[error.kind];
  if (coded) {
    if (error.code !== null && Object.hasOwn(coded.words, error.code))
      return { key: `${coded.key}.${error.code}` };
    // A Smile ID code the table does not know is still worth naming: support can look it up.
    if (error.kind === 'api_error' && error.code !== null) {
      return { key: 'jobError.smileIdUnknown', values: { code: error.code } };
    }
  } else if (Object.hasOwn(en.jobError.kinds, error.kind)) {
    return { key: `jobError.kinds.${error.kind}` };
  }
  return { key: `jobError.byClass.${error.errorClass}` };
}

/** Why a job is not sent (yet), and what the operator should do. */
export function describeJobError(
  t: TFunction,
  error: Pick<JobError, 'kind' | 'code' | 'errorClass'>,
): Explanation {
  const { key, values } = jobErrorKey(error);
  const options = values ? { replace: values } : {};
  return { reason: t(`${key}.reason`, options), action: t(`${key}.action`, options) };
}

/** Why the whole queue is paused; null when it is not. A pause is always systemic: no one job's fault. */
export function describeCircuit(
  t: TFunction,
  circuit: Pick<CircuitStatus, 'open' | 'kind' | 'code'>,
): Explanation | null {
  if (!circuit.open) return null;
  if (circuit.kind !== null && Object.hasOwn(en.circuit, circuit.kind)) {
    return { reason: t(`circuit.${circuit.kind}.reason`), action: t(`circuit.${circuit.kind}.action`) };
  }
  return describeJobError(t, { kind: circuit.kind ?? '', code: circuit.code, errorClass: 'systemic' });
}

/**
 * A request main refused (or a failure on this side, as asKioskError reports it). `params` are interpolated
 * where a sentence names them; they are passed as `replace`, so a param can never be taken for an i18next
 * option (lng, count …).
 */
export function describeKioskError(
  t: TFunction,
  error: { readonly code: string; readonly params?: KioskErrorParams | undefined },
): Explanation {
  const code = Object.hasOwn(en.kioskError, error.code) ? error.code : 'internal';
  const options = { replace: error.params ?? {} };
  return {
    reason: t(`kioskError.${code}.message`, options),
    action: t(`kioskError.${code}.action`, options),
  };
}
