// One CSV cell (RFC 4180) that a spreadsheet opens as text, never as a formula: the audit trail's CSV export
// (main/audit/export-format.ts) and the operator panel's end-of-day totals write their cells with it.

/**
 * A spreadsheet runs a cell that begins with = + - @ (or a tab or CR) as a formula, so such a cell gets a leading
 * apostrophe — and so does one that begins with an apostrophe, so that removing exactly one gives the value back.
 */
const FORMULA_START = /^[=+\-@\t\r']/;

export function csvCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** One CSV row of cells, with the CRLF line end RFC 4180 names. */
export function csvRow(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
