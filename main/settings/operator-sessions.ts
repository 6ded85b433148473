// The operator sessions main has handed out, in memory only (a restart ends them all). A session is what a
// right PIN or recovery code buys: a random 32-byte token the renderer presents instead of the PIN, valid until
// the renderer ends it (idle reset, leaving the operator screens) or SESSION_MAX_AGE_MS after it began, however
// busy the operator is. One session at a time: a new one ends the others, so a token left behind by an earlier
// visit stops working as soon as someone signs in again.
import { createHash, randomBytes } from 'node:crypto';
import { KioskError } from '../../app/errors';
import {
  SESSION_MAX_AGE_MS,
  type OperatorRole,
  type SessionGrant,
  type SessionScope,
} from '../../app/operator-session';
import { silentLogger, type Logger } from '../log';

/** How the session was opened: a PIN set with a recovery-code session replaces the recovery code. */
export type SessionOrigin = 'pin' | 'recovery_code' | 'first_run';

export interface OperatorSession {
  readonly role: OperatorRole;
  readonly scope: SessionScope;
  readonly origin: SessionOrigin;
  readonly expiresAt: number;
}

export interface OperatorSessionsOptions {
  /** Epoch ms; tests move it to expire sessions without waiting. */
  readonly now?: () => number;
  readonly maxAgeMs?: number;
  readonly log?: Logger;
}

export class OperatorSessions {
  // Keyed by the token's SHA-256, so the map does not hold what a caller must present.
  private readonly live = new Map<string, OperatorSession>();
  private readonly now: () => number;
  private readonly maxAgeMs: number;
  private readonly log: Logger;

  constructor(options: OperatorSessionsOptions = {}) {
    this.now = options.now ?? (() => Date.now());
    this.maxAgeMs = options.maxAgeMs ?? SESSION_MAX_AGE_MS;
    this.log = options.log ?? silentLogger;
  }

  /** A new session (ending every other one) and the grant the renderer holds for it. */
  issue(scope: SessionScope, origin: SessionOrigin, role: OperatorRole = 'supervisor'): SessionGrant {
    this.endAll('replaced');
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.now() + this.maxAgeMs;
    this.live.set(digest(token), { role, scope, origin, expiresAt });
    this.log.info('operator_session_started', { scope, origin, expiresAt });
    return { token, role, scope, expiresAt };
  }

  /**
   * The live session behind `token`, if it may do what is asked: a full session, or (`anyScope`) one that may
   * only set a new PIN. Throws KioskError 'pin_required' without a token, 'session_expired' for an unknown, ended
   * or expired one, 'pin_change_required' for a PIN-change session asked to do anything else.
   */
  require(token: string | undefined, anyScope = false): OperatorSession {
    if (token === undefined) {
      throw new KioskError(
        'pin_required',
        'This needs the operator PIN.',
        'Open the operator panel or the settings with the operator PIN.',
      );
    }
    const key = digest(token);
    const session = this.live.get(key);
    if (!session || this.now() >= session.expiresAt) {
      if (session) {
        this.live.delete(key);
        this.log.info('operator_session_ended', { why: 'expired' });
      }
      throw new KioskError(
        'session_expired',
        'The operator session has ended: it lasts at most ' +
          `${Math.round(this.maxAgeMs / 60_000)} minutes, and ends when the kiosk is left idle or the ` +
          'operator screens are closed.',
        'Enter the operator PIN again.',
      );
    }
    if (session.scope !== 'full' && !anyScope) {
      throw new KioskError(
        'pin_change_required',
        'The operator PIN must be changed before anything else.',
        'Choose a new PIN of 6 to 12 digits.',
      );
    }
    return session;
  }

  /** Ends the session behind `token`; false when there was none (already ended or expired). */
  end(token: string): boolean {
    const ended = this.live.delete(digest(token));
    if (ended) this.log.info('operator_session_ended', { why: 'ended' });
    return ended;
  }

  endAll(why: string): void {
    if (this.live.size > 0) this.log.info('operator_session_ended', { why, count: this.live.size });
    this.live.clear();
  }

  /** Live sessions right now (tests, diagnostics). */
  count(): number {
    const now = this.now();
    for (const [key, session] of this.live) if (now >= session.expiresAt) this.live.delete(key);
    return this.live.size;
  }
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
