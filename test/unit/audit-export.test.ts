// Exports and pages of the audit trail: a filtered export keeps the whole chain checkable with omitted-run
// lines, in both formats; CSV cells cannot run as spreadsheet formulas; pages go newest first.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../app/audit/entry';
import type { AuditLog } from '../../main/audit/audit-log';
import { exportEntries, listEntries } from '../../main/audit/audit-query';
import { localDayRange } from '../../main/audit/audit-filter';
import { parseCsv } from '../../main/audit/export-format';
import { verifyExport } from '../../main/audit/verify-export';
import {
  appendAll,
  auditFixture,
  DAY_MS,
  enrollmentDrafts,
  PIN_ACTOR,
  START_MS,
  type AuditFixture,
} from '../support/audit-fixtures';

let fixture: AuditFixture;
let log: AuditLog;

const JOBS = [
  '11111111-1111-4111-8111-111111111111',
  '22222222-2222-4222-8222-222222222222',
  '33333333-3333-4333-8333-333333333333',
];

beforeEach(async () => {
  fixture = await auditFixture();
  log = await fixture.open();
  await log.append({ action: 'operator.signed_in', actor: PIN_ACTOR, details: { via: 'pin' } });
  await appendAll(log, enrollmentDrafts(JOBS[0]!, 'CUST-A'));
  await appendAll(log, enrollmentDrafts(JOBS[1]!, 'CUST-B'));
  fixture.clock.now = START_MS + DAY_MS;
  await appendAll(log, enrollmentDrafts(JOBS[2]!, 'CUST-A'));
  await log.append({
    action: 'job.retry_requested',
    actor: PIN_ACTOR,
    subject: { jobId: JOBS[1]!, userId: 'CUST-B' },
  });
});
afterEach(async () => {
  await log.close();
  await fixture.close();
});

const exportOf = (filter: Parameters<typeof exportEntries>[1]['filter'], format: 'jsonl' | 'csv') =>
  exportEntries(log, { filter, format, kioskId: 'K-01', now: fixture.clock.now });

describe('audit export', () => {
  it.each(['jsonl', 'csv'] as const)(
    'unfiltered (%s): every entry, no omitted run, ending at the head',
    async (format) => {
      const exported = await exportOf({}, format);
      expect(exported).toMatchObject({ entries: 12, omittedRuns: 0, lastHash: log.headNow()?.hash });
      expect(exported.fileName).toMatch(new RegExp(`^audit-K-01-20260302T090000Z\\.${format}$`));
      const { verdict } = verifyExport(exported.content);
      expect(verdict).toEqual({
        ok: true,
        summary: expect.objectContaining({
          entries: 12,
          omittedRuns: 0,
          firstSeq: 1,
          lastSeq: 12,
          lastHash: exported.lastHash,
        }),
      });
    },
  );

  it.each(['jsonl', 'csv'] as const)(
    'by user ID (%s): that customer only, the rest as omitted runs that verify',
    async (format) => {
      const exported = await exportOf({ userId: ' CUST-A ' }, format);
      expect(exported.entries).toBe(6);
      const { verdict } = verifyExport(exported.content);
      expect(verdict).toMatchObject({ ok: true, summary: { entries: 6, omittedEntries: 6, lastSeq: 12 } });
      expect(exported.content).not.toContain('CUST-B');
    },
  );

  it('by operator and by day', async () => {
    const byOperator = await exportOf({ operatorId: 'kiosk-pin' }, 'jsonl');
    expect(byOperator.entries).toBe(2);
    expect(verifyExport(byOperator.content).verdict.ok).toBe(true);
    const day = new Date(START_MS + DAY_MS);
    const iso = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    const range = localDayRange(iso);
    const byDay = await exportOf({ day: iso }, 'csv');
    const expected = (await listEntries(log, { filter: {}, limit: 200 })).entries.filter(
      (entry) => entry.atMs >= range.from && entry.atMs < range.to,
    ).length;
    expect(byDay.entries).toBe(expected);
    expect(verifyExport(byDay.content).verdict.ok).toBe(true);
  });

  it('guards CSV cells a spreadsheet would run as formulas, and reads them back exactly', async () => {
    await log.append({
      action: 'settings.changed',
      actor: PIN_ACTOR,
      details: { fields: ['branch'], changes: [{ field: 'branch', from: '', to: '=HYPERLINK("http://x")' }] },
      subject: { jobId: null, userId: "'=1+1" },
    });
    const exported = await exportOf({}, 'csv');
    const lastRow = exported.content.trimEnd().split('\r\n').at(-1)!;
    expect(lastRow).toContain(",''=1+1,");
    expect(verifyExport(exported.content).verdict.ok).toBe(true);
    const parsed = parseCsv(exported.content).at(-1);
    expect(parsed && 'value' in parsed ? parsed.value : null).toMatchObject({ subject: { userId: "'=1+1" } });
  });
});

describe('audit pages', () => {
  it('lists newest first, a page at a time, with the count and the head', async () => {
    const first = await listEntries(log, { filter: {}, limit: 5 });
    expect(first.entries.map((entry) => entry.seq)).toEqual([12, 11, 10, 9, 8]);
    expect(first).toMatchObject({
      matched: 12,
      nextBeforeSeq: 8,
      head: log.headNow(),
      integrity: { ok: true },
    });
    const second = await listEntries(log, { filter: {}, limit: 5, beforeSeq: 8 });
    expect(second.entries.map((entry) => entry.seq)).toEqual([7, 6, 5, 4, 3]);
    const last = await listEntries(log, { filter: {}, limit: 5, beforeSeq: 3 });
    expect(last.entries.map((entry) => entry.seq)).toEqual([2, 1]);
    expect(last.nextBeforeSeq).toBeNull();
    const customer = await listEntries(log, { filter: { userId: 'CUST-B' }, limit: 50 });
    expect(customer.entries.map((entry) => entry.action)).toEqual([
      'job.retry_requested',
      'job.result',
      'job.sent',
      'enrollment.saved',
    ]);
    await log.append({ action: 'system.kiosk_stopped', actor: SYSTEM_ACTOR });
  });
});
