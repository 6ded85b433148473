// Which entries a supervisor's filter selects (app/audit/entry.ts auditFilterSchema). A day is a day of the kiosk's
// own calendar, as the branch staff mean it; user IDs are compared as the kiosk stores them (normalised).
import type { AuditEntry, AuditFilter } from '../../app/audit/entry';
import { localDayRange } from '../../app/local-day';
import { normaliseUserId } from '../../app/user-id';

export type AuditMatcher = (entry: AuditEntry) => boolean;

/** [from, to) in epoch ms of the kiosk's local day `YYYY-MM-DD` (app/local-day.ts, shared with the panel). */
export { localDayRange };

export function auditMatcher(filter: AuditFilter): AuditMatcher {
  const day = filter.day === undefined ? null : localDayRange(filter.day);
  const from = Math.max(filter.from ?? 0, day?.from ?? 0);
  const to = Math.min(filter.to ?? Infinity, day?.to ?? Infinity);
  const userId = filter.userId === undefined ? null : normaliseUserId(filter.userId);
  const operatorId = filter.operatorId ?? null;
  return (entry) =>
    entry.atMs >= from &&
    entry.atMs < to &&
    (operatorId === null || entry.actor.operatorId === operatorId) &&
    (userId === null || entry.subject.userId === userId);
}

export function isUnfiltered(filter: AuditFilter): boolean {
  return Object.values(filter).every((value) => value === undefined);
}
