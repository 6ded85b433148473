// The two export formats of the audit trail and their readers (docs/audit-trail.md "Export formats"). Both carry
// every field of every entry, its prevHash and hash, so each line can be checked on its own and against the line
// before it; a filtered export puts an omitted-run line where it leaves entries out.
//   JSON Lines: one JSON object per line — an entry, or {"omitted": {fromSeq, throughSeq, prevHash, hash}}.
//   CSV (RFC 4180, CRLF): a header row naming AUDIT_CSV_COLUMNS, then one row per entry or omitted run.
import type { AuditEntry, AuditOmittedRun } from '../../app/audit/entry';
import { csvCell } from '../../app/csv-cell';
import { canonicalJson } from './canonical-json';

export type ExportRecord =
  | { readonly kind: 'entry'; readonly entry: AuditEntry }
  | { readonly kind: 'omitted'; readonly run: AuditOmittedRun };

/** One record read back from an export, as the JSON value its hash is checked on, or why it could not be read. */
export type ParsedLine =
  { readonly line: number; readonly value: unknown } | { readonly line: number; readonly error: string };

export const AUDIT_CSV_COLUMNS = [
  'record',
  'v',
  'seq',
  'through_seq',
  'at',
  'at_ms',
  'kiosk_id',
  'branch',
  'actor_kind',
  'operator_id',
  'role',
  'action',
  'job_id',
  'user_id',
  'details',
  'prev_hash',
  'hash',
] as const;
type CsvColumn = (typeof AUDIT_CSV_COLUMNS)[number];

// ---- JSON Lines ----------------------------------------------------------------------------------------------

export function toJsonLine(record: ExportRecord): string {
  return `${JSON.stringify(record.kind === 'entry' ? record.entry : { omitted: record.run })}\n`;
}

export function parseJsonLines(text: string): ParsedLine[] {
  const lines = text.split('\n');
  // One newline ends the last line; an empty line anywhere else is a line that lost its record.
  if (lines.at(-1) === '') lines.pop();
  return lines.map((raw, index) => {
    const line = index + 1;
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (content.trim() === '') return { line, error: 'an empty line where a record should be' };
    try {
      return { line, value: JSON.parse(content) as unknown };
    } catch {
      return { line, error: 'not a JSON object' };
    }
  });
}

// ---- CSV -----------------------------------------------------------------------------------------------------

export function csvHeader(): string {
  return `${AUDIT_CSV_COLUMNS.join(',')}\r\n`;
}

export function toCsvRow(record: ExportRecord): string {
  const cells: Record<CsvColumn, string> =
    record.kind === 'entry' ? entryCells(record.entry) : omittedCells(record.run);
  return `${AUDIT_CSV_COLUMNS.map((column) => csvCell(cells[column])).join(',')}\r\n`;
}

function entryCells(entry: AuditEntry): Record<CsvColumn, string> {
  return {
    record: 'entry',
    v: String(entry.v),
    seq: String(entry.seq),
    through_seq: '',
    at: entry.at,
    at_ms: String(entry.atMs),
    kiosk_id: entry.kioskId,
    branch: entry.branch,
    actor_kind: entry.actor.kind,
    // Nullable columns: an empty cell is null (their values are never empty strings).
    operator_id: entry.actor.operatorId ?? '',
    role: entry.actor.role ?? '',
    action: entry.action,
    job_id: entry.subject.jobId ?? '',
    user_id: entry.subject.userId ?? '',
    details: canonicalJson(entry.details),
    prev_hash: entry.prevHash,
    hash: entry.hash,
  };
}

function omittedCells(run: AuditOmittedRun): Record<CsvColumn, string> {
  const empty = Object.fromEntries(AUDIT_CSV_COLUMNS.map((column) => [column, ''])) as Record<
    CsvColumn,
    string
  >;
  return {
    ...empty,
    record: 'omitted',
    seq: String(run.fromSeq),
    through_seq: String(run.throughSeq),
    prev_hash: run.prevHash,
    hash: run.hash,
  };
}

/** What csvCell (app/csv-cell.ts) wrote: the value without the one apostrophe that guards a formula start. */
function uncell(value: string): string {
  return value.startsWith("'") ? value.slice(1) : value;
}

export function parseCsv(text: string): ParsedLine[] {
  const rows = splitCsv(text);
  const header = rows.shift();
  if (!header || header.cells.join(',') !== AUDIT_CSV_COLUMNS.join(',')) {
    return [{ line: 1, error: `the header row is not ${AUDIT_CSV_COLUMNS.join(',')}` }];
  }
  return rows.map(({ line, cells, error }) => {
    if (error) return { line, error };
    if (cells.length !== AUDIT_CSV_COLUMNS.length) {
      return { line, error: `${cells.length} cells where ${AUDIT_CSV_COLUMNS.length} columns are named` };
    }
    const row = Object.fromEntries(
      AUDIT_CSV_COLUMNS.map((column, i) => [column, uncell(cells[i] ?? '')]),
    ) as Record<CsvColumn, string>;
    return rowValue(line, row);
  });
}

function rowValue(line: number, row: Record<CsvColumn, string>): ParsedLine {
  if (row.record === 'omitted') {
    return {
      line,
      value: {
        omitted: {
          fromSeq: integer(row.seq),
          throughSeq: integer(row.through_seq),
          prevHash: row.prev_hash,
          hash: row.hash,
        },
      },
    };
  }
  if (row.record !== 'entry') return { line, error: `record is "${row.record}", not entry or omitted` };
  let details: unknown;
  try {
    details = JSON.parse(row.details);
  } catch {
    return { line, error: 'the details cell is not JSON' };
  }
  const nullable = (cell: string) => (cell === '' ? null : cell);
  return {
    line,
    value: {
      v: integer(row.v),
      seq: integer(row.seq),
      at: row.at,
      atMs: integer(row.at_ms),
      kioskId: row.kiosk_id,
      branch: row.branch,
      actor: { kind: row.actor_kind, operatorId: nullable(row.operator_id), role: nullable(row.role) },
      action: row.action,
      subject: { jobId: nullable(row.job_id), userId: nullable(row.user_id) },
      details,
      prevHash: row.prev_hash,
      hash: row.hash,
    },
  };
}

/** A whole number as written by toCsvRow; anything else stays text, which the entry's schema then refuses. */
function integer(cell: string): number | string {
  return /^(0|[1-9]\d{0,15})$/.test(cell) ? Number(cell) : cell;
}

interface CsvRow {
  /** The line the row starts on. */
  readonly line: number;
  readonly cells: string[];
  readonly error?: string;
}

/** RFC 4180: quoted cells may hold commas, quotes (doubled) and line breaks. */
function splitCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endRow = () => {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const char = text.charAt(i);
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else cell += char;
      if (char === '\n') line++;
      i++;
      continue;
    }
    if (char === '"' && cell === '') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\r' || char === '\n') {
      endRow();
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
      continue;
    } else cell += char;
    i++;
  }
  if (quoted) rows.push({ line: rowLine, cells, error: 'a quoted cell is never closed' });
  else if (cell !== '' || cells.length > 0) endRow();
  return rows.map((row) =>
    row.cells.length === 1 && row.cells[0] === '' && !row.error
      ? { ...row, error: 'an empty line where a record should be' }
      : row,
  );
}

/** JSON Lines or CSV, told apart by the first character (an entry line starts with "{"). */
export function parseExport(text: string): { format: 'jsonl' | 'csv'; lines: ParsedLine[] } {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return body.trimStart().startsWith('{')
    ? { format: 'jsonl', lines: parseJsonLines(body) }
    : { format: 'csv', lines: parseCsv(body) };
}
