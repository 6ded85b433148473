// The operator PIN dialog on a touch kiosk, in Chromium against the dev host: an on-screen number pad with keys
// of 56 px and more, the physical keyboard still working beside it, and main's count of tries left — then the
// lock and when it ends — said in the operator's language.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { OPERATOR_ID, OPERATOR_PIN, startKiosk, type KioskSession } from './support/kiosk-session';

let session: KioskSession | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function tapDigits(page: Page, digits: string): Promise<void> {
  for (const digit of digits) await page.getByTestId(`pin-key-${digit}`).click();
}

/** The dialog's answer to the last try, once it has come. */
async function pinError(page: Page): Promise<{ kind: string | null; text: string }> {
  const error = page.getByTestId('pin-error');
  await error.waitFor();
  return { kind: await error.getAttribute('data-kind'), text: (await error.textContent()) ?? '' };
}

describe('operator PIN dialog', () => {
  it('has a number pad of large keys, and says how many tries are left in the operator language', async () => {
    session = await startKiosk({}, null);
    const { page, ui, host } = session;
    await page.getByTestId('open-operator').click();
    // Nobody is on shift, so the dialog asks whose PIN this is; then the PIN field takes the typing.
    expect(await page.getByTestId('pin-operator-id').inputValue()).toBe('');
    await page.getByTestId('pin-operator-id').fill(OPERATOR_ID);
    await page.getByTestId('pin-input').focus();

    // Twelve keys (0–9, erase, OK), none smaller than 56 px.
    const keys = page.getByTestId('pin-pad').locator('button');
    expect(await keys.count()).toBe(12);
    for (const box of await Promise.all((await keys.all()).map((key) => key.boundingBox()))) {
      expect(box!.width).toBeGreaterThanOrEqual(56);
      expect(box!.height).toBeGreaterThanOrEqual(56);
    }
    expect(await page.getByTestId('pin-submit').isDisabled()).toBe(true);

    // Tapped, with one mistake erased: 9 8 7 6 5 4 ⌫ 3 → 9876 53… → wrong PIN.
    await tapDigits(page, '987654');
    await page.getByTestId('pin-erase').click();
    await tapDigits(page, '3');
    expect(await page.getByTestId('pin-input').inputValue()).toBe('987653');
    // The keys do not take the focus from the field: the keyboard goes on where the pad left off.
    await page.keyboard.type('1');
    expect(await page.getByTestId('pin-input').inputValue()).toBe('9876531');
    await ui.screenshot('pin-pad-01-keys');
    await page.getByTestId('pin-submit').click();
    expect(await pinError(page)).toEqual({
      kind: 'wrong',
      text: 'Wrong PIN. 4 more tries before PIN entry locks.',
    });
    expect(await page.getByTestId('pin-input').inputValue()).toBe('');

    // The right PIN on the pad opens the operator panel (and sets the count back).
    await tapDigits(page, OPERATOR_PIN);
    await page.getByTestId('pin-submit').click();
    await page.getByTestId('operator-close').waitFor();
    await page.getByTestId('operator-close').click();

    // In French, typed on the keyboard: the count is main's, the words are the operator's.
    await page.getByTestId('language-fr').click();
    await page.getByTestId('open-operator').click();
    await page.getByTestId('pin-operator-id').fill(OPERATOR_ID);
    const triesLeft: string[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      await page.getByTestId('pin-input').fill('');
      await page.keyboard.type('000000');
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (count) =>
          document.querySelector('[data-testid=pin-error]')?.textContent?.includes(`Encore ${count}`),
        4 - attempt,
      );
      triesLeft.push((await pinError(page)).text);
    }
    expect(triesLeft).toEqual([
      'Code incorrect. Encore 4 essais avant le blocage de la saisie.',
      'Code incorrect. Encore 3 essais avant le blocage de la saisie.',
      'Code incorrect. Encore 2 essais avant le blocage de la saisie.',
      'Code incorrect. Encore 1 essai avant le blocage de la saisie.',
    ]);

    // The fifth wrong PIN locks entry, and the dialog says until when.
    await tapDigits(page, '000000');
    await page.getByTestId('pin-submit').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid=pin-error]')?.getAttribute('data-kind') === 'locked',
    );
    const locked = await pinError(page);
    expect(locked.text).toMatch(/^Trop de codes incorrects\. La saisie est bloquée jusqu’à \d{2}:\d{2}\.$/);
    const check = await host.core.settings.verifyPin(OPERATOR_PIN);
    expect(check.kind).toBe('locked');
    await ui.screenshot('pin-pad-02-locked-fr');
  });
});
