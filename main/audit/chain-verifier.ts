// Checks a run of audit records — an export's lines, or the kiosk's own stored log — one at a time, and names the
// first one that is broken (docs/audit-trail.md "Verifying"). A record is an entry, or an omitted run a filtered
// export puts where it leaves entries out. For each record, in order:
//   1. it has the shape of an entry (or of an omitted run);
//   2. an entry's hash is the SHA-256 of its canonical form: an edited field fails here, at its own line;
//   3. its sequence number follows the record before it: a removed line, or two lines swapped, fails here;
//   4. its prevHash is the hash of the record before it: an entry edited *and* given a recomputed hash passes
//      its own check but no longer matches what the next entry recorded for it — it fails here, named as the
//      entry whose content changed;
//   5. seq 1 follows the genesis hash; a retention checkpoint's last purged hash is the prevHash of the first
//      entry after it.
import {
  AUDIT_GENESIS_HASH,
  AUDIT_HASH_PATTERN,
  auditEntryRecordSchema,
  auditOmittedRunSchema,
} from '../../app/audit/entry';
import { NotCanonicalisableError } from './canonical-json';
import { entryHash } from './entry-hash';

export interface ChainFailure {
  /** The line (an export's line number, or the stored entry's position) of the first broken record. */
  readonly line: number;
  /** Its sequence number, when it has one. */
  readonly seq: number | null;
  readonly reason: string;
}

export interface ChainSummary {
  readonly entries: number;
  readonly omittedRuns: number;
  readonly omittedEntries: number;
  readonly firstSeq: number | null;
  readonly lastSeq: number | null;
  /** The prevHash of the first record: the genesis hash, a checkpoint's last purged hash, or an earlier entry's. */
  readonly firstPrevHash: string | null;
  readonly firstHash: string | null;
  /** The hash of the last record: compare it with the kiosk's audit head to see that nothing was cut off. */
  readonly lastHash: string | null;
}

export type ChainVerdict =
  | { readonly ok: true; readonly summary: ChainSummary }
  | { readonly ok: false; readonly failure: ChainFailure };

export interface ChainVerifierOptions {
  /**
   * The records must start where the log starts: at seq 1, or right after the entries a retention checkpoint
   * says were purged. The kiosk checks its own log so; an export may start anywhere.
   */
  readonly requireOrigin?: boolean;
}

interface Link {
  readonly line: number;
  readonly kind: 'entry' | 'omitted';
  readonly startSeq: number;
  readonly endSeq: number;
  readonly prevHash: string;
  readonly hash: string;
}

const RETENTION_CHECKPOINT = 'audit.retention_purged';

export class ChainVerifier {
  private first: Link | null = null;
  private previous: Link | null = null;
  private failure: ChainFailure | null = null;
  private originCovered = false;
  private entries = 0;
  private omittedRuns = 0;
  private omittedEntries = 0;

  constructor(private readonly options: ChainVerifierOptions = {}) {}

  /** Checks the next record; answers the first failure (and every call after it answers the same). */
  add(line: number, value: unknown): ChainFailure | null {
    this.failure ??= this.check(line, value);
    return this.failure;
  }

  /** A record that could not even be read as JSON (or as a CSV row) at this line. */
  unreadable(line: number, reason: string): ChainFailure {
    this.failure ??= { line, seq: null, reason };
    return this.failure;
  }

  finish(): ChainVerdict {
    if (this.failure) return { ok: false, failure: this.failure };
    const first = this.first;
    if (this.options.requireOrigin && first && first.startSeq !== 1 && !this.originCovered) {
      return {
        ok: false,
        failure: {
          line: first.line,
          seq: first.startSeq,
          reason: `the log starts at seq ${first.startSeq}, but no retention checkpoint accounts for the entries before it`,
        },
      };
    }
    return {
      ok: true,
      summary: {
        entries: this.entries,
        omittedRuns: this.omittedRuns,
        omittedEntries: this.omittedEntries,
        firstSeq: first?.startSeq ?? null,
        lastSeq: this.previous?.endSeq ?? null,
        firstPrevHash: first?.prevHash ?? null,
        firstHash: first?.hash ?? null,
        lastHash: this.previous?.hash ?? null,
      },
    };
  }

  private check(line: number, value: unknown): ChainFailure | null {
    const link = this.readRecord(line, value);
    if ('reason' in link) return link;
    const previous = this.previous;
    if (previous === null) {
      if (link.startSeq === 1 && link.prevHash !== AUDIT_GENESIS_HASH) {
        return { line, seq: 1, reason: 'seq 1 must follow the genesis hash (64 zeros)' };
      }
      this.first = link;
    } else {
      const broken = this.checkJoin(previous, link);
      if (broken) return broken;
    }
    this.previous = link;
    return link.kind === 'entry' ? this.checkCheckpoint(line, value) : null;
  }

  private readRecord(line: number, value: unknown): Link | ChainFailure {
    if (isOmittedLine(value)) {
      const run = auditOmittedRunSchema.safeParse(value.omitted);
      if (!run.success)
        return { line, seq: null, reason: `not an omitted-run line: ${firstIssue(run.error)}` };
      this.omittedRuns++;
      this.omittedEntries += run.data.throughSeq - run.data.fromSeq + 1;
      return {
        line,
        kind: 'omitted',
        startSeq: run.data.fromSeq,
        endSeq: run.data.throughSeq,
        ...hashes(run.data),
      };
    }
    const parsed = auditEntryRecordSchema.safeParse(value);
    if (!parsed.success) {
      return { line, seq: seqOf(value), reason: `not an audit entry: ${firstIssue(parsed.error)}` };
    }
    const entry = parsed.data;
    let recomputed: string;
    try {
      recomputed = entryHash(value as Record<string, unknown>);
    } catch (error) {
      if (!(error instanceof NotCanonicalisableError)) throw error;
      return { line, seq: entry.seq, reason: `not canonical JSON: ${error.message}` };
    }
    if (recomputed !== entry.hash) {
      return {
        line,
        seq: entry.seq,
        reason: 'its hash does not match its content: the entry was changed after it was written',
      };
    }
    this.entries++;
    return { line, kind: 'entry', startSeq: entry.seq, endSeq: entry.seq, ...hashes(entry) };
  }

  private checkJoin(previous: Link, link: Link): ChainFailure | null {
    const expected = previous.endSeq + 1;
    if (link.startSeq > expected) {
      return {
        line: link.line,
        seq: link.startSeq,
        reason:
          `seq ${link.startSeq} follows seq ${previous.endSeq}: ${describeRange(expected, link.startSeq - 1)} ` +
          'missing with no omitted-run line for them (a line was removed)',
      };
    }
    if (link.startSeq < expected) {
      return {
        line: link.line,
        seq: link.startSeq,
        reason: `seq ${link.startSeq} follows seq ${previous.endSeq}: lines are out of order or repeated`,
      };
    }
    if (link.prevHash === previous.hash) return null;
    // An omitted-run line proves nothing by itself, so when one is involved it is the suspect. Between two
    // entries, each of which matches its own hash, the earlier one no longer matches what the later one
    // recorded for it when it was written: it was changed and its hash recomputed.
    if (link.kind === 'omitted' || previous.kind === 'entry') {
      const suspect = link.kind === 'omitted' ? link : previous;
      const reason =
        link.kind === 'omitted'
          ? `its prevHash does not match the hash of line ${previous.line}`
          : `its content no longer matches the hash that the next entry (line ${link.line}, seq ${link.startSeq}) ` +
            'recorded for it: it was changed and its hash recomputed (or the next entry’s prevHash was changed)';
      return { line: suspect.line, seq: suspect.kind === 'entry' ? suspect.startSeq : null, reason };
    }
    return {
      line: previous.line,
      seq: null,
      reason: `its hash does not match the prevHash of the next entry (line ${link.line}, seq ${link.startSeq})`,
    };
  }

  /** A retention checkpoint names the hash the first entry after the purge must follow. */
  private checkCheckpoint(line: number, value: unknown): ChainFailure | null {
    const entry = auditEntryRecordSchema.parse(value);
    if (entry.action !== RETENTION_CHECKPOINT) return null;
    const through = entry.details.purgedThroughSeq;
    const lastHash = entry.details.lastPurgedHash;
    if (typeof through !== 'number' || typeof lastHash !== 'string' || !AUDIT_HASH_PATTERN.test(lastHash)) {
      return {
        line,
        seq: entry.seq,
        reason: 'a retention checkpoint without purgedThroughSeq and lastPurgedHash',
      };
    }
    const first = this.first;
    if (first === null || first.startSeq !== through + 1) return null;
    if (first.prevHash !== lastHash) {
      return {
        line: first.line,
        seq: first.startSeq,
        reason: `it does not follow the last purged entry named by the retention checkpoint at line ${line}`,
      };
    }
    this.originCovered = true;
    return null;
  }
}

function isOmittedLine(value: unknown): value is { omitted: unknown } {
  return typeof value === 'object' && value !== null && 'omitted' in value && Object.keys(value).length === 1;
}

function hashes(record: { prevHash: string; hash: string }): { prevHash: string; hash: string } {
  return { prevHash: record.prevHash, hash: record.hash };
}

function seqOf(value: unknown): number | null {
  if (typeof value !== 'object' || value === null || !('seq' in value)) return null;
  return typeof value.seq === 'number' ? value.seq : null;
}

function describeRange(from: number, through: number): string {
  return from === through ? `seq ${from} is` : `seq ${from}–${through} are`;
}

function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return `${issue.path.map(String).join('.') || 'line'}: ${issue.message}`;
}
