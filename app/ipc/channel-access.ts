// Who may make each call, as data: main's handler table checks it before any handler runs (main/handlers.ts),
// so a privileged channel cannot forget its check, and a new channel cannot be added without choosing one.
import type { MethodName } from './channels';

export type ChannelAccess =
  /** Anyone at the kiosk: the customer's flow, read-only status, signing in and ending a session. */
  | 'public'
  /** A live full session of either kind, any role: what an operator may do besides enrolling. */
  | 'session'
  /** A live full operator shift (a named operator signed in at the start of a shift): enrollment. */
  | 'shift'
  /**
   * A live full elevated session (the PIN entered again) whose role is supervisor (app/operator-session.ts);
   * never open, not even in setup.
   */
  | 'supervisor'
  /** As 'supervisor' once the kiosk has a PIN (or is locked); open during first-run setup only. */
  | 'supervisor_after_setup'
  /** A live session of any scope once the kiosk has a PIN (or is locked); open during first-run setup only. */
  | 'pin_change';

export const CHANNEL_ACCESS = {
  submitEnrollment: 'shift',
  checkUserId: 'public',
  getQueue: 'session',
  retryJob: 'session',
  discardJob: 'supervisor',
  approveReEnrollment: 'supervisor',
  sendNow: 'session',
  getSettings: 'public',
  updateSettings: 'supervisor_after_setup',
  setApiKey: 'supervisor_after_setup',
  verifyPin: 'public',
  setPin: 'pin_change',
  recoverWithCode: 'public',
  issueRecoveryCode: 'supervisor',
  endSession: 'public',
  exitKiosk: 'supervisor',
  // Signing in is public (the PIN is the check); the shift's own status needs the shift.
  signIn: 'public',
  getShift: 'shift',
  listOperators: 'supervisor',
  createOperator: 'supervisor',
  updateOperator: 'supervisor',
  resetOperatorPin: 'supervisor',
  getHealth: 'public',
  // The audit trail names customers and operators: supervisors only.
  listAudit: 'supervisor',
  exportAudit: 'supervisor',
  // Holds no customer data, but the kiosk's configuration and error history: supervisors only.
  exportDiagnostics: 'supervisor',
} as const satisfies Record<MethodName, ChannelAccess>;
