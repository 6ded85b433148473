// What a supervisor reads of the audit log: a page of entries (newest first) and exports, each computed in one
// pass over the stored log that also checks the whole stored chain (chain-verifier.ts), so every answer says
// whether the log on the kiosk is intact and what its newest hash is.
import type { AuditEntry, AuditExportFormat, AuditFilter, AuditIntegrity } from '../../app/audit/entry';
import { auditMatcher } from './audit-filter';
import type { AuditHead, AuditLog } from './audit-log';
import { ChainVerifier } from './chain-verifier';
import { csvHeader, toCsvRow, toJsonLine, type ExportRecord } from './export-format';
import type { SegmentProblemReason } from './segment-reader';

const PROBLEM_WORDS: Readonly<Record<SegmentProblemReason, string>> = {
  cut_short: 'its last entry was cut short',
  unreadable: 'an entry cannot be opened with this kiosk’s key (damaged or replaced)',
  out_of_chain: 'an entry is not the one that belongs at its place',
};

export interface Scan {
  readonly integrity: AuditIntegrity;
  /** The newest entry read: the head as of the moment the read began. */
  readonly head: AuditHead | null;
}

/** Visits every stored entry in order and checks the stored chain from its origin to its head. */
export async function scan(log: AuditLog, visit: (entry: AuditEntry) => void): Promise<Scan> {
  const verifier = new ChainVerifier({ requireOrigin: true });
  let problem: AuditIntegrity['problem'] = null;
  let head: AuditHead | null = null;
  for await (const item of log.read()) {
    if (item.kind === 'problem') {
      problem ??= { seq: item.problem.seq, reason: `${item.segment}: ${PROBLEM_WORDS[item.problem.reason]}` };
      continue;
    }
    // Stored entries are numbered by their sequence number: a failure names it.
    verifier.add(item.entry.seq, item.entry);
    head = { seq: item.entry.seq, hash: item.entry.hash };
    visit(item.entry);
  }
  const verdict = verifier.finish();
  problem ??= verdict.ok ? null : { seq: verdict.failure.seq, reason: verdict.failure.reason };
  return { integrity: { ok: problem === null, problem }, head };
}

export interface AuditPage {
  readonly entries: AuditEntry[];
  /** How many entries match the filter in the whole log. */
  readonly matched: number;
  /** Ask again with this as `beforeSeq` for the next (older) page; null on the last page. */
  readonly nextBeforeSeq: number | null;
  readonly head: AuditHead | null;
  readonly integrity: AuditIntegrity;
}

export async function listEntries(
  log: AuditLog,
  query: { readonly filter: AuditFilter; readonly beforeSeq?: number; readonly limit: number },
): Promise<AuditPage> {
  const matches = auditMatcher(query.filter);
  const beforeSeq = query.beforeSeq ?? Infinity;
  // The newest `limit + 1` matches before the cursor: the extra one says whether an older page exists.
  const window: AuditEntry[] = [];
  let matched = 0;
  const { integrity, head } = await scan(log, (entry) => {
    if (!matches(entry)) return;
    matched++;
    if (entry.seq >= beforeSeq) return;
    window.push(entry);
    if (window.length > query.limit + 1) window.shift();
  });
  const hasOlder = window.length > query.limit;
  const page = window.slice(hasOlder ? 1 : 0).reverse();
  return {
    entries: page,
    matched,
    nextBeforeSeq: hasOlder ? (page.at(-1)?.seq ?? null) : null,
    head,
    integrity,
  };
}

export interface AuditExport {
  readonly format: AuditExportFormat;
  readonly fileName: string;
  readonly content: string;
  readonly entries: number;
  readonly omittedRuns: number;
  /** The hash of the export's first and last line (entry or omitted run). */
  readonly firstHash: string | null;
  readonly lastHash: string | null;
  readonly head: AuditHead | null;
  readonly integrity: AuditIntegrity;
}

/**
 * The whole stored log in the chosen format, with the entries the filter leaves out replaced by omitted-run
 * lines — so the export runs from the log's first entry to its head and every line joins the one before it.
 */
export async function exportEntries(
  log: AuditLog,
  query: {
    readonly filter: AuditFilter;
    readonly format: AuditExportFormat;
    readonly kioskId: string;
    readonly now: number;
  },
): Promise<AuditExport> {
  const matches = auditMatcher(query.filter);
  const records: ExportRecord[] = [];
  let run: { fromSeq: number; throughSeq: number; prevHash: string; hash: string } | null = null;
  const endRun = () => {
    if (run) records.push({ kind: 'omitted', run });
    run = null;
  };
  const { integrity, head } = await scan(log, (entry) => {
    if (matches(entry)) {
      endRun();
      records.push({ kind: 'entry', entry });
    } else if (run) {
      run = { ...run, throughSeq: entry.seq, hash: entry.hash };
    } else {
      run = { fromSeq: entry.seq, throughSeq: entry.seq, prevHash: entry.prevHash, hash: entry.hash };
    }
  });
  endRun();
  const write = query.format === 'jsonl' ? toJsonLine : toCsvRow;
  const content = (query.format === 'csv' ? csvHeader() : '') + records.map(write).join('');
  const hashOf = (record: ExportRecord | undefined) =>
    record === undefined ? null : record.kind === 'entry' ? record.entry.hash : record.run.hash;
  return {
    format: query.format,
    fileName: exportFileName(query.kioskId, query.now, query.format),
    content,
    entries: records.filter((record) => record.kind === 'entry').length,
    omittedRuns: records.filter((record) => record.kind === 'omitted').length,
    firstHash: hashOf(records[0]),
    lastHash: hashOf(records.at(-1)),
    head,
    integrity,
  };
}

function exportFileName(kioskId: string, now: number, format: AuditExportFormat): string {
  const kiosk = kioskId.replace(/[^A-Za-z0-9_-]/g, '_') || 'kiosk';
  const stamp = new Date(now)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `audit-${kiosk}-${stamp}.${format}`;
}
