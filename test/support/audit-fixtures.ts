// A real audit log over a temp folder with a clock the test moves, and a few entries like the kiosk writes.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SHARED_PIN_OPERATOR_ID, SYSTEM_ACTOR, type AuditActor } from '../../app/audit/entry';
import { AuditLog, type AuditDraft } from '../../main/audit/audit-log';

export const DATA_KEY = Buffer.alloc(32, 7);
export const PIN_ACTOR: AuditActor = {
  kind: 'operator',
  operatorId: SHARED_PIN_OPERATOR_ID,
  role: 'supervisor',
};
/** 2026-03-01T09:00:00Z */
export const START_MS = Date.UTC(2026, 2, 1, 9);
export const DAY_MS = 86_400_000;

export interface AuditFixture {
  readonly dir: string;
  readonly clock: { now: number };
  open(): Promise<AuditLog>;
  close(): Promise<void>;
}

export async function auditFixture(): Promise<AuditFixture> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'kiosk-audit-'));
  const dir = path.join(root, 'audit');
  const clock = { now: START_MS };
  return {
    dir,
    clock,
    open: () =>
      AuditLog.open({
        dir,
        dataKey: DATA_KEY,
        identity: () => ({ kioskId: 'K-01', branch: 'Nairobi CBD' }),
        now: () => clock.now,
      }),
    close: () => rm(root, { recursive: true, force: true }),
  };
}

/** The entries one enrollment makes, as the recorder writes them. */
export function enrollmentDrafts(jobId: string, userId: string): AuditDraft[] {
  const subject = { jobId, userId };
  return [
    {
      action: 'enrollment.saved',
      actor: { kind: 'operator', operatorId: null, role: null },
      subject,
      details: { consentAt: START_MS, warnings: [], earlierJobIds: [] },
    },
    { action: 'job.sent', actor: SYSTEM_ACTOR, subject, details: { attempt: 1 } },
    {
      action: 'job.result',
      actor: SYSTEM_ACTOR,
      subject,
      details: { outcome: 'approved', resultCode: '0840', final: true, smileJobId: null },
    },
  ];
}

export async function appendAll(log: AuditLog, drafts: readonly AuditDraft[]): Promise<void> {
  for (const draft of drafts) await log.append(draft);
}
