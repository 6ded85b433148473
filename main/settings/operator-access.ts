// The check the handler table runs before every call: the channel's access rule (app/ipc/channel-access.ts)
// against the kiosk's PIN state and the session the request presents. First-run setup (no PIN was ever set) is
// the only time a privileged call passes without a session; a locked kiosk lets nothing privileged through but
// setting a new PIN with a recovery-code session.
import type { ChannelAccess } from '../../app/ipc/channel-access';
import { KioskError } from '../../app/errors';
import type { PinState } from '../../app/operator-session';
import type { OperatorSession, OperatorSessions } from './operator-sessions';
import { kioskLockedError } from './settings-store';

export interface AccessContext {
  readonly pinState: () => PinState;
  readonly sessions: Pick<OperatorSessions, 'require'>;
}

/** The session a call acts under (null for a public call or first-run setup); throws KioskError when refused. */
export function authorize(
  access: ChannelAccess,
  grant: string | undefined,
  context: AccessContext,
): OperatorSession | null {
  if (access === 'public') return null;
  const state = context.pinState();
  if (state === 'unset' && OPEN_DURING_SETUP.includes(access)) return null;
  if (state === 'locked' && access !== 'pin_change') throw kioskLockedError();
  const session = context.sessions.require(grant, access === 'pin_change');
  if (access === 'supervisor' && session.role !== 'supervisor') {
    throw new KioskError('not_allowed', 'Only a supervisor may do this.', 'Ask a supervisor to sign in.');
  }
  return session;
}

/** What first-run setup (no PIN was ever set) lets through without a session. */
const OPEN_DURING_SETUP: readonly ChannelAccess[] = ['session_after_setup', 'pin_change'];
