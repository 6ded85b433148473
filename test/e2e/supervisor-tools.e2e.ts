// The supervisor's tools in the operator panel, in Chromium against the dev host (training mode): a user ID
// enrolled twice meets Smile ID's 2209 and waits; the supervisor signs in with the PIN, approves the
// re-enrollment in the kiosk's own dialog, and it ends approved. The audit trail lists that customer's entries in
// the operator's words and leaves the kiosk as JSON Lines and CSV that the verifier accepts; end of day counts the
// day per operator and exports it as CSV; the diagnostics file names no user ID. Every file is taken as the
// browser's download, as a supervisor would save it.
import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { localDayOf } from '../../app/local-day';
import { verifyExport } from '../../main/audit/verify-export';
import { makeCapture, type CaptureJpegs } from '../support/fixture-images';
import {
  enterPin,
  onShift,
  OPERATOR_ID,
  OPERATOR_PIN,
  startKiosk,
  type KioskSession,
} from './support/kiosk-session';

const USER_ID = 'SUP-AGAIN-0001';

let capture: CaptureJpegs;
let session: KioskSession | undefined;

beforeAll(() => {
  capture = makeCapture();
});
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** Saves one enrollment through the page's own window.kiosk, under a shift of its own, as the review screen would. */
async function submitThroughBridge(page: Page, userId: string, jpegs: CaptureJpegs): Promise<string> {
  return page.evaluate(
    async ({ userId, selfie, liveness, operatorId, pin }) => {
      const kiosk = window.kiosk!;
      const shift = (await kiosk.signIn({ operatorId, pin })) as { value?: { grant?: { token: string } } };
      const grant = shift.value?.grant?.token;
      if (!grant) throw new Error('the PIN was refused');
      const envelope = (await kiosk.submitEnrollment({
        grant,
        reference: crypto.randomUUID(),
        userId,
        consent: { given: true, at: Date.now() },
        selfie: new Uint8Array(selfie),
        liveness: liveness.map((frame) => new Uint8Array(frame)),
      })) as { ok: boolean; value?: { jobId: string } };
      if (!envelope.ok || !envelope.value) throw new Error('the enrollment was refused');
      return envelope.value.jobId;
    },
    {
      userId,
      selfie: [...jpegs.selfie],
      liveness: jpegs.liveness.map((frame) => [...frame]),
      operatorId: OPERATOR_ID,
      pin: OPERATOR_PIN,
    },
  );
}

async function untilState(session: KioskSession, jobId: string, state: string): Promise<void> {
  await session.page.waitForFunction(
    ({ jobId, state }) =>
      document.querySelector(`tr[data-job-id="${jobId}"]`)?.getAttribute('data-state') === state,
    { jobId, state },
    { timeout: 30_000 },
  );
}

function waitForJob(session: KioskSession, jobId: string, state: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  return (async () => {
    while (session.host.core.outbox.get(jobId)?.state !== state) {
      if (Date.now() > deadline) throw new Error(`job ${jobId} never became ${state}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
}

/** Clicks `testId` and answers the file the browser was handed, with the name it suggested. */
async function downloadOf(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const waiting: Promise<Download> = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const download = await waiting;
  const file = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(file, 'utf8') };
}

describe('supervisor tools in the operator panel', () => {
  it('approves a 2209 re-enrollment, lists and exports the audit trail, totals the day, exports diagnostics', async () => {
    session = await startKiosk({ KIOSK_ID: 'K-SUP', BRANCH: 'Eldoret' }, null);
    const { page, ui, host } = session;
    await onShift(session);

    // The same customer twice: Smile ID (the training simulator) enrolls the first and refuses the second, 2209.
    const first = await submitThroughBridge(page, USER_ID, capture);
    await waitForJob(session, first, 'approved');
    const second = await submitThroughBridge(page, USER_ID, capture);
    await waitForJob(session, second, 'needs_attention');
    expect(host.core.outbox.get(second)?.lastError).toMatchObject({ kind: 'api_error', code: '2209' });

    await page.getByTestId('open-operator').click();
    await enterPin(page);
    await page.getByTestId('operator-jobs').waitFor();

    // The refused job offers the decision instead of a retry that would meet 2209 again; confirm, then it goes.
    const row = page.locator(`tr[data-job-id="${second}"]`);
    expect(await row.getByTestId('job-retry').count()).toBe(0);
    await row.getByTestId('job-approveReEnrollment').click();
    const dialog = page.getByTestId('approveReEnrollment-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`Enroll ${USER_ID} again?`);
    await ui.screenshot('supervisor-01-approve-re-enrollment');
    await page.getByTestId('approveReEnrollment-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await untilState(session, second, 'approved');
    expect(await page.getByTestId('operator-problem').count()).toBe(0);

    // The audit trail, narrowed to this customer: each step of both enrollments, in the operator's words.
    await page.getByTestId('operator-tab-audit').click();
    await page.getByTestId('audit-userId').fill(USER_ID);
    await page.getByTestId('audit-show').click();
    // The filtered page is in once every row names the customer and the approval is among them.
    await page.waitForFunction((userId) => {
      const rows = [...document.querySelectorAll('[data-testid=audit-entries] tbody tr')];
      return (
        rows.some((row) => row.getAttribute('data-action') === 'job.re_enrollment_approved') &&
        rows.every((row) => row.textContent?.includes(userId))
      );
    }, USER_ID);
    const actions = await page
      .getByTestId('audit-entries')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((each) => each.getAttribute('data-action')));
    expect(actions).toEqual(
      expect.arrayContaining([
        'enrollment.saved',
        'enrollment.re_enrolled',
        'job.needs_attention',
        'job.re_enrollment_approved',
        'job.result',
      ]),
    );
    const approvedRow = page.locator('[data-action="job.re_enrollment_approved"]');
    expect(await approvedRow.textContent()).toContain('Re-enrollment approved');
    expect(await approvedRow.textContent()).toContain(USER_ID);
    expect(await page.getByTestId('audit-integrity').getAttribute('data-ok')).toBe('true');
    await ui.screenshot('supervisor-02-audit-trail');

    // Exported with that filter, as JSON Lines and as CSV: the verifier accepts both.
    const jsonl = await downloadOf(page, 'audit-export-jsonl');
    expect(jsonl.name).toMatch(/^audit-K-SUP-\d{8}T\d{6}Z\.jsonl$/);
    const jsonlVerdict = verifyExport(jsonl.text);
    expect(jsonlVerdict).toMatchObject({ format: 'jsonl', verdict: { ok: true } });
    if (!jsonlVerdict.verdict.ok) throw new Error('unreachable');
    expect(jsonlVerdict.verdict.summary.entries).toBe(actions.length);
    expect(jsonlVerdict.verdict.summary.firstSeq).toBe(1);
    await page.getByTestId('audit-exported').waitFor();
    const csv = await downloadOf(page, 'audit-export-csv');
    expect(csv.name).toMatch(/\.csv$/);
    expect(verifyExport(csv.text)).toMatchObject({ format: 'csv', verdict: { ok: true } });

    // End of day: today, per operator and outcome — both enrollments approved, taken on the supervisor's shift.
    await page.getByTestId('operator-tab-day').click();
    const today = page.locator(`[data-testid=day-table][data-day="${localDayOf(Date.now())}"]`);
    await today.waitFor();
    expect(await page.locator(`tbody tr[data-operator="${OPERATOR_ID}"]`).getAttribute('data-total')).toBe(
      '2',
    );
    const totals = page.getByTestId('day-table').locator('tfoot tr');
    expect(await totals.getAttribute('data-total')).toBe('2');
    expect(await totals.locator('[data-group=approved]').textContent()).toBe('2');
    await ui.screenshot('supervisor-03-end-of-day');
    const dayCsv = await downloadOf(page, 'day-export-csv');
    expect(dayCsv.name).toBe(`day-totals-K-SUP-${localDayOf(Date.now())}.csv`);
    expect(dayCsv.text.split('\r\n')).toEqual([
      'day,operator_id,waiting,needs_attention,provisional,approved,rejected,submitted,total',
      `${localDayOf(Date.now())},${OPERATOR_ID},0,0,0,2,0,0,2`,
      '',
    ]);

    // Diagnostics for support: no user ID, no job ID.
    await page.getByTestId('operator-tab-support').click();
    await ui.screenshot('supervisor-04-support');
    const diagnostics = await downloadOf(page, 'export-diagnostics');
    expect(diagnostics.name).toMatch(/^diagnostics-K-SUP-\d{8}T\d{6}Z\.json$/);
    expect(diagnostics.text).not.toContain(USER_ID);
    for (const jobId of [first, second]) expect(diagnostics.text).not.toContain(jobId);
    expect(JSON.parse(diagnostics.text)).toMatchObject({
      format: 'selfie-kiosk-diagnostics',
      settings: { kioskId: 'K-SUP' },
      auditChain: { ok: true, brokenAt: null },
    });
    await page.getByTestId('diagnostics-exported').waitFor();
  });
});
