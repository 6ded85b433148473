// End of day (renderer/store/day-totals.ts): a day's enrollments per operator and outcome, on the kiosk's own
// calendar, the same numbers on screen, in the CSV and in today's tiles.
import { describe, expect, it } from 'vitest';
import { localDayOf } from '../../app/local-day';
import type { JobState } from '../../app/job-states';
import type { JobSummary } from '../../app/queue';
import {
  DAY_TOTALS_CSV_COLUMNS,
  dayTotals,
  dayTotalsCsv,
  dayTotalsFileName,
  todayTotals,
} from '../../renderer/store/day-totals';

const DAY = '2026-03-14';
const NOON = new Date(2026, 2, 14, 12, 0, 0).getTime();
const MIDNIGHT = new Date(2026, 2, 14, 0, 0, 0).getTime();
const NEXT_MIDNIGHT = new Date(2026, 2, 15, 0, 0, 0).getTime();

let sequence = 0;
function job(state: JobState, operatorId: string | null, createdAt = NOON): JobSummary {
  sequence++;
  return {
    jobId: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    userId: `CUST-${sequence}`,
    state,
    createdAt,
    updatedAt: createdAt,
    attempts: 1,
    nextAttemptAt: null,
    lastError: null,
    result: null,
    completedAt: null,
    operatorId,
  };
}

const JOBS = [
  job('approved', 'mary'),
  job('approved', 'mary'),
  job('rejected', 'mary'),
  job('needs_attention', 'mary'),
  job('approved', 'amina'),
  job('provisional', 'amina'),
  job('uploading', 'amina'),
  job('queued', 'amina'),
  // Taken under the shared kiosk PIN, before named operators.
  job('approved', null),
  job('submitted', null),
  // The day before, the day after: not this day.
  job('approved', 'mary', MIDNIGHT - 1),
  job('approved', 'amina', NEXT_MIDNIGHT),
];

describe('dayTotals', () => {
  it('counts a day per operator and outcome: named operators by ID, the unnamed last, and all of them', () => {
    const totals = dayTotals(JOBS, DAY);
    expect(totals.day).toBe(DAY);
    expect(totals.operators).toEqual([
      {
        operatorId: 'amina',
        counts: { waiting: 2, needs_attention: 0, provisional: 1, approved: 1, rejected: 0, submitted: 0 },
        total: 4,
      },
      {
        operatorId: 'mary',
        counts: { waiting: 0, needs_attention: 1, provisional: 0, approved: 2, rejected: 1, submitted: 0 },
        total: 4,
      },
      {
        operatorId: null,
        counts: { waiting: 0, needs_attention: 0, provisional: 0, approved: 1, rejected: 0, submitted: 1 },
        total: 2,
      },
    ]);
    expect(totals.all).toEqual({
      operatorId: null,
      counts: { waiting: 2, needs_attention: 1, provisional: 1, approved: 4, rejected: 1, submitted: 1 },
      total: 10,
    });
  });

  it("runs from the kiosk's local midnight to the next", () => {
    expect(dayTotals([job('approved', 'a', MIDNIGHT)], DAY).all.total).toBe(1);
    expect(dayTotals([job('approved', 'a', NEXT_MIDNIGHT - 1)], DAY).all.total).toBe(1);
    expect(dayTotals([job('approved', 'a', NEXT_MIDNIGHT)], DAY).all.total).toBe(0);
    expect(dayTotals(JOBS, '2026-03-13').all.total).toBe(1);
    expect(dayTotals(JOBS, '2026-03-15').operators.map((row) => row.operatorId)).toEqual(['amina']);
    expect(localDayOf(NOON)).toBe(DAY);
  });

  it('is empty for a day without enrollments', () => {
    expect(dayTotals(JOBS, '2025-01-01')).toMatchObject({ operators: [], all: { total: 0 } });
  });
});

describe('todayTotals', () => {
  it('is the day’s row of all operators, with a review or a bank-bound result counted as sent', () => {
    expect(todayTotals(JOBS, NOON)).toEqual({
      ...dayTotals(JOBS, DAY).all.counts,
      sent: 4 + 1 + 1 + 1,
    });
  });
});

describe('dayTotalsCsv', () => {
  it('writes one row per operator with codes for columns; an unnamed operator is an empty cell', () => {
    const lines = dayTotalsCsv(dayTotals(JOBS, DAY)).split('\r\n');
    expect(lines).toEqual([
      DAY_TOTALS_CSV_COLUMNS.join(','),
      `${DAY},amina,2,0,1,1,0,0,4`,
      `${DAY},mary,0,1,0,2,1,0,4`,
      `${DAY},,0,0,0,1,0,1,2`,
      '',
    ]);
    expect(DAY_TOTALS_CSV_COLUMNS).toEqual([
      'day',
      'operator_id',
      'waiting',
      'needs_attention',
      'provisional',
      'approved',
      'rejected',
      'submitted',
      'total',
    ]);
  });

  it('never hands a spreadsheet a formula', () => {
    const csv = dayTotalsCsv(dayTotals([job('approved', '=cmd|calc'), job('approved', '@sum')], DAY));
    expect(csv).toContain(`${DAY},'=cmd|calc,`);
    expect(csv).toContain(`${DAY},'@sum,`);
  });

  it('names the file by kiosk and day only', () => {
    expect(dayTotalsFileName('K-01', DAY)).toBe('day-totals-K-01-2026-03-14.csv');
    expect(dayTotalsFileName('Nairobi / CBD', DAY)).toBe('day-totals-Nairobi___CBD-2026-03-14.csv');
    expect(dayTotalsFileName('', DAY)).toBe('day-totals-kiosk-2026-03-14.csv');
  });
});
