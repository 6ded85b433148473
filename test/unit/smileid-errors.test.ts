import { AxiosError, AxiosHeaders } from 'axios';
import { describe, expect, it } from 'vitest';
import { SMILE_ID_ERROR_CODES } from '../../app/smileid/error-codes';
import { SmileIdError } from '../../main/smileid/errors';
import { toSmileIdError } from '../../main/smileid/transport-errors';

function axiosFailure(code: string | undefined, status?: number, data?: unknown): AxiosError {
  const config = { headers: new AxiosHeaders() };
  const response =
    status === undefined ? undefined : { status, statusText: '', headers: {}, config, data: data ?? '' };
  return new AxiosError('failed', code, config, {}, response);
}

describe('Smile ID error classification', () => {
  it.each([
    ['2201', 'transient'],
    ['2301', 'transient'],
    ['2401', 'transient'],
    ['2314', 'transient'],
    ['2203', 'permanent'],
    ['2209', 'permanent'],
    ['2212', 'permanent'],
    ['2213', 'permanent'],
    ['2204', 'systemic'],
    ['2205', 'systemic'],
    ['2405', 'systemic'],
  ])('code %s is %s and has an operator reason and action', (code, errorClass) => {
    const error = toSmileIdError(axiosFailure('ERR_BAD_REQUEST', 400, { code, error: 'x' }), 'prep_upload');
    expect(error.kind).toBe('api_error');
    expect(error.code).toBe(code);
    expect(error.errorClass).toBe(errorClass);
    expect(error.reason.length).toBeGreaterThan(10);
    expect(error.action.length).toBeGreaterThan(5);
  });

  it('reads numeric codes as 4-digit strings', () => {
    expect(toSmileIdError(axiosFailure('ERR_BAD_REQUEST', 400, { code: 2215 }), 'x').code).toBe('2215');
  });

  it('treats an unknown code as permanent, so an operator looks at it', () => {
    const error = toSmileIdError(axiosFailure('ERR_BAD_REQUEST', 400, { code: '2999' }), 'x');
    expect(error.errorClass).toBe('permanent');
  });

  it('classifies transport failures', () => {
    expect(toSmileIdError(axiosFailure('ECONNREFUSED'), 'x')).toMatchObject({
      kind: 'network',
      errorClass: 'transient',
      mayHaveLanded: false,
    });
    expect(toSmileIdError(axiosFailure('ECONNRESET'), 'x')).toMatchObject({
      kind: 'network',
      mayHaveLanded: true,
    });
    expect(toSmileIdError(axiosFailure('ECONNABORTED'), 'x')).toMatchObject({
      kind: 'timeout',
      mayHaveLanded: true,
    });
    expect(toSmileIdError(axiosFailure('ERR_BAD_RESPONSE', 503), 'x')).toMatchObject({
      kind: 'server_error',
      errorClass: 'transient',
    });
    expect(toSmileIdError(axiosFailure('CERT_HAS_EXPIRED'), 'x')).toMatchObject({
      kind: 'tls',
      errorClass: 'systemic',
    });
    expect(toSmileIdError(axiosFailure('ERR_BAD_REQUEST', 418, 'teapot'), 'x')).toMatchObject({
      kind: 'response_invalid',
    });
  });

  it('serialises without losing the operator reason', () => {
    const error = new SmileIdError({ kind: 'api_error', code: '2209', httpStatus: 400 });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      kind: 'api_error',
      code: '2209',
      errorClass: 'permanent',
      reason: SMILE_ID_ERROR_CODES['2209']?.reason,
    });
  });
});
