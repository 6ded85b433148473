// The audit log on disk: a hash chain from the genesis hash, continued across restarts and days, sealed (no
// user ID readable in the files, each entry bound to its place), and an end a crash cut short set aside and
// recorded, never dropped in silence.
import { appendFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_GENESIS_HASH, SYSTEM_ACTOR, type AuditEntry } from '../../app/audit/entry';
import type { AuditLog } from '../../main/audit/audit-log';
import { ChainVerifier } from '../../main/audit/chain-verifier';
import { entryHash } from '../../main/audit/entry-hash';
import { listSegments, scanFrames } from '../../main/audit/segment-files';
import {
  appendAll,
  auditFixture,
  DAY_MS,
  enrollmentDrafts,
  PIN_ACTOR,
  type AuditFixture,
} from '../support/audit-fixtures';

const JOB = '3f9a21c0-5b7e-4d2a-9c1e-7a0b6f4e2d11';

let fixture: AuditFixture;
let log: AuditLog | undefined;

beforeEach(async () => {
  fixture = await auditFixture();
});
afterEach(async () => {
  await log?.close();
  log = undefined;
  await fixture.close();
});

async function stored(audit: AuditLog): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for await (const item of audit.read()) {
    if (item.kind === 'problem') throw new Error(`unexpected problem ${JSON.stringify(item)}`);
    entries.push(item.entry);
  }
  return entries;
}

function expectWholeChain(entries: readonly AuditEntry[]): void {
  const verifier = new ChainVerifier({ requireOrigin: true });
  entries.forEach((entry, index) => verifier.add(index + 1, entry));
  expect(verifier.finish()).toMatchObject({ ok: true });
}

describe('audit log: the chain', () => {
  it('starts with a log_started entry on the genesis hash and links each entry to the one before', async () => {
    log = await fixture.open();
    await appendAll(log, enrollmentDrafts(JOB, 'CUST-0001'));
    const entries = await stored(log);
    expect(entries.map((entry) => [entry.seq, entry.action])).toEqual([
      [1, 'audit.log_started'],
      [2, 'enrollment.saved'],
      [3, 'job.sent'],
      [4, 'job.result'],
    ]);
    expect(entries[0]?.prevHash).toBe(AUDIT_GENESIS_HASH);
    for (const [i, entry] of entries.entries()) {
      expect(entry.hash).toBe(entryHash(entry));
      if (i > 0) expect(entry.prevHash).toBe(entries[i - 1]?.hash);
    }
    expect(entries[1]).toMatchObject({
      kioskId: 'K-01',
      branch: 'Nairobi CBD',
      at: new Date(fixture.clock.now).toISOString(),
      atMs: fixture.clock.now,
      subject: { jobId: JOB, userId: 'CUST-0001' },
    });
    expect(log.headNow()).toEqual({ seq: 4, hash: entries[3]?.hash });
  });

  it('continues the same chain after a restart, and in a new segment on a new day', async () => {
    log = await fixture.open();
    await log.append({ action: 'system.kiosk_started', actor: SYSTEM_ACTOR });
    const head = log.headNow();
    await log.close();
    fixture.clock.now += DAY_MS;
    log = await fixture.open();
    expect(log.openReport).toEqual({ created: false, setAside: [] });
    const next = await log.append({
      action: 'operator.signed_in',
      actor: PIN_ACTOR,
      details: { via: 'pin' },
    });
    expect(next).toMatchObject({ seq: (head?.seq ?? 0) + 1, prevHash: head?.hash });
    expect((await listSegments(fixture.dir)).map((segment) => segment.name)).toEqual([
      'audit-000000000001-20260301.seg',
      'audit-000000000003-20260302.seg',
    ]);
    expectWholeChain(await stored(log));
  });

  it('refuses an entry that would not read back, and writes nothing for it', async () => {
    log = await fixture.open();
    await expect(
      log.append({ action: 'job.sent', actor: SYSTEM_ACTOR, details: { attempt: Number.NaN } }),
    ).rejects.toThrow();
    await expect(
      log.append({ action: 'job.sent', actor: { kind: 'operator', operatorId: 'no spaces', role: null } }),
    ).rejects.toThrow();
    await log.append({ action: 'job.sent', actor: SYSTEM_ACTOR });
    expect((await stored(log)).map((entry) => entry.seq)).toEqual([1, 2]);
  });
});

describe('audit log: sealed at rest', () => {
  it('keeps no user ID, job ID or action readable in its files, which are owner-only', async () => {
    log = await fixture.open();
    await appendAll(log, enrollmentDrafts(JOB, 'CUST-SECRET-0001'));
    for (const name of await readdir(fixture.dir)) {
      const file = path.join(fixture.dir, name);
      const bytes = await readFile(file);
      for (const plain of ['CUST-SECRET-0001', JOB, 'enrollment.saved', 'Nairobi']) {
        expect(bytes.includes(Buffer.from(plain)), `${plain} in ${name}`).toBe(false);
      }
      if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    }
    if (process.platform !== 'win32') expect((await stat(fixture.dir)).mode & 0o777).toBe(0o700);
  });

  it('binds each sealed entry to its place: two frames swapped on disk do not read back', async () => {
    log = await fixture.open();
    await appendAll(log, enrollmentDrafts(JOB, 'CUST-0001'));
    await log.close();
    const [segment] = await listSegments(fixture.dir);
    const bytes = await readFile(segment!.path);
    const { frames } = scanFrames(bytes);
    const frameBytes = (i: number) =>
      bytes.subarray(frames[i]!.offset, frames[i]!.offset + 4 + frames[i]!.sealed.length);
    const swapped = Buffer.concat([frameBytes(0), frameBytes(2), frameBytes(1), frameBytes(3)]);
    await writeFile(segment!.path, swapped);
    log = await fixture.open();
    // Entry 2's place holds entry 3: it cannot be opened there, so the log keeps entry 1 and sets the rest aside.
    expect(log.openReport.setAside).toEqual([
      expect.objectContaining({ reason: 'unreadable', firstLostSeq: 2 }),
    ]);
  });
});

describe('audit log: a write cut short', () => {
  it('sets a torn last frame aside, cuts it off, records it, and goes on from the last whole entry', async () => {
    log = await fixture.open();
    await appendAll(log, enrollmentDrafts(JOB, 'CUST-0001'));
    const head = log.headNow();
    await log.close();
    log = undefined;
    const [segment] = await listSegments(fixture.dir);
    const whole = (await stat(segment!.path)).size;
    // What a kill -9 in the middle of an append leaves: a length prefix and part of a sealed entry.
    const torn = Buffer.from([0, 0, 1, 0, 1, 2, 3, 4, 5, 6, 7]);
    await appendFile(segment!.path, torn);

    log = await fixture.open();
    const [setAside] = log.openReport.setAside;
    expect(setAside).toMatchObject({
      segment: segment!.name,
      bytes: torn.length,
      reason: 'cut_short',
      firstLostSeq: (head?.seq ?? 0) + 1,
    });
    expect(await readFile(path.join(fixture.dir, setAside!.file))).toEqual(torn);
    expect((await stat(segment!.path)).size).toBeGreaterThan(whole);
    const entries = await stored(log);
    expect(entries.at(-1)).toMatchObject({
      seq: (head?.seq ?? 0) + 1,
      prevHash: head?.hash,
      action: 'audit.unreadable_tail_set_aside',
      details: { reason: 'cut_short', bytes: torn.length, firstLostSeq: (head?.seq ?? 0) + 1 },
    });
    expectWholeChain(entries);
  });

  it('sets aside a damaged entry and everything after it in the newest segment, and says so', async () => {
    log = await fixture.open();
    await appendAll(log, enrollmentDrafts(JOB, 'CUST-0001'));
    await log.close();
    log = undefined;
    const [segment] = await listSegments(fixture.dir);
    const bytes = await readFile(segment!.path);
    const { frames } = scanFrames(bytes);
    const damaged = frames[2]!.offset + 20;
    bytes.writeUInt8(bytes.readUInt8(damaged) ^ 0xff, damaged);
    await writeFile(segment!.path, bytes);

    log = await fixture.open();
    expect(log.openReport.setAside).toEqual([
      expect.objectContaining({ reason: 'unreadable', firstLostSeq: 3 }),
    ]);
    const entries = await stored(log);
    expect(entries.map((entry) => entry.action)).toEqual([
      'audit.log_started',
      'enrollment.saved',
      'audit.unreadable_tail_set_aside',
    ]);
    expectWholeChain(entries);
  });
});
