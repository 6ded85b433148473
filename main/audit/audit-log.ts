// The audit log: append-only, hash-chained, sealed at rest, one segment file per day (segment-files.ts).
//
// - Append-only: entries are only ever added at the end; the only deletions are whole old segments at the end of
//   the retention period, and each is recorded first by a checkpoint entry carrying the last purged hash.
// - Durable: append() resolves once the entry's frame is fdatasync'ed; an entry acknowledged survives kill -9
//   and power loss. Appends run one at a time, so the chain has one order.
// - A torn end is never dropped silently: at open, the unreadable end of the newest segment (a write a crash cut
//   short, or damage) is copied aside into its own file, cut off the segment, and an entry records it.
import { mkdir, open as openFile, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { AuditAction } from '../../app/audit/actions';
import {
  AUDIT_FORMAT_VERSION,
  AUDIT_GENESIS_HASH,
  auditEntrySchema,
  SYSTEM_ACTOR,
  type AuditActor,
  type AuditDetails,
  type AuditEntry,
  type AuditSubject,
} from '../../app/audit/entry';
import { silentLogger, type Logger } from '../log';
import { SerialQueue } from '../secure/serial-queue';
import { AuditSealer } from './audit-sealing';
import { syncDirectory, truncateDurably, writeDurably } from '../storage/durable-writes';
import { withHash } from './entry-hash';
import { decodeSegment, type SegmentProblem, type SegmentProblemReason } from './segment-reader';
import {
  dayEndMs,
  frame,
  listSegments,
  readSegmentBytes,
  segmentAt,
  utcDay,
  type Segment,
} from './segment-files';

const DAY_MS = 86_400_000;

export interface AuditDraft {
  readonly action: AuditAction;
  readonly actor: AuditActor;
  readonly subject?: Partial<AuditSubject>;
  readonly details?: AuditDetails;
}

/** The kiosk's name and place as the settings say at the moment of each entry. */
export interface KioskIdentity {
  readonly kioskId: string;
  readonly branch: string;
}

export interface AuditLogOptions {
  /** The log's own folder (dataDir/audit). */
  readonly dir: string;
  /** The per-install data key from the vault: the sealing key is derived from it (audit-sealing.ts). */
  readonly dataKey: Uint8Array;
  readonly identity: () => KioskIdentity;
  readonly now?: () => number;
  readonly log?: Logger;
}

export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
}

/** The unreadable end of a segment, moved into a file of its own at open. */
export interface SetAsideTail {
  readonly segment: string;
  /** The file (in the log's folder) that keeps the bytes, still sealed. */
  readonly file: string;
  readonly bytes: number;
  readonly reason: SegmentProblemReason;
  /** The sequence number the first unreadable frame should have held; the log goes on from it. */
  readonly firstLostSeq: number;
}

export interface AuditOpenReport {
  /** No log existed: this open wrote its first entry. */
  readonly created: boolean;
  readonly setAside: readonly SetAsideTail[];
}

export interface PurgeReport {
  readonly segments: number;
  readonly entries: number;
  readonly purgedThroughSeq: number;
  readonly lastPurgedHash: string;
}

/** What reading the log gives: each entry in order, or where a segment stopped being readable. */
export type StoredItem =
  | { readonly kind: 'entry'; readonly entry: AuditEntry }
  | { readonly kind: 'problem'; readonly segment: string; readonly problem: SegmentProblem };

interface OpenSegment {
  readonly segment: Segment;
  readonly handle: FileHandle;
  /** Bytes of complete, durable frames. */
  size: number;
}

export class AuditLog {
  private readonly appends = new SerialQueue();
  private current: OpenSegment | null = null;
  private closed = false;

  private constructor(
    private readonly dir: string,
    private readonly sealer: AuditSealer,
    private readonly identity: () => KioskIdentity,
    private readonly now: () => number,
    private head: AuditHead | null,
    readonly openReport: AuditOpenReport,
  ) {}

  static async open(options: AuditLogOptions): Promise<AuditLog> {
    const now = options.now ?? Date.now;
    const log = options.log ?? silentLogger;
    const sealer = new AuditSealer(options.dataKey);
    await mkdir(options.dir, { recursive: true, mode: 0o700 });
    const { head, setAside, tail } = await recoverNewestSegment(options.dir, sealer, now());
    for (const tailSetAside of setAside) log.error('audit_tail_set_aside', { ...tailSetAside });
    const audit = new AuditLog(options.dir, sealer, options.identity, now, head, {
      created: head === null,
      setAside,
    });
    if (tail && tail.segment.day === utcDay(now())) {
      audit.current = {
        segment: tail.segment,
        handle: await openFile(tail.segment.path, 'a', 0o600),
        size: tail.size,
      };
    }
    if (head === null) {
      await audit.append({
        action: 'audit.log_started',
        actor: SYSTEM_ACTOR,
        details: { format: AUDIT_FORMAT_VERSION, afterUnreadableLog: setAside.length > 0 },
      });
    }
    for (const lost of setAside) {
      await audit.append({
        action: 'audit.unreadable_tail_set_aside',
        actor: SYSTEM_ACTOR,
        details: { ...lost },
      });
    }
    return audit;
  }

  /** Adds one entry at the end; resolves once it is on disk. */
  append(draft: AuditDraft): Promise<AuditEntry> {
    return this.appends.run(() => this.appendNow(draft));
  }

  /** The newest entry's sequence number and hash (null only before the first entry). */
  headNow(): AuditHead | null {
    return this.head;
  }

  /**
   * Every stored entry, oldest first, as of the moment the read starts (entries appended meanwhile are left
   * for the next read), and where a segment stops being readable.
   */
  async *read(): AsyncGenerator<StoredItem> {
    const lastSeq = this.head?.seq ?? 0;
    const current = this.current ? { path: this.current.segment.path, size: this.current.size } : null;
    for (const segment of await listSegments(this.dir)) {
      if (segment.firstSeq > lastSeq) break;
      const bytes = await readSegmentBytes(segment);
      if (bytes === null) continue;
      // The open segment may be mid-append: only the frames that were complete when the read began count.
      const settled = current?.path === segment.path ? bytes.subarray(0, current.size) : bytes;
      const decoded = decodeSegment(settled, segment, this.sealer);
      for (const entry of decoded.entries) {
        if (entry.seq > lastSeq) return;
        yield { kind: 'entry', entry };
      }
      if (decoded.problem) yield { kind: 'problem', segment: segment.name, problem: decoded.problem };
    }
  }

  /**
   * Deletes the whole segments whose day ended more than `retentionDays` ago — never the one being written, and
   * only from the oldest on, so what stays is one unbroken run. A checkpoint entry goes first, carrying the last
   * purged entry's sequence number and hash: the oldest kept entry's prevHash must equal it.
   */
  purgeOlderThan(retentionDays: number): Promise<PurgeReport | null> {
    return this.appends.run(async () => {
      const cutoff = this.now() - retentionDays * DAY_MS;
      const segments = await listSegments(this.dir);
      const purgeable: Segment[] = [];
      for (const segment of segments.slice(0, -1)) {
        if (dayEndMs(segment.day) > cutoff || segment.path === this.current?.segment.path) break;
        purgeable.push(segment);
      }
      const [firstPurged] = purgeable;
      const kept = segments[purgeable.length];
      if (firstPurged === undefined || kept === undefined) return null;
      const keptBytes = await readSegmentBytes(kept);
      const oldestKept = keptBytes && decodeSegment(keptBytes, kept, this.sealer).entries[0];
      // Without a readable first kept entry there is no hash to carry over: keep everything for a human.
      if (!oldestKept) return null;
      const report: PurgeReport = {
        segments: purgeable.length,
        entries: oldestKept.seq - firstPurged.firstSeq,
        purgedThroughSeq: oldestKept.seq - 1,
        lastPurgedHash: oldestKept.prevHash,
      };
      await this.appendNow({
        action: 'audit.retention_purged',
        actor: SYSTEM_ACTOR,
        details: { ...report, retentionDays, oldestKeptSeq: oldestKept.seq },
      });
      for (const segment of purgeable) {
        await unlink(segment.path).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        });
      }
      await syncDirectory(this.dir);
      return report;
    });
  }

  async close(): Promise<void> {
    await this.appends.run(async () => {
      this.closed = true;
      await this.current?.handle.close();
      this.current = null;
    });
  }

  private async appendNow(draft: AuditDraft): Promise<AuditEntry> {
    if (this.closed) throw new Error(`the audit log is closed: ${draft.action} not recorded`);
    const now = this.now();
    const identity = this.identity();
    const seq = (this.head?.seq ?? 0) + 1;
    // Checked before a byte is written: an entry that would not read back must never reach the file.
    const entry = auditEntrySchema.parse(
      withHash({
        v: AUDIT_FORMAT_VERSION,
        seq,
        at: new Date(now).toISOString(),
        atMs: now,
        kioskId: identity.kioskId,
        branch: identity.branch,
        actor: draft.actor,
        action: draft.action,
        subject: { jobId: draft.subject?.jobId ?? null, userId: draft.subject?.userId ?? null },
        details: draft.details ?? {},
        prevHash: this.head?.hash ?? AUDIT_GENESIS_HASH,
      }),
    );
    const target = await this.segmentFor(now, seq);
    await this.write(target, frame(this.sealer.seal(entry, seq)));
    this.head = { seq, hash: entry.hash };
    return entry;
  }

  /** The segment of today: the open one, or a new one named by this entry's sequence number. */
  private async segmentFor(now: number, seq: number): Promise<OpenSegment> {
    const day = utcDay(now);
    if (this.current && this.current.segment.day === day) return this.current;
    await this.current?.handle.close();
    this.current = null;
    const segment = segmentAt(this.dir, seq, day);
    const handle = await openFile(segment.path, 'a', 0o600);
    await syncDirectory(this.dir);
    this.current = { segment, handle, size: (await handle.stat()).size };
    return this.current;
  }

  private async write(target: OpenSegment, bytes: Buffer): Promise<void> {
    try {
      let written = 0;
      while (written < bytes.length) {
        const { bytesWritten } = await target.handle.write(bytes, written, bytes.length - written);
        written += bytesWritten;
      }
      await target.handle.datasync();
      target.size += bytes.length;
    } catch (error) {
      // Nothing of a failed write may stay in front of the next entry. If even that fails, the next entry goes
      // to a new segment, and the next start sets the broken end aside.
      await target.handle.truncate(target.size).catch(async () => {
        await target.handle.close().catch(() => undefined);
        if (this.current === target) this.current = null;
      });
      throw error;
    }
  }
}

interface Recovered {
  readonly head: AuditHead | null;
  readonly setAside: SetAsideTail[];
  /** The newest segment holding entries, and the length of its good part. */
  readonly tail: { readonly segment: Segment; readonly size: number } | null;
}

/**
 * Finds the newest entry. The newest segment's unreadable end (if any) is copied aside and cut off; a segment
 * left with no entry is removed and the one before it is looked at the same way.
 */
async function recoverNewestSegment(dir: string, sealer: AuditSealer, now: number): Promise<Recovered> {
  const segments = await listSegments(dir);
  const setAside: SetAsideTail[] = [];
  for (let segment = segments.pop(); segment; segment = segments.pop()) {
    const bytes = (await readSegmentBytes(segment)) ?? Buffer.alloc(0);
    const decoded = decodeSegment(bytes, segment, sealer);
    if (decoded.problem) {
      const file = `${segment.name}.unreadable-${now}`;
      await writeDurably(path.join(dir, file), bytes.subarray(decoded.goodBytes));
      await syncDirectory(dir);
      await truncateDurably(segment.path, decoded.goodBytes);
      setAside.push({
        segment: segment.name,
        file,
        bytes: bytes.length - decoded.goodBytes,
        reason: decoded.problem.reason,
        firstLostSeq: decoded.problem.seq,
      });
    }
    const newest = decoded.entries.at(-1);
    if (newest) {
      return {
        head: { seq: newest.seq, hash: newest.hash },
        setAside,
        tail: { segment, size: decoded.goodBytes },
      };
    }
    await unlink(segment.path);
    await syncDirectory(dir);
  }
  return { head: null, setAside, tail: null };
}
