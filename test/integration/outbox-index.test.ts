// The outbox index on disk (format 2): changed records in a small hot file, the rest in a settled file that
// later changes do not rewrite; records sealed one by one; the format-1 index migrated; damaged files set
// aside. JobIndex on its own first, then through the Outbox with its job folders.
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../main/log';
import { decodeHotFile, decodeSettledFile } from '../../main/outbox/index-file-format';
import {
  HOT_INDEX_FILE_NAME,
  indexFileSpecs,
  LEGACY_INDEX_FILE_NAME,
  SETTLED_INDEX_FILE_NAME,
} from '../../main/outbox/index-files';
import { IndexSealer } from '../../main/outbox/index-sealing';
import { JobFolders } from '../../main/outbox/job-folder';
import { HOT_LIMIT, JobIndex } from '../../main/outbox/job-index';
import { newJobRecord, type JobRecord } from '../../main/outbox/job-record';
import { transition } from '../../main/outbox/state-machine';
import { generateKey } from '../../main/secure/aes-gcm';
import { openConfFile } from '../../main/storage/conf-files';
import { makeCapture, type CaptureJpegs } from '../support/fixture-images';
import { Harness, makeDataDir } from '../support/outbox-harness';

const SETTLED = `${SETTLED_INDEX_FILE_NAME}.json`;
const HOT = `${HOT_INDEX_FILE_NAME}.json`;
const LEGACY = `${LEGACY_INDEX_FILE_NAME}.json`;
const ownerOnly = process.platform === 'win32' ? it.skip : it;

let dataDir: string;
let dataKey: Uint8Array;

beforeEach(async () => {
  dataDir = await makeDataDir();
  dataKey = generateKey();
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function openIndex(key = dataKey) {
  return JobIndex.open({
    openFile: openConfFile,
    specs: indexFileSpecs(dataDir, key),
    dataKey: key,
    // Tests flush by hand.
    flushDelayMs: 60_000,
    log: silentLogger,
  });
}

function records(count: number, prefix: string, from = 0): JobRecord[] {
  return Array.from({ length: count }, (_, i) =>
    newJobRecord(`${prefix}-job-${from + i}`, `${prefix}-USER-${from + i}`, 1_700_000_000_000 + from + i),
  );
}

function sorted(index: JobIndex): JobRecord[] {
  return [...index.all()].sort((a, b) => a.jobId.localeCompare(b.jobId));
}

async function fileNames(): Promise<string[]> {
  return (await readdir(dataDir)).filter((name) => name.startsWith('outbox-index')).sort();
}

async function readStore(name: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(dataDir, name), 'utf8')) as Record<string, unknown>;
}

async function readSettled() {
  return decodeSettledFile(new IndexSealer(dataKey))(await readStore(SETTLED));
}

async function readHot() {
  return decodeHotFile(new IndexSealer(dataKey))(await readStore(HOT));
}

describe('JobIndex files', () => {
  it('keeps recent changes in the hot file, the rest in the settled file, and both survive a restart', async () => {
    const { index } = await openIndex();
    for (const record of records(3, 'a')) index.put(record);
    index.flush();
    // Fewer changes than the limit: everything is in the hot file, no settled file yet.
    expect(await fileNames()).toEqual([HOT]);
    expect(Object.keys((await readHot()).records)).toHaveLength(3);

    for (const record of records(HOT_LIMIT, 'b')) index.put(record);
    index.flush();
    // Past the limit: compacted into the settled file, the hot file emptied.
    expect(await fileNames()).toEqual([HOT, SETTLED]);
    expect(Object.keys((await readSettled()).records)).toHaveLength(HOT_LIMIT + 3);
    expect(await readHot()).toEqual({ generation: 1, records: {}, removed: [] });
    const settledBytes = await readFile(path.join(dataDir, SETTLED));

    // A final record and a removal go to the hot file; the settled file is not written again.
    const final = transition(index.get('a-job-0')!, 'approved', 1_700_000_100_000, { completedAt: 1 });
    index.put(final);
    index.delete('b-job-5');
    for (const record of records(5, 'c')) index.put(record);
    index.flush();
    expect(await readFile(path.join(dataDir, SETTLED))).toEqual(settledBytes);
    const hot = await readHot();
    expect(Object.keys(hot.records).sort()).toEqual(['a-job-0', ...records(5, 'c').map((r) => r.jobId)]);
    expect(hot.removed).toEqual(['b-job-5']);

    const expected = sorted(index);
    const { index: reopened, report } = await openIndex();
    expect(report).toEqual({ setAsidePath: null, invalidRecords: 0 });
    expect(sorted(reopened)).toEqual(expected);
    expect(reopened.get('a-job-0')?.state).toBe('approved');
    expect(reopened.get('b-job-5')).toBeUndefined();
    expect(reopened.size).toBe(HOT_LIMIT + 3 - 1 + 5);
  });

  it('ignores a hot file left by a compaction cut short after the settled file was written', async () => {
    const { index } = await openIndex();
    const [record] = records(1, 'x');
    index.put(record!);
    index.flush();
    const staleHot = await readFile(path.join(dataDir, HOT));
    const newer = transition(record!, 'needs_attention', record!.createdAt + 5, { nextAttemptAt: null });
    index.put(newer);
    index.compact();
    // "Crash" after the settled file: the hot file of the previous generation is still there.
    await writeFile(path.join(dataDir, HOT), staleHot);
    const { index: reopened, report } = await openIndex();
    expect(report).toEqual({ setAsidePath: null, invalidRecords: 0 });
    expect(reopened.get(record!.jobId)).toEqual(newer);
  });

  it('seals the records: no user ID or record field in clear, and another data key opens neither file', async () => {
    const { index } = await openIndex();
    for (const record of records(HOT_LIMIT + 5, 'p')) index.put(record);
    index.flush();
    index.put(records(1, 'p', 1000)[0]!);
    index.flush();
    expect(await fileNames()).toEqual([HOT, SETTLED]);
    for (const name of await fileNames()) {
      const text = await readFile(path.join(dataDir, name), 'utf8');
      for (const clear of ['USER', 'p-job-', 'queued', 'createdAt']) expect(text, name).not.toContain(clear);
      expect(Object.keys(JSON.parse(text) as object).sort()).toEqual(['format', 'generation', 'sealed']);
    }
    const { index: other, report } = await openIndex(generateKey());
    expect(other.size).toBe(0);
    expect(report.setAsidePath).toMatch(/outbox-index-(settled|hot)\.json\.unreadable-/);
  });

  ownerOnly('writes both files owner-only (0600)', async () => {
    const { index } = await openIndex();
    for (const record of records(HOT_LIMIT + 1, 'm')) index.put(record);
    index.flush();
    for (const name of [HOT, SETTLED]) {
      expect((await stat(path.join(dataDir, name))).mode & 0o777, name).toBe(0o600);
    }
  });

  it('migrates a format-1 index (conf-encrypted {version: 1, jobs}) and removes it', async () => {
    const old = records(4, 'old');
    openConfFile(indexFileSpecs(dataDir, dataKey).legacy).store = {
      version: 1,
      jobs: Object.fromEntries(old.map((record) => [record.jobId, record])),
    };
    const { index, report } = await openIndex();
    expect(report).toEqual({ setAsidePath: null, invalidRecords: 0 });
    expect(sorted(index)).toEqual(old);
    expect(await fileNames()).toEqual([HOT, SETTLED]);
    const { index: reopened } = await openIndex();
    expect(sorted(reopened)).toEqual(old);
  });

  it('deletes a format-1 index left beside the settled file by a migration cut short', async () => {
    const old = records(2, 'old');
    const legacy = indexFileSpecs(dataDir, dataKey).legacy;
    const legacyContent = { version: 1, jobs: Object.fromEntries(old.map((r) => [r.jobId, r])) };
    openConfFile(legacy).store = legacyContent;
    const { index } = await openIndex();
    index.delete(old[0]!.jobId);
    index.flush();
    openConfFile(legacy).store = legacyContent;
    const { index: reopened } = await openIndex();
    expect([...reopened.ids()]).toEqual([old[1]!.jobId]);
    expect(await fileNames()).toEqual([HOT, SETTLED]);
  });

  it.each([
    [SETTLED, (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 2))],
    [HOT, () => Buffer.from('\u0000\u00ffnot a store at all{{{')],
    [LEGACY, () => Buffer.from('\u0000\u00ffnot a store at all{{{')],
  ])('sets a damaged %s aside, unchanged', async (name, damage) => {
    if (name === LEGACY) {
      await writeFile(path.join(dataDir, name), damage(Buffer.alloc(0)));
    } else {
      const { index } = await openIndex();
      for (const record of records(HOT_LIMIT + 1, 'd')) index.put(record);
      index.flush();
      index.put(records(1, 'd', 999)[0]!);
      index.flush();
      await writeFile(path.join(dataDir, name), damage(await readFile(path.join(dataDir, name))));
    }
    const damaged = await readFile(path.join(dataDir, name));
    const { report } = await openIndex();
    expect(report.setAsidePath).toBe(path.join(dataDir, path.basename(report.setAsidePath!)));
    expect(path.basename(report.setAsidePath!)).toMatch(new RegExp(`^${name}\\.unreadable-\\d+$`));
    expect(await readFile(report.setAsidePath!)).toEqual(damaged);
  });
});

describe('Outbox over the index files', () => {
  let capture: CaptureJpegs;
  let harness: Harness | undefined;

  beforeAll(() => {
    capture = makeCapture();
  });
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  const enrollment = (userId: string) => ({ userId, consentAt: Date.now(), ...capture });

  it('opens a format-1 index written by the previous version, loses no job and sends them', async () => {
    const h = (harness = await Harness.start({ connected: false, dataDir, dataKey }));
    const jobs = [
      await h.outbox.enqueue(enrollment('CUST-MIG-1')),
      await h.outbox.enqueue(enrollment('CUST-MIG-2')),
    ];
    await h.outbox.stop();
    // The data folder as the previous version left it: only outbox-index.json, format 1.
    const folders = new JobFolders(path.join(dataDir, 'jobs'), dataKey);
    const stored = await Promise.all(jobs.map((job) => folders.readRecord(job.jobId)));
    for (const name of await fileNames()) await rm(path.join(dataDir, name));
    openConfFile(indexFileSpecs(dataDir, dataKey).legacy).store = {
      version: 1,
      jobs: Object.fromEntries(stored.map((record) => [record.jobId, record])),
    };

    h.connected = true;
    const reopened = await h.open();
    // From the migrated index, not re-read from the folders.
    expect(reopened.openReport).toMatchObject({ setAsidePath: null, invalidRecords: 0, reindexedOrphans: 0 });
    expect(await fileNames()).toEqual([HOT, SETTLED]);
    await reopened.start();
    for (const job of jobs) await h.waitForState(job.jobId, 'approved');
  });

  it('recovers the jobs from their folders when the settled file is damaged', async () => {
    const h = (harness = await Harness.start({ connected: false, dataDir, dataKey }));
    const jobs = [
      await h.outbox.enqueue(enrollment('CUST-SET-1')),
      await h.outbox.enqueue(enrollment('CUST-SET-2')),
    ];
    await h.outbox.stop();
    // Fold them into the settled file, as a compaction does once enough jobs changed.
    (await openIndex()).index.compact();
    await writeFile(path.join(dataDir, SETTLED), '{"format": 2, "generation": 1, "reco');
    const reopened = await h.open();
    expect(reopened.openReport.setAsidePath).toMatch(/outbox-index-settled\.json\.unreadable-/);
    expect(reopened.openReport.reindexedOrphans).toBe(2);
    for (const job of jobs) expect(reopened.get(job.jobId)?.state).toBe('queued');
  });
});
