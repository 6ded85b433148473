// renderer/i18n/describe.ts: how codes from main become sentences in the operator's language, and above all what
// happens to a code the kiosk has no words for — a translated sentence for its class, never main's English.
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JobError } from '../../app/queue';
import { UNKNOWN_ERROR_CODE } from '../../app/smileid/error-codes';
import {
  describeCircuit,
  describeJobError,
  describeKioskError,
  describeResult,
} from '../../renderer/i18n/describe';
import { en } from '../../renderer/i18n/en';
import { fr } from '../../renderer/i18n/fr';

let t: TFunction;
const missing: string[] = [];

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'fr',
    fallbackLng: false,
    resources: { en: { translation: en }, fr: { translation: fr } },
    interpolation: { escapeValue: false },
    saveMissing: true,
    missingKeyHandler: (_languages, _namespace, key) => missing.push(key),
  });
  t = i18n.t;
});

function jobError(kind: string, code: string | null, errorClass: JobError['errorClass']): JobError {
  return { kind, code, errorClass, reason: 'English reason', action: 'English action' };
}

describe('describeResult', () => {
  it('says a known code with its own words, and the next step', () => {
    expect(describeResult(t, { outcome: 'rejected', resultCode: '0941', nextStep: 'recapture' })).toEqual({
      reason: fr.result.codes['0941'],
      action: fr.result.nextStep.recapture,
    });
  });

  it('says an unknown code by its outcome, and no next step when there is none', () => {
    expect(describeResult(t, { outcome: 'approved', resultCode: '0999', nextStep: 'none' })).toEqual({
      reason: fr.result.fallback.approved,
      action: null,
    });
    expect(
      describeResult(t, { outcome: 'rejected', resultCode: null, nextStep: 'call_supervisor' }).reason,
    ).toBe(fr.result.fallback.rejected);
  });
});

describe('describeJobError', () => {
  it('says failure kinds, Smile ID codes and the kiosk’s own problems with their own words', () => {
    expect(describeJobError(t, jobError('network', null, 'transient'))).toEqual(fr.jobError.kinds.network);
    expect(describeJobError(t, jobError('api_error', '2209', 'permanent'))).toEqual(
      fr.jobError.smileId['2209'],
    );
    expect(describeJobError(t, jobError('internal', 'files_missing', 'permanent'))).toEqual(
      fr.jobError.internal.files_missing,
    );
    expect(describeJobError(t, jobError('images_expired', 'cannot_send', 'permanent'))).toEqual(
      fr.jobError.imagesExpired.cannot_send,
    );
  });

  it('names the Retry button in the operator’s language inside a sentence', () => {
    const { action } = describeJobError(t, jobError('images_expired', 'answer_pending_retry', 'permanent'));
    expect(action).toContain(`« ${fr.operator.retry} »`);
  });

  it('names an unknown Smile ID code, in translated words', () => {
    const described = describeJobError(t, jobError('api_error', '2999', UNKNOWN_ERROR_CODE.class));
    expect(described.reason).toBe("Smile ID a refusé l'enrôlement avec le code 2999.");
    expect(described.action).toBe(fr.jobError.smileIdUnknown.action);
  });

  it.each([
    ['a kind no table has', jobError('quantum_flux', null, 'transient'), 'transient'],
    ['an api_error without a code', jobError('api_error', null, 'permanent'), 'permanent'],
    [
      'an internal problem without a code (an older record)',
      jobError('internal', null, 'permanent'),
      'permanent',
    ],
    [
      'an unknown code of a coded kind',
      jobError('images_expired', 'later_variant', 'permanent'),
      'permanent',
    ],
    ['a systemic failure of an unknown kind', jobError('new_kind', 'x', 'systemic'), 'systemic'],
  ] as const)('falls back on the class for %s', (_case, error, errorClass) => {
    expect(describeJobError(t, error)).toEqual(fr.jobError.byClass[errorClass]);
  });
});

describe('describeCircuit', () => {
  it('says nothing while the queue runs', () => {
    expect(describeCircuit(t, { open: false, kind: null, code: null })).toBeNull();
  });

  it("says the kiosk's own pauses, and a Smile ID failure as on a job", () => {
    expect(describeCircuit(t, { open: true, kind: 'clock_wrong', code: null })).toEqual(
      fr.circuit.clock_wrong,
    );
    expect(describeCircuit(t, { open: true, kind: 'api_error', code: '2204' })).toEqual(
      fr.jobError.smileId['2204'],
    );
    expect(describeCircuit(t, { open: true, kind: 'tls', code: null })).toEqual(fr.jobError.kinds.tls);
  });

  it('falls back on the systemic sentence for a pause it cannot name', () => {
    expect(describeCircuit(t, { open: true, kind: null, code: null })).toEqual(fr.jobError.byClass.systemic);
  });
});

describe('describeKioskError', () => {
  it('says each code in the operator’s language', () => {
    expect(describeKioskError(t, { code: 'disk_full' })).toEqual({
      reason: fr.kioskError.disk_full.message,
      action: fr.kioskError.disk_full.action,
    });
  });

  it('says a code it does not know as an unexpected problem', () => {
    expect(describeKioskError(t, { code: 'from_a_newer_main' }).reason).toBe(fr.kioskError.internal.message);
  });

  it('never lets a param act as an i18next option', () => {
    const described = describeKioskError(t, {
      code: 'invalid_request',
      params: { lng: 'en', count: 3, field: 'callbackUrl', problem: 'not_https' },
    });
    expect(described.reason).toBe(fr.kioskError.invalid_request.message);
  });

  it('asks for no key that does not exist', () => {
    expect(missing).toEqual([]);
  });
});
