// The audit log killed with SIGKILL at random moments while it appends (seeded, printed): every entry it
// acknowledged is on disk with the same hash after the restart, the chain is whole from seq 1, and a write the
// kill cut short is set aside and recorded — never silently dropped.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../app/audit/entry';
import { AuditLog } from '../../main/audit/audit-log';
import { ChainVerifier } from '../../main/audit/chain-verifier';
import { DATA_KEY } from '../support/audit-fixtures';
import { seededRandom } from '../support/outbox-harness';

const SEED = 20_261_130;
const RUNS = 6;
const root = path.resolve(import.meta.dirname, '../..');

let dir: string;

beforeAll(async () => {
  dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'kiosk-audit-crash-')), 'audit');
});
afterAll(async () => {
  await rm(path.dirname(dir), { recursive: true, force: true });
});

/** Starts the child, lets it acknowledge about `acks` entries, kills it; answers what it acknowledged. */
function runAndKill(acks: number, extraMs: number): Promise<Map<number, string>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/audit-child.ts'], {
      cwd: root,
      env: { ...process.env, AUDIT_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acknowledged = new Map<number, string>();
    let text = '';
    let stderr = '';
    let killing = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      let end: number;
      while ((end = text.indexOf('\n')) !== -1) {
        const [kind, seq, hash] = text.slice(0, end).split(' ');
        text = text.slice(end + 1);
        if (kind === 'ACK' && seq && hash) acknowledged.set(Number(seq), hash);
      }
      if (!killing && acknowledged.size >= acks) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(acknowledged) : reject(new Error(`child ended by itself: ${stderr}`)),
    );
  });
}

describe('audit log under kill -9', () => {
  it(`keeps every acknowledged entry over ${RUNS} kills (seed ${SEED})`, { timeout: 120_000 }, async () => {
    console.log(`audit crash: seed ${SEED}, ${RUNS} runs`);
    const random = seededRandom(SEED);
    const acknowledged = new Map<number, string>();
    let setAside = 0;
    for (let run = 0; run < RUNS; run++) {
      const acks = await runAndKill(20 + Math.floor(random() * 60), Math.floor(random() * 5));
      for (const [seq, hash] of acks) acknowledged.set(seq, hash);
      const log = await AuditLog.open({
        dir,
        dataKey: DATA_KEY,
        identity: () => ({ kioskId: 'K', branch: '' }),
      });
      setAside += log.openReport.setAside.length;
      const stored: AuditEntry[] = [];
      for await (const item of log.read()) {
        if (item.kind === 'problem') throw new Error(`run ${run}: ${JSON.stringify(item)}`);
        stored.push(item.entry);
      }
      await log.close();
      const bySeq = new Map(stored.map((entry) => [entry.seq, entry.hash]));
      for (const [seq, hash] of acknowledged) expect(bySeq.get(seq), `run ${run}: seq ${seq}`).toBe(hash);
      const verifier = new ChainVerifier({ requireOrigin: true });
      stored.forEach((entry, i) => verifier.add(i + 1, entry));
      expect(verifier.finish().ok, `run ${run}: the chain`).toBe(true);
      // A torn end shows up as its own entry, never as a silent gap.
      const recorded = stored.filter((entry) => entry.action === 'audit.unreadable_tail_set_aside').length;
      expect(recorded).toBe(setAside);
    }
    console.log(`audit crash: ${acknowledged.size} entries acknowledged, ${setAside} torn ends set aside`);
  });
});
