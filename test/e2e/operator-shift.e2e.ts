// Named operators and shifts as people meet them (issue 11, docs/operators.md), in Chromium against the dev host:
// an operator signs in at the start of a shift (choosing their own PIN after the supervisor's temporary one),
// enrolls a customer, the operator panel names them on the job, and after sign-out nobody can enroll; a supervisor
// adds, disables, promotes and resets operators on the Operators screen, and main refuses to lose the last one.
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  captureAndSubmit,
  enterPin,
  makeVideos,
  OPERATOR_ID,
  OPERATOR_PIN,
  startKiosk,
  waitForResult,
  walkToCapture,
  type KioskSession,
} from './support/kiosk-session';

let videos: { face: string; noFace: string };
let session: KioskSession | undefined;

beforeAll(async () => {
  videos = await makeVideos();
});

afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function tapDigits(page: Page, digits: string): Promise<void> {
  for (const digit of digits) await page.getByTestId(`pin-key-${digit}`).click();
}

/** On the home screen's sign-in form: the operator ID typed, the PIN tapped on the number pad, then OK. */
async function typeSignIn(page: Page, operatorId: string, pin: string): Promise<void> {
  const form = page.getByTestId('sign-in');
  await form.getByTestId('sign-in-operator').fill(operatorId);
  await tapDigits(page, pin);
  await form.getByTestId('pin-submit').click();
}

/** A temporary PIN signed in: the form asks for the operator's own PIN, twice. */
async function chooseOwnPin(page: Page, pin: string): Promise<void> {
  await page.locator('[data-testid=sign-in][data-step=new_pin]').waitFor();
  await tapDigits(page, pin);
  await page.getByTestId('pin-submit').click();
  await page.locator('[data-testid=sign-in][data-step=confirm_pin]').waitFor();
  await tapDigits(page, pin);
  await page.getByTestId('pin-submit').click();
}

describe('operator shifts in the browser', () => {
  it('sign in, enroll, sign out: the job names its operator, and nobody enrolls after sign-out', async () => {
    session = await startKiosk({}, videos.face);
    const { page, ui, host } = session;

    // Nobody is on shift: home asks for a sign-in and offers no enrollment.
    await page.getByTestId('sign-in').waitFor();
    expect(await page.getByTestId('new-enrollment').count()).toBe(0);
    await ui.screenshot('shift-01-sign-in');

    // A supervisor adds Amina through main's channels, as the Operators screen does (covered below).
    const created = await page.evaluate(
      async ({ operatorId, pin }) => {
        // window.kiosk is the raw bridge: envelopes.
        const kiosk = window.kiosk!;
        const signedIn = (await kiosk.verifyPin({ operatorId, pin })) as {
          value?: { grant?: { token: string } };
        };
        const grant = signedIn.value?.grant?.token;
        if (!grant) throw new Error('the supervisor PIN was refused');
        const answer = await kiosk.createOperator({
          grant,
          operatorId: 'amina',
          displayName: 'Amina Njeri',
          role: 'operator',
          temporaryPin: '135790',
        });
        await kiosk.endSession({ grant });
        return JSON.stringify(answer);
      },
      { operatorId: OPERATOR_ID, pin: OPERATOR_PIN },
    );
    expect(JSON.parse(created)).toMatchObject({
      ok: true,
      value: { operatorId: 'amina', pinChangeRequired: true },
    });

    // A wrong PIN says how many tries are left, and opens nothing.
    await typeSignIn(page, 'amina', '000000');
    await page.getByTestId('sign-in-error').waitFor();
    expect(await page.getByTestId('sign-in-error').textContent()).toBe(
      'Wrong PIN. 4 more tries before PIN entry locks.',
    );
    expect(await page.getByTestId('new-enrollment').count()).toBe(0);
    await ui.screenshot('shift-02-wrong-pin');

    // The temporary PIN signs in only to choose her own; then the shift begins.
    await typeSignIn(page, 'amina', '135790');
    await ui.screenshot('shift-03-choose-own-pin');
    await chooseOwnPin(page, '86420975');
    await page.getByTestId('new-enrollment').waitFor();
    expect(await page.getByTestId('signed-in-name').textContent()).toBe('Signed in as Amina Njeri');
    await ui.screenshot('shift-04-on-shift');

    // She enrolls a customer to a result; main records her on the job.
    await walkToCapture(session, 'CUST-SHIFT-01');
    await captureAndSubmit(session);
    expect(await waitForResult(page, ['approved'])).toBe('approved');
    const job = host.core.outbox.snapshot().find((candidate) => candidate.userId === 'CUST-SHIFT-01');
    expect(job?.operatorId).toBe('amina');
    await page.getByTestId('result-done').click();

    // The operator panel, opened under her own PIN (her ID is filled in), names her on the job.
    await page.getByTestId('open-operator').click();
    expect(await page.getByTestId('pin-operator-id').inputValue()).toBe('amina');
    await enterPin(page, '86420975');
    await page.getByTestId('operator-jobs').waitFor();
    const row = page.locator(`[data-testid=operator-jobs] tr[data-job-id="${job!.jobId}"]`);
    expect(await row.getByTestId('job-operator').textContent()).toBe('Enrolled by amina');
    // An operator is not offered the supervisors' Operators screen.
    expect(await page.getByTestId('open-operators').count()).toBe(0);
    await ui.screenshot('shift-05-panel-names-operator');
    await page.getByTestId('operator-close').click();

    // Closing the panel keeps the shift; signing out ends it, here and in main.
    await page.getByTestId('new-enrollment').waitFor();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in').waitFor();
    expect(await page.getByTestId('new-enrollment').count()).toBe(0);
    await expect.poll(() => host.core.sessions.count(), { timeout: 5_000 }).toBe(0);
    await ui.screenshot('shift-06-signed-out');
  });

  it('a supervisor manages operators on the Operators screen, and the new operator signs in', async () => {
    session = await startKiosk({}, null);
    const { page, ui } = session;
    await page.getByTestId('sign-in').waitFor();

    // The supervisor opens the panel with their own ID and PIN, then the Operators screen.
    await page.getByTestId('open-operator').click();
    await enterPin(page);
    await page.getByTestId('open-operators').click();
    await page.locator('[data-testid=operators-list] tr[data-operator-id=supervisor]').waitFor();

    // Add Baraka: ID, name, role, and a temporary PIN on the number pad.
    await page.getByTestId('operators-add').click();
    await page.getByTestId('operator-new-id').fill('baraka');
    await page.getByTestId('operator-new-name').fill('Baraka Otieno');
    await page.getByTestId('operator-new-role-operator').click();
    await tapDigits(page, '246813');
    await ui.screenshot('operators-01-add');
    await page.getByTestId('pin-submit').click();
    await page.getByTestId('operators-notice').waitFor();
    const baraka = page.locator('[data-testid=operators-list] tr[data-operator-id=baraka]');
    expect(await baraka.getAttribute('data-role')).toBe('operator');
    expect(await baraka.getAttribute('data-enabled')).toBe('true');

    // The same ID again is refused in the operator's words.
    await page.getByTestId('operators-add').click();
    await page.getByTestId('operator-new-id').fill('baraka');
    await page.getByTestId('operator-new-name').fill('Another Baraka');
    await tapDigits(page, '975312');
    await page.getByTestId('pin-submit').click();
    await page.getByTestId('operator-form-problem').waitFor();
    expect(await page.getByTestId('operator-form-problem').textContent()).toBe(
      'An operator with this ID already exists. Choose another ID.',
    );
    await page.getByTestId('operator-form-cancel').click();

    // The last supervisor can be neither disabled nor demoted: main refuses, the screen says why.
    const supervisor = page.locator('[data-testid=operators-list] tr[data-operator-id=supervisor]');
    await supervisor.getByTestId('operator-toggle').click();
    await page.getByTestId('operators-problem').waitFor();
    expect(await page.getByTestId('operators-problem').textContent()).toMatch(/at least one supervisor/);
    expect(await supervisor.getAttribute('data-enabled')).toBe('true');

    // Disable and enable again; promote; reset the PIN.
    await baraka.getByTestId('operator-toggle').click();
    await page.locator('tr[data-operator-id=baraka][data-enabled=false]').waitFor();
    await baraka.getByTestId('operator-toggle').click();
    await page.locator('tr[data-operator-id=baraka][data-enabled=true]').waitFor();
    await baraka.getByTestId('operator-role').click();
    await page.locator('tr[data-operator-id=baraka][data-role=supervisor]').waitFor();
    await baraka.getByTestId('operator-reset-pin').click();
    await tapDigits(page, '112358');
    await page.getByTestId('pin-submit').click();
    await page.getByTestId('operators-notice').waitFor();
    expect(await page.getByTestId('operators-notice').textContent()).toMatch(/Baraka Otieno/);
    await ui.screenshot('operators-02-list');

    // Back to the panel, closed: home, where Baraka signs in with the reset PIN and chooses his own.
    await page.getByTestId('operators-back').click();
    await page.getByTestId('operator-close').click();
    await page.getByTestId('sign-in').waitFor();
    await typeSignIn(page, 'baraka', '112358');
    await chooseOwnPin(page, '31415926');
    await page.getByTestId('new-enrollment').waitFor();
    expect(await page.getByTestId('signed-in-name').textContent()).toBe('Signed in as Baraka Otieno');
  });
});
