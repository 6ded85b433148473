// The audit trail's closed vocabulary: every action the kiosk records (main/audit/), as data. The renderer will
// name each one in the operator's language (renderer/i18n, a later step); the codes themselves never change
// meaning once released, because exported logs keep them for years.
export const AUDIT_ACTIONS = [
  // The log itself (main/audit/audit-log.ts).
  /** The first entry of a new log (seq 1). */
  'audit.log_started',
  /** Whole day segments older than the retention period were deleted; the entry keeps the last purged hash. */
  'audit.retention_purged',
  /** At start-up the end of the log could not be read (a write cut short, or damage); it was set aside. */
  'audit.unreadable_tail_set_aside',
  /** A supervisor exported entries (the filter and the count, never the content). */
  'audit.exported',
  // Operators (docs/operators.md): details.session says 'shift' (the start of a shift) or 'elevated' (the PIN
  // entered for the operator screens).
  'operator.signed_in',
  'operator.sign_in_failed',
  /** Too many wrong PINs: PIN entry is locked until `lockedUntil`. */
  'operator.sign_in_locked',
  /** details.why: signed_out (on demand), idle, expired (longest shift), replaced, operator_changed. */
  'operator.signed_out',
  'operator.pin_changed',
  // A supervisor managing operators: the subject is none; details.operatorId names who was changed.
  'operator.created',
  'operator.disabled',
  'operator.enabled',
  'operator.role_changed',
  'operator.renamed',
  /** A supervisor set a temporary PIN (never the PIN itself). */
  'operator.pin_reset',
  'operator.recovery_code_issued',
  'operator.recovery_code_refused',
  /** The operator left kiosk mode (Electron shell). */
  'kiosk.exited',
  /** A supervisor exported the diagnostics file for support (main/diagnostics/): its size, never its content. */
  'kiosk.diagnostics_exported',
  // Settings: field names and non-secret values; the API key only as "changed" or "cleared".
  'settings.changed',
  'settings.api_key_changed',
  'settings.api_key_cleared',
  // One enrollment: the subject names its job ID and user ID.
  'enrollment.saved',
  /** An enrollment saved for a user ID this kiosk already holds other jobs for (`earlierJobIds`). */
  'enrollment.re_enrolled',
  /** The photos reached Smile ID (the upload was confirmed). */
  'job.sent',
  'job.result',
  /** An attempt failed and the job waits for its next try. */
  'job.attempt_failed',
  'job.needs_attention',
  'job.retry_requested',
  /** A supervisor let a job Smile ID refused as already enrolled go again as a new Smile ID job. */
  'job.re_enrollment_approved',
  'job.discarded',
  /** The photos were deleted at their maximum age before a final result. */
  'job.images_expired',
  /** The job's record and folder were deleted at the end of the retention period. */
  'job.retention_removed',
  /** An operator pressed "Send now": every waiting job is due at once. */
  'queue.send_now_requested',
  // The kiosk as a whole.
  'system.kiosk_started',
  'system.kiosk_stopped',
  'system.circuit_opened',
  'system.circuit_closed',
  'system.clock_skew_exceeded',
  'system.clock_skew_resolved',
  /** At start-up the outbox index had to be rebuilt or reconciled with the job folders. */
  'system.index_recovered',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_GROUPS = ['audit', 'operator', 'settings', 'enrollment', 'system'] as const;
export type AuditActionGroup = (typeof AUDIT_ACTION_GROUPS)[number];

/** Which group each action belongs to: what a supervisor screen filters or colours by. */
export const AUDIT_ACTION_GROUP: Readonly<Record<AuditAction, AuditActionGroup>> = {
  'audit.log_started': 'audit',
  'audit.retention_purged': 'audit',
  'audit.unreadable_tail_set_aside': 'audit',
  'audit.exported': 'audit',
  'operator.signed_in': 'operator',
  'operator.sign_in_failed': 'operator',
  'operator.sign_in_locked': 'operator',
  'operator.signed_out': 'operator',
  'operator.pin_changed': 'operator',
  'operator.created': 'operator',
  'operator.disabled': 'operator',
  'operator.enabled': 'operator',
  'operator.role_changed': 'operator',
  'operator.renamed': 'operator',
  'operator.pin_reset': 'operator',
  'operator.recovery_code_issued': 'operator',
  'operator.recovery_code_refused': 'operator',
  'kiosk.exited': 'operator',
  'kiosk.diagnostics_exported': 'operator',
  'settings.changed': 'settings',
  'settings.api_key_changed': 'settings',
  'settings.api_key_cleared': 'settings',
  'enrollment.saved': 'enrollment',
  'enrollment.re_enrolled': 'enrollment',
  'job.sent': 'enrollment',
  'job.result': 'enrollment',
  'job.attempt_failed': 'enrollment',
  'job.needs_attention': 'enrollment',
  'job.retry_requested': 'enrollment',
  'job.re_enrollment_approved': 'enrollment',
  'job.discarded': 'enrollment',
  'job.images_expired': 'enrollment',
  'job.retention_removed': 'enrollment',
  'queue.send_now_requested': 'enrollment',
  'system.kiosk_started': 'system',
  'system.kiosk_stopped': 'system',
  'system.circuit_opened': 'system',
  'system.circuit_closed': 'system',
  'system.clock_skew_exceeded': 'system',
  'system.clock_skew_resolved': 'system',
  'system.index_recovered': 'system',
};
