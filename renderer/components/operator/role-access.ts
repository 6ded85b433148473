// What the operator panel offers a session: only the calls its role may make (app/ipc/channel-access.ts), so a
// button never leads to main's refusal. Main checks every call again; this only keeps the screen honest.
import { CHANNEL_ACCESS, type ChannelAccess } from '../../../app/ipc/channel-access';
import type { MethodName } from '../../../app/ipc/channels';
import type { OperatorRole } from '../../../app/operator-session';

/** Access rules only a supervisor's session passes. */
const SUPERVISOR_ONLY: ReadonlySet<ChannelAccess> = new Set<ChannelAccess>(['supervisor']);

export function roleMayCall(role: OperatorRole | null, method: MethodName): boolean {
  if (role === null) return false;
  return role === 'supervisor' || !SUPERVISOR_ONLY.has(CHANNEL_ACCESS[method]);
}
