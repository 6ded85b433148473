// Retention of the audit trail: whole old days go, a checkpoint entry first records the last purged hash, and
// what stays still verifies from its first entry on. The trail is never kept for less than the job records.
import { readdir, unlink } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../app/settings';
import { SYSTEM_ACTOR } from '../../app/audit/entry';
import type { AuditLog } from '../../main/audit/audit-log';
import { listEntries, exportEntries } from '../../main/audit/audit-query';
import { AuditRecorder } from '../../main/audit/audit-recorder';
import { effectiveAuditRetentionDays } from '../../main/audit/audit-retention';
import { listSegments } from '../../main/audit/segment-files';
import { verifyExport } from '../../main/audit/verify-export';
import { silentLogger } from '../../main/log';
import { auditFixture, DAY_MS, START_MS, type AuditFixture } from '../support/audit-fixtures';

let fixture: AuditFixture;
let log: AuditLog | undefined;

beforeEach(async () => {
  fixture = await auditFixture();
});
afterEach(async () => {
  await log?.close();
  log = undefined;
  await fixture.close();
});

/** Two entries on each of `days` days, from START_MS on; the clock ends on the last day. */
async function daysOfEntries(audit: AuditLog, days: number): Promise<void> {
  for (let day = 0; day < days; day++) {
    fixture.clock.now = START_MS + day * DAY_MS;
    await audit.append({ action: 'system.kiosk_started', actor: SYSTEM_ACTOR, details: { day } });
    await audit.append({ action: 'system.kiosk_stopped', actor: SYSTEM_ACTOR, details: { day } });
  }
}

describe('audit retention', () => {
  it('deletes whole days past the retention period after recording a checkpoint with the last purged hash', async () => {
    log = await fixture.open();
    await daysOfEntries(log, 6);
    expect(await listSegments(fixture.dir)).toHaveLength(6);
    const before = await listEntries(log, { filter: {}, limit: 200 });
    // 2026-03-01 … 03-06 written; on 03-06 09:00 with 3 days kept, the days that ended by 03-03 09:00 go.
    const report = await log.purgeOlderThan(3);
    expect(report).toEqual({
      segments: 2,
      entries: 5,
      purgedThroughSeq: 5,
      lastPurgedHash: before.entries.find((entry) => entry.seq === 5)?.hash,
    });
    expect((await listSegments(fixture.dir)).map((segment) => segment.day)).toEqual([
      '20260303',
      '20260304',
      '20260305',
      '20260306',
    ]);
    const after = await listEntries(log, { filter: {}, limit: 200 });
    expect(after.integrity).toEqual({ ok: true, problem: null });
    expect(after.entries[0]).toMatchObject({
      action: 'audit.retention_purged',
      details: {
        purgedThroughSeq: 5,
        lastPurgedHash: report?.lastPurgedHash,
        oldestKeptSeq: 6,
        retentionDays: 3,
      },
    });
    expect(after.entries.at(-1)).toMatchObject({ seq: 6, prevHash: report?.lastPurgedHash });
    // An export of what stays verifies too, starting after the purge.
    const exported = await exportEntries(log, {
      filter: {},
      format: 'jsonl',
      kioskId: 'K-01',
      now: fixture.clock.now,
    });
    expect(verifyExport(exported.content).verdict).toMatchObject({ ok: true, summary: { firstSeq: 6 } });
    // Nothing more is due: a second sweep changes nothing.
    expect(await log.purgeOlderThan(3)).toBeNull();
  });

  it('never deletes the segment being written, however old its day', async () => {
    log = await fixture.open();
    await log.append({ action: 'system.kiosk_started', actor: SYSTEM_ACTOR });
    fixture.clock.now += 400 * DAY_MS;
    expect(await log.purgeOlderThan(1)).toBeNull();
    expect(await listSegments(fixture.dir)).toHaveLength(1);
  });

  it('reports a log whose oldest days were deleted without a checkpoint', async () => {
    log = await fixture.open();
    await daysOfEntries(log, 3);
    const [oldest] = await listSegments(fixture.dir);
    await unlink(oldest!.path);
    const page = await listEntries(log, { filter: {}, limit: 10 });
    expect(page.integrity).toMatchObject({
      ok: false,
      problem: { seq: 4, reason: expect.stringMatching(/no retention checkpoint accounts/) },
    });
  });

  it('keeps the trail at least as long as the job records, whatever auditRetentionDays says', async () => {
    expect(effectiveAuditRetentionDays({ auditRetentionDays: 365, retentionDays: 30 })).toBe(365);
    expect(effectiveAuditRetentionDays({ auditRetentionDays: 1, retentionDays: 30 })).toBe(30);

    log = await fixture.open();
    await daysOfEntries(log, 8);
    // Through the recorder, as the kiosk runs it: auditRetentionDays 1 is raised to retentionDays 4.
    const settings: Settings = { ...DEFAULT_SETTINGS, auditRetentionDays: 1, retentionDays: 4 };
    const recorder = new AuditRecorder({
      audit: log,
      outbox: {
        onEvent: () => () => undefined,
        snapshot: () => [],
        openReport: {
          setAsidePath: null,
          invalidRecords: 0,
          reindexedOrphans: 0,
          missingFolders: 0,
          unreadableFolders: 0,
        },
      },
      settings: { get: () => settings, onChange: () => () => undefined },
      log: silentLogger,
      now: () => fixture.clock.now,
    });
    await recorder.start();
    await recorder.stop();
    log = undefined;
    const days = (await readdir(fixture.dir)).map((name) => name.slice(-12, -4)).sort();
    // 03-08 09:00 minus 4 days: the days ending by 03-04 09:00 (03-01 … 03-03) are gone, 03-04 … 03-08 stay.
    expect(days).toEqual(['20260304', '20260305', '20260306', '20260307', '20260308']);
  });
});
