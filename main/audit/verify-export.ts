// Checks an audit export (JSON Lines or CSV) end to end: what `npm run audit:verify` runs, and what a bank can
// redo with any SHA-256 and RFC 8785 implementation (docs/audit-trail.md "Verifying an export").
import { ChainVerifier, type ChainVerdict } from './chain-verifier';
import { parseExport } from './export-format';

export interface ExportVerdict {
  readonly format: 'jsonl' | 'csv';
  readonly verdict: ChainVerdict;
}

export function verifyExport(text: string): ExportVerdict {
  const { format, lines } = parseExport(text);
  const verifier = new ChainVerifier();
  for (const line of lines) {
    const failure =
      'error' in line ? verifier.unreadable(line.line, line.error) : verifier.add(line.line, line.value);
    if (failure) break;
  }
  const verdict = verifier.finish();
  if (verdict.ok && verdict.summary.entries === 0) {
    return {
      format,
      verdict: { ok: false, failure: { line: 1, seq: null, reason: 'the file holds no audit entry' } },
    };
  }
  return { format, verdict };
}

/** The verdict as the command prints it: OK with the count and hashes, or the first broken line and why. */
export function describeVerdict({ format, verdict }: ExportVerdict): string {
  if (!verdict.ok) {
    const { line, seq, reason } = verdict.failure;
    return `BROKEN at line ${line}${seq === null ? '' : ` (seq ${seq})`}: ${reason}`;
  }
  const s = verdict.summary;
  const omitted =
    s.omittedRuns === 0
      ? ''
      : `; ${s.omittedEntries} more left out by the export's filter, in ${s.omittedRuns} omitted run${s.omittedRuns === 1 ? '' : 's'}`;
  return [
    `OK: ${s.entries} entr${s.entries === 1 ? 'y' : 'ies'} (${format}), seq ${s.firstSeq}–${s.lastSeq}${omitted}`,
    `  first prevHash ${s.firstPrevHash}${s.firstSeq === 1 ? ' (genesis: the start of the log)' : ''}`,
    `  first hash     ${s.firstHash}`,
    `  last hash      ${s.lastHash}`,
    "  To rule out a cut-off end, compare the last hash with the kiosk's audit head (or a later export).",
  ].join('\n');
}
