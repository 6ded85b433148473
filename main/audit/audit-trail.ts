// Opens the kiosk's audit trail for the composition root (main/kiosk-core.ts): the sealed log in dataDir/audit
// and the recorder that feeds it, started so that it sees the outbox from its first event on.
import path from 'node:path';
import type { Logger } from '../log';
import { AuditLog } from './audit-log';
import { AuditRecorder, type AuditedOutbox, type AuditedSettings } from './audit-recorder';

export const AUDIT_FOLDER = 'audit';

export interface AuditTrailOptions {
  readonly dataDir: string;
  /** The per-install data key (from the vault): the log's sealing key is derived from it. */
  readonly dataKey: Uint8Array;
  readonly settings: AuditedSettings;
  readonly outbox: AuditedOutbox;
  readonly log: Logger;
  readonly provisioning?: { readonly source: string };
  readonly now?: () => number;
}

export async function startAuditTrail(options: AuditTrailOptions): Promise<AuditRecorder> {
  const audit = await AuditLog.open({
    dir: path.join(options.dataDir, AUDIT_FOLDER),
    dataKey: options.dataKey,
    identity: () => {
      const { kioskId, branch } = options.settings.get();
      return { kioskId, branch };
    },
    log: options.log,
    ...(options.now ? { now: options.now } : {}),
  });
  const recorder = new AuditRecorder({
    audit,
    outbox: options.outbox,
    settings: options.settings,
    log: options.log,
    ...(options.provisioning ? { provisioning: options.provisioning } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  await recorder.start();
  return recorder;
}
