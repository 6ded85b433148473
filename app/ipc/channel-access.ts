// Who may make each call, as data: main's handler table checks it before any handler runs (main/handlers.ts),
// so a privileged channel cannot forget its check, and a new channel cannot be added without choosing one.
import type { MethodName } from './channels';

export type ChannelAccess =
  /** Anyone at the kiosk: the customer's flow, read-only status, signing in and ending a session. */
  | 'public'
  /** A live full operator session. */
  | 'session'
  /** A live full session whose role is supervisor (app/operator-session.ts); never open, not even in setup. */
  | 'supervisor'
  /** A live full session once the kiosk has a PIN (or is locked); open during first-run setup only. */
  | 'session_after_setup'
  /** A live session of any scope once the kiosk has a PIN (or is locked); open during first-run setup only. */
  | 'pin_change';

export const CHANNEL_ACCESS = {
  submitEnrollment: 'public',
  checkUserId: 'public',
  getQueue: 'session',
  retryJob: 'session',
  discardJob: 'session',
  approveReEnrollment: 'supervisor',
  sendNow: 'session',
  getSettings: 'public',
  updateSettings: 'session_after_setup',
  setApiKey: 'session_after_setup',
  verifyPin: 'public',
  setPin: 'pin_change',
  recoverWithCode: 'public',
  issueRecoveryCode: 'session',
  endSession: 'public',
  exitKiosk: 'session',
  getHealth: 'public',
  // The audit trail names customers and operators: supervisors only.
  listAudit: 'supervisor',
  exportAudit: 'supervisor',
} as const satisfies Record<MethodName, ChannelAccess>;
