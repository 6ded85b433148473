// The operator panel's parts: the queue, end of day, the audit trail and support. A part shows only to a
// session whose role may make the call it is built on (role-access.ts): the audit trail and diagnostics are a
// supervisor's.
import type { MethodName } from '../../../app/ipc/channels';
import type { OperatorRole } from '../../../app/operator-session';
import { roleMayCall } from './role-access';

export const PANEL_TABS = ['queue', 'day', 'audit', 'support'] as const;
export type PanelTab = (typeof PANEL_TABS)[number];

/** The call each part is built on. */
const TAB_CALL: Readonly<Record<PanelTab, MethodName>> = {
  queue: 'getQueue',
  day: 'getQueue',
  audit: 'listAudit',
  support: 'exportDiagnostics',
};

export function tabsFor(role: OperatorRole | null): PanelTab[] {
  return PANEL_TABS.filter((tab) => roleMayCall(role, TAB_CALL[tab]));
}
