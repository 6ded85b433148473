// Reads one segment back: opens each frame for its place in the log and checks it is the entry that belongs
// there (its sequence number, its own hash, and the link to the entry before it in the segment). Reading stops
// at the first frame that fails; what comes after it cannot be trusted to be framed right.
import { auditEntrySchema, type AuditEntry } from '../../app/audit/entry';
import type { AuditSealer } from './audit-sealing';
import { entryHash } from './entry-hash';
import { scanFrames, type Segment } from './segment-files';

/**
 * Why reading stopped early. 'cut_short': the last frame is incomplete (a write cut short by a crash or power
 * loss). 'unreadable': a frame does not open under the log's key (damaged or replaced). 'out_of_chain': it opens
 * but is not the entry that belongs there.
 */
export type SegmentProblemReason = 'cut_short' | 'unreadable' | 'out_of_chain';

export interface SegmentProblem {
  /** Byte offset of the first frame that failed. */
  readonly offset: number;
  /** The sequence number that frame should have held. */
  readonly seq: number;
  readonly reason: SegmentProblemReason;
}

export interface SegmentRead {
  readonly entries: readonly AuditEntry[];
  /** How many bytes from the start hold the good entries: the whole file unless `problem`. */
  readonly goodBytes: number;
  readonly problem: SegmentProblem | null;
}

export function decodeSegment(bytes: Buffer, segment: Segment, sealer: AuditSealer): SegmentRead {
  const scan = scanFrames(bytes);
  const entries: AuditEntry[] = [];
  let goodBytes = 0;
  for (const { offset, sealed } of scan.frames) {
    const seq = segment.firstSeq + entries.length;
    const entry = openEntry(sealer, sealed, seq);
    if (typeof entry === 'string') {
      return { entries, goodBytes, problem: { offset, seq, reason: entry } };
    }
    const previous = entries.at(-1);
    if (entry.seq !== seq || (previous !== undefined && entry.prevHash !== previous.hash)) {
      return { entries, goodBytes, problem: { offset, seq, reason: 'out_of_chain' } };
    }
    entries.push(entry);
    goodBytes = offset + 4 + sealed.length;
  }
  if (scan.brokenAt !== null) {
    const seq = segment.firstSeq + entries.length;
    const reason = scan.brokenBecause === 'cut_short' ? 'cut_short' : 'unreadable';
    return { entries, goodBytes, problem: { offset: scan.brokenAt, seq, reason } };
  }
  return { entries, goodBytes, problem: null };
}

function openEntry(sealer: AuditSealer, sealed: Buffer, seq: number): AuditEntry | SegmentProblemReason {
  let value: unknown;
  try {
    value = sealer.open(sealed, seq);
  } catch {
    return 'unreadable';
  }
  const parsed = auditEntrySchema.safeParse(value);
  if (!parsed.success) return 'out_of_chain';
  return entryHash(value as Record<string, unknown>) === parsed.data.hash ? parsed.data : 'out_of_chain';
}
