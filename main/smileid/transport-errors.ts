// Node/axios error codes, grouped by what they mean for a retry. Data, kept beside the one function
// that reads it.
import { AxiosError } from 'axios';
import { SmileIdError } from './errors';
import { errorBodySchema } from './wire';

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ERR_CANCELED']);
// Raised before a byte of the request can have reached the server.
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
]);
const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
]);

/** Turns whatever axios threw into a classified SmileIdError. */
export function toSmileIdError(error: unknown, operation: string): SmileIdError {
  if (error instanceof SmileIdError) return error;
  if (!(error instanceof AxiosError)) {
    return new SmileIdError({
      kind: 'network',
      detail: `${operation}: ${String(error)}`,
      mayHaveLanded: true,
    });
  }
  const detail = `${operation}: ${error.code ?? ''} ${error.message}`.trim();
  const response = error.response;
  if (response) {
    const body = errorBodySchema.safeParse(response.data);
    if (body.success) {
      // A 5xx may come after the server acted on the request (e.g. registered the job).
      return new SmileIdError({
        kind: 'api_error',
        code: body.data.code,
        httpStatus: response.status,
        detail,
        mayHaveLanded: response.status >= 500,
      });
    }
    if (response.status >= 500) {
      return new SmileIdError({
        kind: 'server_error',
        httpStatus: response.status,
        detail,
        mayHaveLanded: true,
      });
    }
    return new SmileIdError({ kind: 'response_invalid', httpStatus: response.status, detail });
  }
  const code = error.code ?? '';
  if (TLS_CODES.has(code)) return new SmileIdError({ kind: 'tls', detail });
  if (TIMEOUT_CODES.has(code)) return new SmileIdError({ kind: 'timeout', detail, mayHaveLanded: true });
  return new SmileIdError({ kind: 'network', detail, mayHaveLanded: !NOT_SENT_CODES.has(code) });
}
