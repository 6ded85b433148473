// The check the handler table runs before every call: the channel's access rule (app/ipc/channel-access.ts)
// against the kiosk's PIN state and the session the request presents. First-run setup (no PIN was ever set) is
// the only time a privileged call passes without a session; a locked kiosk lets nothing privileged through but
// setting a new PIN with a recovery-code session. Which session kinds and roles each rule takes is a table, so
// the rule a channel names is all there is to read (docs/operators.md).
import type { ChannelAccess } from '../../app/ipc/channel-access';
import { KioskError } from '../../app/errors';
import type { OperatorRole, PinState, SessionKind } from '../../app/operator-session';
import type { OperatorSession, OperatorSessions } from './operator-sessions';
import { kioskLockedError } from './settings-store';

export interface AccessContext {
  readonly pinState: () => PinState;
  readonly sessions: Pick<OperatorSessions, 'require'>;
}

interface SessionRule {
  /** The session kinds that pass. */
  readonly kinds: readonly SessionKind[];
  /** The role the session must have, or null for any. */
  readonly role: OperatorRole | null;
  /** A PIN-change session passes too. */
  readonly anyScope: boolean;
  /** Passes without a session while no PIN was ever set (first-run setup). */
  readonly openDuringSetup: boolean;
}

const BOTH_KINDS: readonly SessionKind[] = ['shift', 'elevated'];

/** Every rule but 'public', as data. */
const SESSION_RULES: Readonly<Record<Exclude<ChannelAccess, 'public'>, SessionRule>> = {
  shift: { kinds: ['shift'], role: null, anyScope: false, openDuringSetup: false },
  session: { kinds: BOTH_KINDS, role: null, anyScope: false, openDuringSetup: false },
  // Supervisor calls need the PIN entered for them (an elevated session), not merely a supervisor on shift.
  supervisor: { kinds: ['elevated'], role: 'supervisor', anyScope: false, openDuringSetup: false },
  supervisor_after_setup: { kinds: ['elevated'], role: 'supervisor', anyScope: false, openDuringSetup: true },
  pin_change: { kinds: BOTH_KINDS, role: null, anyScope: true, openDuringSetup: true },
};

/** The session a call acts under (null for a public call or first-run setup); throws KioskError when refused. */
export function authorize(
  access: ChannelAccess,
  grant: string | undefined,
  context: AccessContext,
): OperatorSession | null {
  if (access === 'public') return null;
  const rule = SESSION_RULES[access];
  const state = context.pinState();
  if (state === 'unset' && rule.openDuringSetup) return null;
  if (state === 'locked' && access !== 'pin_change') throw kioskLockedError();
  const session = context.sessions.require(grant, { anyScope: rule.anyScope, kinds: rule.kinds });
  if (rule.role !== null && session.role !== rule.role) {
    throw new KioskError('not_allowed', 'Only a supervisor may do this.', 'Ask a supervisor to sign in.');
  }
  return session;
}
