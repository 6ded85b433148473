// What a window.kiosk call throws when main answers with an error envelope, or when main cannot be reached.
// `code` is one of app/errors.ts's codes, so screens handle a dev-host failure exactly like an IPC one.
import type { KioskErrorCode, KioskErrorPayload } from '../../app/errors';

export class KioskCallError extends Error {
  constructor(
    readonly code: KioskErrorCode,
    message: string,
    readonly action: string = '',
  ) {
    super(message);
    this.name = 'KioskCallError';
  }

  static fromPayload(payload: KioskErrorPayload): KioskCallError {
    return new KioskCallError(payload.code, payload.message, payload.action);
  }
}
