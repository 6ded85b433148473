// The diagnostics file a supervisor sends to support (issue 11: "no user IDs, no images") through the whole kiosk
// core against the simulator: enrollments with distinctive user IDs that end approved, rejected, refused as
// already enrolled (2209) and retried after a server error; a known API key, PIN, callback token and place. The
// exported file names none of them, no job ID, and no image bytes — yet still says what support needs (the errors
// by code, the health, the audit chain). Two negative controls: the leak detector this test relies on does find a
// user ID put into the file, and a user ID that reaches the file's content by another path is masked.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { diagnosticsExporter } from '../../main/diagnostics/export-diagnostics';
import { LogScrubber } from '../../main/log-scrub';
import { startSimulator, type RunningSimulator } from '../../main/smileid/simulator/server';
import { makeCapture, type CaptureJpegs } from '../support/fixture-images';
import { startCore, type CoreHarness } from '../support/core-harness';
import { waitFor } from '../support/outbox-harness';

const PARTNER_ID = '085';
const API_KEY = 'diag-secret-api-key-Zq81xV0c';
const PIN = '582937';
const CALLBACK_TOKEN = 'cb-token-93kDfQ02';
const PLACE = 'Hidden Lane Branch Back Office';

const USERS = {
  approved: 'DIAG-PII-ALPHA-7301',
  rejected: 'DIAG-PII-REJECT-7302',
  twice: 'DIAG-PII-TWICE-7303',
  retried: 'DIAG-PII-RETRY-7304',
} as const;

let capture: CaptureJpegs;
let sim: RunningSimulator | undefined;
let h: CoreHarness | undefined;

beforeAll(() => {
  capture = makeCapture();
});

afterEach(async () => {
  await h?.close();
  await sim?.close();
  h = undefined;
  sim = undefined;
});

/** What must never be in the file, each with a name for the failure message. */
interface Secret {
  readonly label: string;
  readonly value: string;
}

/** Every secret (as written, and in lower case) that `text` contains. */
function leaksIn(text: string, secrets: readonly Secret[]): string[] {
  const lower = text.toLowerCase();
  return secrets
    .filter(({ value }) => text.includes(value) || lower.includes(value.toLowerCase()))
    .map(({ label }) => label);
}

/** An image as the file could carry it: base64 (a data URL or not), hex, or JSON's \u escapes of raw bytes. */
function imageForms(label: string, bytes: Uint8Array): Secret[] {
  const head = Buffer.from(bytes.subarray(0, 48));
  const middle = Buffer.from(bytes.subarray(bytes.length >> 1, (bytes.length >> 1) + 48));
  return [
    { label: `${label} (base64, start)`, value: head.toString('base64').slice(0, 40) },
    { label: `${label} (base64, middle)`, value: middle.toString('base64').slice(4, 44) },
    { label: `${label} (hex)`, value: head.toString('hex') },
    { label: `${label} (latin1)`, value: JSON.stringify(head.toString('latin1')).slice(1, 40) },
  ];
}

async function kiosk(): Promise<CoreHarness> {
  sim = await startSimulator({
    port: 0,
    partnerId: PARTNER_ID,
    apiKey: API_KEY,
    seed: 7_301,
    outcomes: [{ pattern: '^DIAG-PII-REJECT', resultCode: '0841' }],
    callbackRetryDelaysMs: [],
  });
  h = await startCore({
    SMILEID_BASE_URL: sim.url,
    SMILEID_PARTNER_ID: PARTNER_ID,
    SMILEID_API_KEY: API_KEY,
    // A callback URL carrying a token, as banks' often do: the file may show where, never the token.
    SMILEID_CALLBACK_URL: `http://127.0.0.1:9/smile-callback?token=${CALLBACK_TOKEN}`,
    KIOSK_OPERATOR_PIN: PIN,
    KIOSK_ID: 'K-DIAG',
    BRANCH: 'Kisumu',
    KIOSK_LATITUDE: '-0.0917',
    KIOSK_LONGITUDE: '34.768',
    KIOSK_LOCATION_ACCURACY_M: '25',
    KIOSK_PLACE: PLACE,
  });
  return h;
}

/** Enrollments that leave every kind of trace: a result, a rejection, a 2209 and a failed attempt. */
async function enrollEveryKind(harness: CoreHarness): Promise<string[]> {
  const shift = await harness.shift();
  const approved = await harness.enroll(USERS.approved, shift);
  const rejected = await harness.enroll(USERS.rejected, shift);
  const first = await harness.enroll(USERS.twice, shift);
  await harness.untilState(approved, 'approved');
  await harness.untilState(rejected, 'rejected');
  await harness.untilState(first, 'approved');
  const second = await harness.enroll(USERS.twice, shift);
  await harness.untilState(second, 'needs_attention');

  // Smile ID answers 500 to every upload for a while: an attempt fails, then "Send now" gets it through.
  sim!.configure({ http500: 1, faultScope: ['upload'] });
  const retried = await harness.enroll(USERS.retried, shift);
  await waitFor(
    () => ((harness.core.outbox.get(retried)?.attempts ?? 0) > 0 ? true : undefined),
    20_000,
    'a failed attempt',
  );
  sim!.configure({ http500: 0 });
  await harness.call('sendNow', { grant: await harness.elevated() });
  await harness.untilState(retried, 'approved');
  return [approved, rejected, first, second, retried];
}

function forbidden(jobIds: readonly string[]): Secret[] {
  return [
    ...Object.values(USERS).map((userId) => ({ label: `user ID ${userId}`, value: userId })),
    ...jobIds.map((jobId) => ({ label: `job ID ${jobId}`, value: jobId })),
    { label: 'API key', value: API_KEY },
    { label: 'PIN', value: PIN },
    { label: 'callback token', value: CALLBACK_TOKEN },
    { label: 'place name', value: PLACE },
    // Every JPEG starts FF D8 FF: "/9j/" in base64.
    { label: 'a JPEG in base64', value: '/9j/' },
    ...imageForms('selfie', capture.selfie),
    ...capture.liveness.flatMap((frame, index) => imageForms(`liveness ${index + 1}`, frame)),
  ];
}

describe('the diagnostics file', () => {
  it('names no customer, job, secret or image, yet says what support needs', async () => {
    const harness = await kiosk();
    const jobIds = await enrollEveryKind(harness);
    // A supervisor's call: not without a session, not on a shift's grant — the PIN entered for it.
    for (const refused of [{}, { grant: await harness.shift() }]) {
      expect(['invalid_request', 'session_expired', 'not_allowed']).toContain(
        (await harness.failure('exportDiagnostics', refused)).code,
      );
    }
    const supervisor = await harness.elevated();

    const file = await harness.call('exportDiagnostics', { grant: supervisor });
    expect(file.fileName).toMatch(/^diagnostics-K-DIAG-\d{8}T\d{6}Z\.json$/);
    expect(leaksIn(file.content, forbidden(jobIds))).toEqual([]);

    // What support needs is there, by code.
    const report = JSON.parse(file.content) as {
      versions: Record<string, unknown>;
      system: Record<string, unknown>;
      settings: Record<string, unknown>;
      health: { jobsByState: Record<string, number>; circuit: { open: boolean } };
      recentErrors: { action: string; job: number | null; kind: string; code: string | null }[];
      currentProblems: { state: string; kind: string; code: string; jobs: number }[];
      auditChain: { ok: boolean; entries: number; firstSeq: number; lastHash: string; brokenAt: unknown };
      rendererRecycling: Record<string, number>;
    };
    expect(report.versions).toMatchObject({ app: 'test', node: process.versions.node, electron: null });
    expect(report.system).toMatchObject({ platform: process.platform, arch: process.arch });
    expect(report.settings).toMatchObject({
      kioskId: 'K-DIAG',
      partnerId: PARTNER_ID,
      callbackUrl: 'http://127.0.0.1:9',
      location: 'set',
      apiKeySet: true,
      pinState: 'set',
    });
    expect(Object.keys(report.settings)).not.toContain('apiKey');
    expect(report.rendererRecycling).toEqual({ afterEnrollments: 200, aboveHeapMb: 256 });
    expect(report.health.jobsByState).toMatchObject({ approved: 3, rejected: 1, needs_attention: 1 });
    expect(report.currentProblems).toContainEqual(
      expect.objectContaining({ state: 'needs_attention', kind: 'api_error', code: '2209', jobs: 1 }),
    );
    const refused = report.recentErrors.find((error) => error.action === 'job.needs_attention');
    expect(refused).toMatchObject({ kind: 'api_error', code: '2209', job: expect.any(Number) as unknown });
    expect(report.recentErrors.some((error) => error.action === 'job.attempt_failed')).toBe(true);
    // Each job is a number of this file only.
    for (const error of report.recentErrors) expect(error.job === null || error.job >= 1).toBe(true);

    const audit = await harness.call('listAudit', { grant: supervisor, limit: 1 });
    expect(report.auditChain).toMatchObject({ ok: true, firstSeq: 1, brokenAt: null });
    expect(report.auditChain.entries).toBeGreaterThan(10);
    // The export is recorded after the file was made, so the file's newest entry is the one before it.
    expect(audit.entries[0]).toMatchObject({
      action: 'kiosk.diagnostics_exported',
      actor: { kind: 'operator', role: 'supervisor' },
      details: { fileName: file.fileName, bytes: Buffer.byteLength(file.content) },
    });
    expect(audit.entries[0]!.prevHash).toBe(report.auditChain.lastHash);
  });

  it('negative controls: the detector finds a user ID put into the file; one reaching it another way is masked', async () => {
    const harness = await kiosk();
    const jobIds = await enrollEveryKind(harness);
    const file = await harness.call('exportDiagnostics', { grant: await harness.elevated() });

    // Were the errors to carry the user ID (or the job ID), this test would fail.
    const leakyErrors = file.content.replace(
      '"recentErrors": [',
      `"recentErrors": [{ "action": "job.needs_attention", "userId": "${USERS.twice}", "jobId": "${jobIds[3]}" },`,
    );
    expect(leakyErrors).not.toBe(file.content);
    expect(leaksIn(leakyErrors, forbidden(jobIds))).toEqual([
      `user ID ${USERS.twice}`,
      `job ID ${jobIds[3]}`,
    ]);
    const leakyImage = file.content.replace(
      '"recentErrors": [',
      `"selfie": "${Buffer.from(capture.selfie).toString('base64').slice(0, 200)}", "recentErrors": [`,
    );
    expect(leaksIn(leakyImage, forbidden(jobIds))).toContain('a JPEG in base64');

    // A job whose error code were a user ID passes the code filter (it looks like a code), but not the guard.
    const core = harness.core;
    const scrubber = new LogScrubber();
    scrubber.register(API_KEY);
    const sneaky = diagnosticsExporter({
      appVersion: 'test',
      settings: async () => ({ ...core.settings.publicView(true), branch: `Near ${USERS.approved}` }),
      outbox: {
        health: () => core.outbox.health(),
        snapshot: () =>
          core.outbox.snapshot().map((job) => ({
            ...job,
            lastError: { kind: job.userId, code: API_KEY, errorClass: 'permanent', reason: '', action: '' },
          })),
      },
      audit: core.audit,
      scrubber,
    });
    const masked = await sneaky.export();
    expect(leaksIn(masked.content, forbidden(jobIds))).toEqual([]);
    expect(masked.content).toContain('Near [user-id]');
    expect(masked.content).toContain('"kind": "[user-id]"');
  });
});
