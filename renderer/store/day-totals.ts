// A day's enrollments counted the way the operator panel shows them: per operator and per outcome (where each
// stands now, grouped as the panel's filter groups states), for the day they were taken on the kiosk's own
// calendar. One pure function for today's tiles, the end-of-day table and its CSV, so the three always agree.
// The operator is read from each job (JobSummary.operatorId): null for a job taken before named operators, under
// the shared kiosk PIN.
import { csvRow } from '../../app/csv-cell';
import { localDayOf, localDayRange } from '../../app/local-day';
import type { JobSummary } from '../../app/queue';
import { GROUP_OF_STATE, JOB_GROUPS, type JobGroup } from '../components/operator/job-groups';

export type GroupCounts = Readonly<Record<JobGroup, number>>;

export interface OperatorDayTotals {
  /** null: taken under the shared kiosk PIN, before named operators. */
  readonly operatorId: string | null;
  readonly counts: GroupCounts;
  readonly total: number;
}

export interface DayTotals {
  /** YYYY-MM-DD, the kiosk's local day. */
  readonly day: string;
  /** One row per operator who took an enrollment that day: named operators by ID, then the unnamed. */
  readonly operators: readonly OperatorDayTotals[];
  /** Every operator together. */
  readonly all: OperatorDayTotals;
}

function zeroCounts(): Record<JobGroup, number> {
  return Object.fromEntries(JOB_GROUPS.map((group) => [group, 0])) as Record<JobGroup, number>;
}

function byOperator(a: OperatorDayTotals, b: OperatorDayTotals): number {
  if (a.operatorId === b.operatorId) return 0;
  if (a.operatorId === null) return 1;
  if (b.operatorId === null) return -1;
  return a.operatorId.localeCompare(b.operatorId);
}

/** The enrollments taken on `day`, per operator and outcome. */
export function dayTotals(jobs: readonly JobSummary[], day: string): DayTotals {
  const { from, to } = localDayRange(day);
  const rows = new Map<string | null, { counts: Record<JobGroup, number>; total: number }>();
  const all = { counts: zeroCounts(), total: 0 };
  for (const job of jobs) {
    if (job.createdAt < from || job.createdAt >= to) continue;
    const group = GROUP_OF_STATE[job.state];
    let row = rows.get(job.operatorId);
    if (!row) {
      row = { counts: zeroCounts(), total: 0 };
      rows.set(job.operatorId, row);
    }
    row.counts[group]++;
    row.total++;
    all.counts[group]++;
    all.total++;
  }
  const operators = [...rows].map(([operatorId, row]) => ({ operatorId, ...row })).sort(byOperator);
  return { day, operators, all: { operatorId: null, ...all } };
}

/** Groups whose jobs Smile ID has received: a job under review (or whose result goes to the bank) was sent. */
const SENT_GROUPS: readonly JobGroup[] = ['approved', 'rejected', 'provisional', 'submitted'];

export type TodayTotals = Readonly<Record<JobGroup | 'sent', number>>;

/** The enrollments taken today (the kiosk's local day), by where they stand now, and how many were sent. */
export function todayTotals(jobs: readonly JobSummary[], now: number): TodayTotals {
  const { counts } = dayTotals(jobs, localDayOf(now)).all;
  return { ...counts, sent: SENT_GROUPS.reduce((sum, group) => sum + counts[group], 0) };
}

/** The columns of the end-of-day CSV: codes, not words, so a bank's spreadsheet or script reads any kiosk's file. */
export const DAY_TOTALS_CSV_COLUMNS = ['day', 'operator_id', ...JOB_GROUPS, 'total'] as const;

/**
 * The end-of-day table as CSV (RFC 4180, CRLF): one row per operator; an empty operator_id is an enrollment
 * taken under the shared kiosk PIN, before named operators.
 */
export function dayTotalsCsv(totals: DayTotals): string {
  const rows = totals.operators.map((row) =>
    csvRow([
      totals.day,
      row.operatorId ?? '',
      ...JOB_GROUPS.map((group) => String(row.counts[group])),
      String(row.total),
    ]),
  );
  return csvRow(DAY_TOTALS_CSV_COLUMNS) + rows.join('');
}

/** e.g. day-totals-K-01-2026-03-14.csv: the kiosk and the day, nothing else. */
export function dayTotalsFileName(kioskId: string, day: string): string {
  return `day-totals-${kioskId.replace(/[^A-Za-z0-9_-]/g, '_') || 'kiosk'}-${day}.csv`;
}
