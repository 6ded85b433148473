// The operator sessions main has handed out, in memory only (a restart ends them all). A session is what a
// right PIN or recovery code buys: a random 32-byte token the renderer presents instead of the PIN. Two kinds
// (app/operator-session.ts, docs/operators.md):
//   - a shift: the operator signed in at the start of a shift. It ends on sign-out, after the idle sign-out time
//     without a call that presents it, and at the longest shift length, however busy the operator is.
//   - an elevated session: the PIN entered again for the operator screens; it ends when the renderer says so
//     (idle reset, leaving those screens) or SESSION_MAX_AGE_MS after it began.
// One session of each kind at a time: a new one ends the earlier one of its kind, so a token left behind by an
// earlier visit stops working as soon as someone signs in again. Main is the authority on every end; whoever
// listens (the audit trail) hears each one with its reason.
import { createHash, randomBytes } from 'node:crypto';
import { KioskError } from '../../app/errors';
import {
  SESSION_MAX_AGE_MS,
  type OperatorRole,
  type SessionGrant,
  type SessionKind,
  type SessionScope,
} from '../../app/operator-session';
import { silentLogger, type Logger } from '../log';

/** How the session was opened: a PIN set with a recovery-code session replaces the recovery code. */
export type SessionOrigin = 'pin' | 'recovery_code' | 'first_run';

/** Why a session ended: the audit trail records sign-outs with it. */
export const SESSION_END_REASONS = [
  /** The operator signed out, or the renderer closed the operator screens. */
  'signed_out',
  /** No call presented the shift for the idle sign-out time. */
  'idle',
  /** The longest shift (or an elevated session's age limit) was reached. */
  'expired',
  /** A new session of the same kind began. */
  'replaced',
  /** A supervisor disabled the operator, or changed their role or PIN. */
  'operator_changed',
] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

export interface OperatorSession {
  readonly kind: SessionKind;
  readonly operatorId: string;
  readonly displayName: string;
  readonly role: OperatorRole;
  readonly scope: SessionScope;
  readonly origin: SessionOrigin;
  /** Epoch ms: the shift's longest end, or the elevated session's. */
  readonly expiresAt: number;
  /** A shift ends this long after the last call that presented it; null for an elevated session. */
  readonly idleMs: number | null;
  /** Epoch ms of the last call that presented it. */
  readonly lastUsedAt: number;
}

export interface SessionRequest {
  readonly kind: SessionKind;
  readonly operatorId: string;
  readonly displayName: string;
  readonly role: OperatorRole;
  readonly scope: SessionScope;
  readonly origin: SessionOrigin;
  /** Shifts: the longest shift and the idle sign-out time from the settings. */
  readonly maxAgeMs?: number;
  readonly idleMs?: number | null;
}

export interface RequireOptions {
  /** A session that may only set a new PIN passes too (setPin). */
  readonly anyScope?: boolean;
  /** The kinds that may make the call; both when left out. */
  readonly kinds?: readonly SessionKind[];
}

export type SessionEndListener = (session: OperatorSession, why: SessionEndReason) => void;

export interface OperatorSessionsOptions {
  /** Epoch ms; tests move it to expire sessions without waiting. */
  readonly now?: () => number;
  /** An elevated session's longest life. */
  readonly maxAgeMs?: number;
  readonly log?: Logger;
}

export class OperatorSessions {
  // Keyed by the token's SHA-256, so the map does not hold what a caller must present.
  private readonly live = new Map<string, OperatorSession>();
  private readonly listeners = new Set<SessionEndListener>();
  private readonly now: () => number;
  private readonly maxAgeMs: number;
  private readonly log: Logger;

  constructor(options: OperatorSessionsOptions = {}) {
    this.now = options.now ?? (() => Date.now());
    this.maxAgeMs = options.maxAgeMs ?? SESSION_MAX_AGE_MS;
    this.log = options.log ?? silentLogger;
  }

  /** A new session (ending the earlier one of its kind) and the grant the renderer holds for it. */
  issue(request: SessionRequest): SessionGrant {
    this.endWhere((session) => session.kind === request.kind, 'replaced');
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    const idleMs = request.kind === 'shift' ? (request.idleMs ?? null) : null;
    const session: OperatorSession = {
      kind: request.kind,
      operatorId: request.operatorId,
      displayName: request.displayName,
      role: request.role,
      scope: request.scope,
      origin: request.origin,
      expiresAt: now + (request.maxAgeMs ?? this.maxAgeMs),
      idleMs,
      lastUsedAt: now,
    };
    this.live.set(digest(token), session);
    this.log.info('operator_session_started', {
      kind: session.kind,
      operatorId: session.operatorId,
      scope: session.scope,
      origin: session.origin,
      expiresAt: session.expiresAt,
    });
    return grantOf(token, session);
  }

  /**
   * The live session behind `token`, if it may do what is asked, counted as activity. Throws KioskError
   * 'pin_required' without a token, 'session_expired' for an unknown, ended or expired one (or one of a kind
   * the call does not take), 'pin_change_required' for a PIN-change session asked to do anything else.
   */
  require(token: string | undefined, options: RequireOptions = {}): OperatorSession {
    if (token === undefined) {
      throw new KioskError(
        'pin_required',
        'This needs an operator signed in with their PIN.',
        'Sign in, or open the operator panel with a PIN.',
      );
    }
    const key = digest(token);
    const found = this.live.get(key);
    const session = found && this.endIfOver(key, found) ? undefined : found;
    if (!session || (options.kinds !== undefined && !options.kinds.includes(session.kind))) {
      throw new KioskError(
        'session_expired',
        'The operator session has ended: a shift ends on sign-out, when the kiosk is idle too long and at the ' +
          `longest shift; the operator screens close after ${Math.round(this.maxAgeMs / 60_000)} minutes at ` +
          'most, on idle, or when left.',
        'Sign in again with the operator PIN.',
      );
    }
    if (session.scope !== 'full' && options.anyScope !== true) {
      throw new KioskError(
        'pin_change_required',
        'The operator PIN must be changed before anything else.',
        'Choose a new PIN of 6 to 12 digits.',
      );
    }
    const touched = { ...session, lastUsedAt: this.now() };
    this.live.set(key, touched);
    return touched;
  }

  /** The grant for a live session (after require()), with its current idle deadline. */
  describe(token: string): { grant: SessionGrant; idleSignOutAt: number } | null {
    const session = this.live.get(digest(token));
    if (!session) return null;
    return { grant: grantOf(token, session), idleSignOutAt: idleDeadline(session) };
  }

  /** Ends the session behind `token`; the ended session, or null when there was none. */
  end(token: string, why: SessionEndReason = 'signed_out'): OperatorSession | null {
    const key = digest(token);
    const session = this.live.get(key);
    if (!session) return null;
    if (this.endIfOver(key, session)) return null;
    this.finish(key, session, why);
    return session;
  }

  /** Ends every session of one operator (disabled, demoted, PIN reset). */
  endOperator(operatorId: string, why: SessionEndReason = 'operator_changed'): number {
    return this.endWhere((session) => session.operatorId === operatorId, why);
  }

  endAll(why: SessionEndReason): void {
    this.endWhere(() => true, why);
  }

  /** Ends the sessions whose idle or longest time has passed; a timer calls it so a shift ends on time. */
  sweep(): void {
    for (const [key, session] of [...this.live]) this.endIfOver(key, session);
  }

  /** Hears every end, with its reason; returns the unsubscribe function. */
  onEnded(listener: SessionEndListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Live sessions right now (tests, diagnostics). */
  count(): number {
    this.sweep();
    return this.live.size;
  }

  private endWhere(match: (session: OperatorSession) => boolean, why: SessionEndReason): number {
    let ended = 0;
    for (const [key, session] of [...this.live]) {
      if (!match(session)) continue;
      this.finish(key, session, why);
      ended += 1;
    }
    return ended;
  }

  /** True (and ended, with its reason) when the session's time is up. */
  private endIfOver(key: string, session: OperatorSession): boolean {
    const now = this.now();
    const why: SessionEndReason | null =
      now >= session.expiresAt ? 'expired' : now >= idleDeadline(session) ? 'idle' : null;
    if (why === null) return false;
    this.finish(key, session, why);
    return true;
  }

  private finish(key: string, session: OperatorSession, why: SessionEndReason): void {
    this.live.delete(key);
    this.log.info('operator_session_ended', { kind: session.kind, operatorId: session.operatorId, why });
    for (const listener of this.listeners) {
      // A failing listener (the audit trail's disk) must not keep a session alive or break the caller.
      try {
        listener(session, why);
      } catch (error) {
        this.log.error('operator_session_listener_failed', {
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }
}

function idleDeadline(session: OperatorSession): number {
  return session.idleMs === null
    ? session.expiresAt
    : Math.min(session.expiresAt, session.lastUsedAt + session.idleMs);
}

function grantOf(token: string, session: OperatorSession): SessionGrant {
  return {
    token,
    kind: session.kind,
    operatorId: session.operatorId,
    displayName: session.displayName,
    role: session.role,
    scope: session.scope,
    expiresAt: session.expiresAt,
    idleMs: session.idleMs,
  };
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
