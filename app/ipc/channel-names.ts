// Each window.kiosk method's IPC channel, as plain data with no dependency: the preload needs only these names
// (it forwards envelopes and validates nothing), so it stays a few kilobytes instead of carrying zod. The
// schemas for each channel are in channels.ts, which builds on this table.
export const CHANNEL_NAMES = {
  submitEnrollment: 'enroll.submit',
  checkUserId: 'enroll.checkUserId',
  getQueue: 'queue.snapshot',
  retryJob: 'queue.retry',
  discardJob: 'queue.discard',
  approveReEnrollment: 'queue.approveReEnrollment',
  sendNow: 'queue.sendNow',
  getSettings: 'settings.get',
  updateSettings: 'settings.update',
  setApiKey: 'settings.setApiKey',
  verifyPin: 'operator.verifyPin',
  setPin: 'operator.setPin',
  recoverWithCode: 'operator.recover',
  issueRecoveryCode: 'operator.issueRecoveryCode',
  endSession: 'operator.endSession',
  exitKiosk: 'operator.exitKiosk',
  signIn: 'operator.signIn',
  getShift: 'operator.shift',
  listOperators: 'operators.list',
  createOperator: 'operators.create',
  updateOperator: 'operators.update',
  resetOperatorPin: 'operators.resetPin',
  getHealth: 'health.status',
  listAudit: 'audit.list',
  exportAudit: 'audit.export',
  exportDiagnostics: 'diagnostics.export',
} as const;

/** The one event channel from main to the renderer. */
export const EVENT_CHANNEL = 'kiosk.event';
