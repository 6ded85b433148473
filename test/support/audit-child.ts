// An audit log alone in a child process, appending as fast as it can, for test/integration/audit-crash.test.ts to
// SIGKILL at any moment. Run with `node --import tsx test/support/audit-child.ts` (not the tsx CLI, whose
// grandchild a SIGKILL would leave running). Input: AUDIT_DIR. Output, one line per fact, written synchronously:
//   OPEN <seq of the head>      the log opened (after setting aside a torn end, if any)
//   ACK <seq> <hash>            append() resolved: the entry is on disk
import { writeSync } from 'node:fs';
import { SYSTEM_ACTOR } from '../../app/audit/entry';
import { AuditLog } from '../../main/audit/audit-log';
import { DATA_KEY } from './audit-fixtures';

function say(line: string): void {
  let bytes = Buffer.from(`${line}\n`, 'utf8');
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(writeSync(1, bytes));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

const dir = process.env.AUDIT_DIR;
if (!dir) throw new Error('audit-child: AUDIT_DIR is not set');
const log = await AuditLog.open({
  dir,
  dataKey: DATA_KEY,
  identity: () => ({ kioskId: 'K-CRASH', branch: 'Lab' }),
});
say(`OPEN ${log.headNow()?.seq ?? 0}`);
for (let n = 0; ; n++) {
  // Entries of varying size, so a kill lands at different points inside a frame.
  const entry = await log.append({
    action: 'job.attempt_failed',
    actor: SYSTEM_ACTOR,
    subject: { jobId: `job-${n}`, userId: `CUST-${'X'.repeat(n % 97)}` },
    details: { n },
  });
  say(`ACK ${entry.seq} ${entry.hash}`);
}
