// The audit log on disk: one append-only segment file per UTC day (a new one also when the day changes under a
// running kiosk), named by the sequence number of its first entry and its day, so the files sort in log order
// and retention deletes whole old days. A segment is a run of frames, one per entry:
//   length (4 bytes, unsigned big-endian) | sealed entry (audit-sealing.ts, `length` bytes)
// A frame is written with one append and made durable (fdatasync) before the entry counts as recorded.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const SEGMENT_NAME = /^audit-(\d{12})-(\d{8})\.seg$/;
/** Far above any entry; a larger length prefix is damage, not an entry. */
export const MAX_FRAME_BYTES = 1024 * 1024;
const LENGTH_BYTES = 4;

export interface Segment {
  readonly name: string;
  readonly path: string;
  /** The sequence number of the segment's first entry. */
  readonly firstSeq: number;
  /** The UTC day its entries were written on, YYYYMMDD. */
  readonly day: string;
}

export function utcDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10).replace(/-/g, '');
}

/** The first instant after the segment's day (UTC): its entries are all older. */
export function dayEndMs(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8)) + 1);
}

export function segmentAt(dir: string, firstSeq: number, day: string): Segment {
  const name = `audit-${String(firstSeq).padStart(12, '0')}-${day}.seg`;
  return { name, path: path.join(dir, name), firstSeq, day };
}

/** The segments in log order. Other files (set-aside tails) are not segments. */
export async function listSegments(dir: string): Promise<Segment[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const segments: Segment[] = [];
  for (const name of names) {
    const match = SEGMENT_NAME.exec(name);
    const [, firstSeq, day] = match ?? [];
    if (firstSeq !== undefined && day !== undefined) {
      segments.push({ name, path: path.join(dir, name), firstSeq: Number(firstSeq), day });
    }
  }
  return segments.sort((a, b) => a.firstSeq - b.firstSeq);
}

export function frame(sealed: Uint8Array): Buffer {
  const header = Buffer.alloc(LENGTH_BYTES);
  header.writeUInt32BE(sealed.length);
  return Buffer.concat([header, sealed]);
}

export interface FrameScan {
  /** Each complete frame's sealed bytes and where the frame starts. */
  readonly frames: readonly { readonly offset: number; readonly sealed: Buffer }[];
  /** Where the frames stop making sense, or null when every byte belongs to a complete frame. */
  readonly brokenAt: number | null;
  /** 'cut_short': the last frame runs past the end of the file; 'bad_length': an impossible length prefix. */
  readonly brokenBecause: 'cut_short' | 'bad_length' | null;
}

/** Splits a segment's bytes into frames; everything from the first broken one on is left to the caller. */
export function scanFrames(bytes: Buffer): FrameScan {
  const frames: { offset: number; sealed: Buffer }[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    if (bytes.length - offset < LENGTH_BYTES) return { frames, brokenAt: offset, brokenBecause: 'cut_short' };
    const length = bytes.readUInt32BE(offset);
    if (length === 0 || length > MAX_FRAME_BYTES)
      return { frames, brokenAt: offset, brokenBecause: 'bad_length' };
    const end = offset + LENGTH_BYTES + length;
    if (end > bytes.length) return { frames, brokenAt: offset, brokenBecause: 'cut_short' };
    frames.push({ offset, sealed: bytes.subarray(offset + LENGTH_BYTES, end) });
    offset = end;
  }
  return { frames, brokenAt: null, brokenBecause: null };
}

export async function readSegmentBytes(segment: Segment): Promise<Buffer | null> {
  try {
    return await readFile(segment.path);
  } catch (error) {
    // Retention may delete an old segment while a supervisor's export reads the log.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
