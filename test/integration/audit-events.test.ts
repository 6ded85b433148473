// The audit trail through the real kiosk core (training mode: the simulator inside the kiosk answers): one
// enrollment leaves its saved, sent and result entries under its job_id; settings changes name their fields and
// never the API key; sign-in failures are recorded; the sealed files hold no user ID or key in plain text; and
// a supervisor reads and exports the trail through the dev host's HTTP bridge as the renderer does.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../app/audit/entry';
import type { KioskApi } from '../../app/ipc/channels';
import { AUDIT_FOLDER } from '../../main/audit/audit-trail';
import { verifyExport } from '../../main/audit/verify-export';
import { createHttpKiosk } from '../../renderer/bridge/http-kiosk';
import { kioskApiFromBridge } from '../../renderer/bridge/kiosk-api';
import { startDevHostHarness, type DevHostHarness } from '../support/devhost-harness';
import { makeCapture, type CaptureJpegs } from '../support/fixture-images';
import { startCore, type CoreHarness } from '../support/core-harness';
import { waitFor } from '../support/outbox-harness';

const PIN = '246810';
const API_KEY = 'sk-audit-secret-key-7Qx9wZ';
const USER_ID = 'CUST-AUDIT-0001';

let capture: CaptureJpegs;
let h: CoreHarness | undefined;
let d: DevHostHarness | undefined;

beforeAll(() => {
  capture = makeCapture();
});
afterEach(async () => {
  await h?.close();
  await d?.close();
  h = undefined;
  d = undefined;
});

/** An enrollment under the signed-in shift `grant` (enrollment needs one; the job records its operator). */
function submission(grant: string, userId: string) {
  return {
    grant,
    reference: randomUUID(),
    userId,
    consent: { given: true as const, at: Date.now() },
    selfie: capture.selfie,
    liveness: capture.liveness,
  };
}

/** Polls an async probe until it answers something (an entry follows its event by one disk write). */
async function eventually<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function everything(harness: CoreHarness, grant: string): Promise<AuditEntry[]> {
  const page = await harness.call('listAudit', { grant, limit: 200 });
  expect(page.integrity).toEqual({ ok: true, problem: null });
  return [...page.entries].reverse();
}

describe('audit trail through the kiosk core', () => {
  it(
    'records an enrollment saved, sent and answered under its job_id, and the operator around it',
    { timeout: 60_000 },
    async () => {
      h = await startCore();
      const { grant } = await h.call('setPin', { newPin: PIN });
      const saved = await h.call('submitEnrollment', submission(await h.shift(PIN), USER_ID));
      await waitFor(
        () => (h!.core.outbox.get(saved.jobId)?.state === 'approved' ? true : undefined),
        20_000,
        'approved',
      );

      // The result entry follows the job event: wait until it is on disk.
      const entries = await eventually(async () => {
        const all = await everything(h!, grant.token);
        return all.some((entry) => entry.action === 'job.result') ? all : undefined;
      }, 'the result entry');
      const ofJob = entries.filter((entry) => entry.subject.jobId === saved.jobId);
      expect(ofJob.map((entry) => entry.action)).toEqual(['enrollment.saved', 'job.sent', 'job.result']);
      expect(ofJob[0]).toMatchObject({
        subject: { jobId: saved.jobId, userId: USER_ID },
        // The operator on shift, who enrolled the customer.
        actor: { kind: 'operator', operatorId: 'supervisor', role: 'supervisor' },
      });
      expect(ofJob[2]).toMatchObject({
        actor: { kind: 'system' },
        details: { outcome: 'approved', final: true },
      });
      expect(entries.map((entry) => entry.action)).toEqual(
        expect.arrayContaining(['audit.log_started', 'system.kiosk_started', 'operator.pin_changed']),
      );
      expect(entries.find((entry) => entry.action === 'operator.pin_changed')).toMatchObject({
        actor: { kind: 'operator', operatorId: 'first-run-setup' },
        details: { newRecoveryCode: true },
      });

      // Filtered by user ID, exported and verified as a bank would.
      const exported = await h.call('exportAudit', {
        grant: grant.token,
        filter: { userId: USER_ID },
        format: 'csv',
      });
      expect(exported.entries).toBe(3);
      expect(verifyExport(exported.content).verdict).toMatchObject({ ok: true, summary: { entries: 3 } });
      const after = await everything(h, grant.token);
      expect(after.at(-1)).toMatchObject({
        action: 'audit.exported',
        actor: { kind: 'operator', operatorId: 'supervisor', role: 'supervisor' },
        details: { format: 'csv', filter: { userId: USER_ID }, entries: 3 },
      });
    },
  );

  it(
    'records settings changes by field, the API key only as changed, and sign-in failures',
    { timeout: 60_000 },
    async () => {
      h = await startCore();
      const { grant } = await h.call('setPin', { newPin: PIN });
      await h.call('updateSettings', {
        grant: grant.token,
        patch: { kioskId: 'K-AUDIT', branch: 'Mombasa Road' },
      });
      await h.call('setApiKey', { grant: grant.token, apiKey: API_KEY });
      await h.call('submitEnrollment', submission(await h.shift(PIN), USER_ID));
      expect(await h.call('verifyPin', { operatorId: 'supervisor', pin: '000000' })).toMatchObject({
        valid: false,
      });

      const entries = await everything(h, grant.token);
      const changed = entries.find((entry) => entry.action === 'settings.changed');
      expect(changed).toMatchObject({
        actor: { kind: 'operator', operatorId: 'supervisor', role: 'supervisor' },
        details: {
          fields: ['branch', 'kioskId'],
          changes: [
            { field: 'branch', from: '', to: 'Mombasa Road' },
            { field: 'kioskId', from: '', to: 'K-AUDIT' },
          ],
        },
      });
      // Entries after the change carry the kiosk's new name and place.
      expect(entries.at(-1)).toMatchObject({ kioskId: 'K-AUDIT', branch: 'Mombasa Road' });
      expect(entries.find((entry) => entry.action === 'settings.api_key_changed')).toMatchObject({
        details: { change: 'apiKey changed' },
        actor: { operatorId: 'supervisor' },
      });
      expect(entries.find((entry) => entry.action === 'operator.sign_in_failed')).toMatchObject({
        actor: { kind: 'operator', operatorId: 'supervisor', role: null },
        details: { triesLeft: expect.any(Number) },
      });

      // Neither the key, the PIN nor (in the sealed files) the user ID is anywhere in plain text.
      const exported = await h.call('exportAudit', { grant: grant.token, format: 'jsonl' });
      expect(exported.content).not.toContain(API_KEY);
      expect(exported.content).not.toContain(PIN);
      expect(exported.content).toContain(USER_ID);
      const folder = path.join(h.dataDir, AUDIT_FOLDER);
      const files = await readdir(folder);
      expect(files.length).toBeGreaterThan(0);
      for (const name of files) {
        const bytes = await readFile(path.join(folder, name));
        for (const plain of [USER_ID, API_KEY, PIN, 'K-AUDIT']) {
          expect(bytes.includes(Buffer.from(plain)), `${plain} in ${name}`).toBe(false);
        }
      }
    },
  );

  it(
    'continues the same chain across a restart, with the stop and start recorded',
    { timeout: 60_000 },
    async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-audit-restart-'));
      try {
        const first = await startCore({}, { dataDir });
        const { grant } = await first.call('setPin', { newPin: PIN });
        await first.call('endSession', { grant: grant.token });
        await first.close();
        h = await startCore({}, { dataDir });
        const signedIn = await h.call('verifyPin', { operatorId: 'supervisor', pin: PIN });
        if (!signedIn.valid) throw new Error('the PIN was refused');
        const entries = await everything(h, signedIn.grant.token);
        const actions = entries.map((entry) => entry.action);
        expect(actions.slice(actions.indexOf('operator.signed_out'))).toEqual([
          'operator.signed_out',
          'system.kiosk_stopped',
          'system.kiosk_started',
          'operator.signed_in',
        ]);
        expect(entries.map((entry) => entry.seq)).toEqual(entries.map((_, i) => i + 1));
        await h.close();
        h = undefined;
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  );

  it('lets only a supervisor session read the trail', async () => {
    h = await startCore();
    await h.call('setPin', { newPin: PIN });
    expect(await h.failure('listAudit', {})).toMatchObject({ code: 'invalid_request' });
    expect(await h.failure('listAudit', { grant: 'A'.repeat(43) })).toMatchObject({
      code: 'session_expired',
    });
    expect(await h.failure('exportAudit', { format: 'jsonl' })).toMatchObject({ code: 'invalid_request' });
  });
});

describe('audit channels through the dev host', () => {
  it('lists and exports over the renderer HTTP bridge', { timeout: 60_000 }, async () => {
    d = await startDevHostHarness();
    const kiosk: KioskApi = kioskApiFromBridge(createHttpKiosk({ baseUrl: d.origin, token: d.token }));
    const { grant } = await kiosk.setPin({ newPin: PIN });
    const shift = await kiosk.signIn({ operatorId: 'supervisor', pin: PIN });
    if (!shift.valid) throw new Error('the PIN was refused');
    const saved = await kiosk.submitEnrollment(submission(shift.grant.token, 'CUST-BRIDGE-1'));
    const page = await kiosk.listAudit({ grant: grant.token, filter: { userId: 'CUST-BRIDGE-1' } });
    expect(page.entries[0]).toMatchObject({ action: 'enrollment.saved', subject: { jobId: saved.jobId } });
    expect(page.integrity.ok).toBe(true);
    const exported = await kiosk.exportAudit({ grant: grant.token, format: 'jsonl' });
    expect(exported.lastHash).toBe(exported.head?.hash);
    expect(verifyExport(exported.content).verdict.ok).toBe(true);
    await expect(kiosk.listAudit({ grant: 'A'.repeat(43) })).rejects.toMatchObject({
      code: 'session_expired',
    });
  });
});
