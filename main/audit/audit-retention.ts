// How long the audit trail is kept. A bank must be able to trace every enrollment for as long as the kiosk keeps
// its job record, so the audit trail is never kept for less than the job records (settings.retentionDays),
// whatever auditRetentionDays says: the shorter value is raised at purge time rather than refused, so a
// settings file edited by hand cannot shorten the trail either.
import type { Settings } from '../../app/settings';

export const AUDIT_RETENTION_SWEEP_MS = 3_600_000;

export function effectiveAuditRetentionDays(
  settings: Pick<Settings, 'auditRetentionDays' | 'retentionDays'>,
): number {
  return Math.max(settings.auditRetentionDays, settings.retentionDays);
}
