// An audit export that was edited, cut or reordered must fail `npm run audit:verify` at the line that was touched
// (issue 11: "editing, removing or reordering one line of an audit export makes audit:verify fail at that line").
// Each attack is tried on JSON Lines and on CSV, on a line in the middle of the chain; the command itself runs
// once as a child process, as a bank would run it.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../app/audit/entry';
import { exportEntries } from '../../main/audit/audit-query';
import { entryHash } from '../../main/audit/entry-hash';
import { parseCsv, toCsvRow } from '../../main/audit/export-format';
import { verifyExport } from '../../main/audit/verify-export';
import {
  appendAll,
  auditFixture,
  enrollmentDrafts,
  PIN_ACTOR,
  type AuditFixture,
} from '../support/audit-fixtures';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

let fixture: AuditFixture;
const exports: Record<'jsonl' | 'csv', string> = { jsonl: '', csv: '' };
let filtered = '';

beforeAll(async () => {
  fixture = await auditFixture();
  const log = await fixture.open();
  await log.append({ action: 'operator.signed_in', actor: PIN_ACTOR, details: { via: 'pin' } });
  await appendAll(log, enrollmentDrafts('11111111-1111-4111-8111-111111111111', 'CUST-0001'));
  await appendAll(log, enrollmentDrafts('22222222-2222-4222-8222-222222222222', 'CUST-0002'));
  await log.append({ action: 'operator.signed_out', actor: PIN_ACTOR });
  const query = { filter: {}, kioskId: 'K-01', now: fixture.clock.now };
  exports.jsonl = (await exportEntries(log, { ...query, format: 'jsonl' })).content;
  exports.csv = (await exportEntries(log, { ...query, format: 'csv' })).content;
  filtered = (await exportEntries(log, { ...query, filter: { userId: 'CUST-0002' }, format: 'jsonl' }))
    .content;
  await log.close();
});
afterAll(async () => {
  await fixture.close();
});

/** An export as lines: the CSV header is line 1, so its entry k is on line k + 1. */
function split(format: 'jsonl' | 'csv'): { lines: string[]; join(lines: string[]): string; offset: number } {
  const separator = format === 'csv' ? '\r\n' : '\n';
  const lines = exports[format].split(separator);
  lines.pop(); // the final line break
  return {
    lines,
    join: (changed) => `${changed.join(separator)}${separator}`,
    offset: format === 'csv' ? 1 : 0,
  };
}

function entryOf(format: 'jsonl' | 'csv', line: string): AuditEntry {
  if (format === 'jsonl') return JSON.parse(line) as AuditEntry;
  const [parsed] = parseCsv(`${split('csv').lines[0]}\r\n${line}\r\n`);
  if (!parsed || !('value' in parsed)) throw new Error('unreadable CSV row');
  return parsed.value as AuditEntry;
}

function lineOf(format: 'jsonl' | 'csv', entry: AuditEntry): string {
  return format === 'jsonl' ? JSON.stringify(entry) : toCsvRow({ kind: 'entry', entry }).trimEnd();
}

function expectBrokenAt(text: string, line: number, reason: RegExp): void {
  const { verdict } = verifyExport(text);
  expect(verdict.ok).toBe(false);
  if (verdict.ok) return;
  expect(verdict.failure.line).toBe(line);
  expect(verdict.failure.reason).toMatch(reason);
}

// Entry 5 (seq 5) sits in the middle of the 9-entry chain.
const TARGET = 5;

describe.each(['jsonl', 'csv'] as const)('audit export (%s) tampering', (format) => {
  it('verifies as exported', () => {
    expect(verifyExport(exports[format]).verdict).toMatchObject({ ok: true, summary: { entries: 9 } });
  });

  it('editing one field of one line fails at that line', () => {
    const { lines, join, offset } = split(format);
    const index = TARGET - 1 + offset;
    const entry = entryOf(format, lines[index]!);
    lines[index] = lineOf(format, { ...entry, subject: { ...entry.subject, userId: 'CUST-9999' } });
    expectBrokenAt(join(lines), index + 1, /hash does not match its content/);
  });

  it('removing one line fails at that line', () => {
    const { lines, join, offset } = split(format);
    const index = TARGET - 1 + offset;
    lines.splice(index, 1);
    expectBrokenAt(join(lines), index + 1, /missing .*a line was removed/);
  });

  it('swapping two lines fails at the first of them', () => {
    const { lines, join, offset } = split(format);
    const index = TARGET - 1 + offset;
    [lines[index], lines[index + 1]] = [lines[index + 1]!, lines[index]!];
    expectBrokenAt(join(lines), index + 1, /follows seq/);
  });

  it('editing one line and recomputing its hash fails at that line', () => {
    const { lines, join, offset } = split(format);
    const index = TARGET - 1 + offset;
    const entry = entryOf(format, lines[index]!);
    const forged = {
      ...entry,
      details: { ...entry.details, outcome: 'rejected', resultCode: '0841' },
      hash: '',
    };
    lines[index] = lineOf(format, { ...forged, hash: entryHash(forged) });
    expectBrokenAt(join(lines), index + 1, /changed and its hash recomputed/);
  });
});

describe('filtered audit export tampering', () => {
  const lines = () => filtered.split('\n').slice(0, -1);
  it('verifies as exported, with omitted runs', () => {
    expect(verifyExport(filtered).verdict).toMatchObject({
      ok: true,
      summary: { entries: 3, omittedRuns: 2 },
    });
  });

  it('removing an entry between omitted runs fails at that line', () => {
    const changed = lines();
    const index = changed.findIndex((line) => line.includes('"job.sent"'));
    changed.splice(index, 1);
    expectBrokenAt(`${changed.join('\n')}\n`, index + 1, /a line was removed/);
  });

  it('widening an omitted run over an entry fails at that run', () => {
    const changed = lines();
    const first = changed.findIndex((line) => line.startsWith('{"omitted"'));
    const run = (JSON.parse(changed[first]!) as { omitted: { throughSeq: number } }).omitted;
    changed[first] = JSON.stringify({ omitted: { ...run, throughSeq: run.throughSeq + 1 } });
    expectBrokenAt(`${changed.join('\n')}\n`, first + 2, /out of order or repeated/);
  });
});

describe('npm run audit:verify', () => {
  it(
    'prints OK with the count and hashes, or names the broken line and exits 1',
    { timeout: 60_000 },
    async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-audit-cli-'));
      try {
        const good = path.join(dir, 'audit.jsonl');
        const bad = path.join(dir, 'audit-edited.csv');
        await writeFile(good, exports.jsonl);
        const { lines, join } = split('csv');
        lines[TARGET] = lines[TARGET]!.replace('CUST-0001', 'CUST-0009');
        await writeFile(bad, join(lines));
        const cli = (file: string) =>
          run(process.execPath, ['--import', 'tsx', 'tools/audit-verify.ts', file], { cwd: root });

        const ok = await cli(good);
        expect(ok.stdout).toMatch(/^OK: 9 entries \(jsonl\), seq 1–9$/m);
        expect(ok.stdout).toMatch(/^ {2}last hash {6}[0-9a-f]{64}$/m);

        const broken = await cli(bad).then(
          () => null,
          (error: { code: number; stderr: string }) => error,
        );
        expect(broken?.code).toBe(1);
        expect(broken?.stderr).toMatch(/BROKEN at line 6 \(seq 5\): its hash does not match its content/);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});
