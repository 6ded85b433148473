// The one error type of the Smile ID client. Every failure is classified transient / permanent / systemic
// from the data tables in app/, and carries an operator-facing reason and action.
import { describeErrorCode, type ErrorClass } from '../../app/smileid/error-codes';
import { FAILURE_KINDS, type FailureKind } from '../../app/smileid/failure-kinds';

export interface SmileIdErrorDetails {
  readonly kind: FailureKind;
  /** The Smile ID code, for kind 'api_error'. */
  readonly code?: string;
  readonly httpStatus?: number;
  /**
   * True when the request may have reached Smile ID although no answer came back (timeout, reset after
   * sending). For a PUT this means the zip may have landed: ask job_status before uploading again.
   */
  readonly mayHaveLanded?: boolean;
  /** Technical detail for logs (never contains the key or images). */
  readonly detail?: string;
}

export class SmileIdError extends Error {
  readonly kind: FailureKind;
  readonly code: string | undefined;
  readonly httpStatus: number | undefined;
  readonly mayHaveLanded: boolean;
  readonly errorClass: ErrorClass;
  readonly reason: string;
  readonly action: string;

  constructor(details: SmileIdErrorDetails) {
    const info =
      details.kind === 'api_error' ? describeErrorCode(details.code ?? '') : FAILURE_KINDS[details.kind];
    const label = details.code ? `${details.kind} ${details.code}` : details.kind;
    super(`Smile ID ${label}: ${info.reason}${details.detail ? ` (${details.detail})` : ''}`);
    this.name = 'SmileIdError';
    this.kind = details.kind;
    this.code = details.code;
    this.httpStatus = details.httpStatus;
    this.mayHaveLanded = details.mayHaveLanded ?? false;
    this.errorClass = info.class;
    this.reason = info.reason;
    this.action = info.action;
  }

  /** A plain, serialisable description for the outbox record and the operator panel. */
  toJSON(): SerializedSmileIdError {
    return {
      kind: this.kind,
      code: this.code,
      httpStatus: this.httpStatus,
      errorClass: this.errorClass,
      reason: this.reason,
      action: this.action,
      message: this.message,
    };
  }
}

export interface SerializedSmileIdError {
  kind: FailureKind;
  code: string | undefined;
  httpStatus: number | undefined;
  errorClass: ErrorClass;
  reason: string;
  action: string;
  message: string;
}

export function isSmileIdError(error: unknown): error is SmileIdError {
  return error instanceof SmileIdError;
}
