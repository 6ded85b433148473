// The translation tables themselves: every English key has real words in French, Swahili and Portuguese (not
// empty, not the English left in place, the same placeholders), and the words cover every code main can send —
// so a new result code, error code, failure kind or KioskError code cannot reach a screen without words.
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../app/audit/actions';
import { KIOSK_ERROR_CODES } from '../../app/errors';
import { CIRCUIT_PROBLEMS, IMAGES_EXPIRED_PROBLEMS, INTERNAL_JOB_PROBLEMS } from '../../app/job-problems';
import { SMILE_ID_ERROR_CODES } from '../../app/smileid/error-codes';
import { FAILURE_KINDS } from '../../app/smileid/failure-kinds';
import { FALLBACK_RESULTS, SMART_SELFIE_RESULT_CODES } from '../../app/smileid/result-codes';
import { en } from '../../renderer/i18n/en';
import { fr } from '../../renderer/i18n/fr';
import { pt } from '../../renderer/i18n/pt';
import { sw } from '../../renderer/i18n/sw';

const OTHERS = { fr, sw, pt } as const;

/** Every string of a table, by its dotted key. */
function leaves(table: object, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(table)) {
    if (value !== null && typeof value === 'object') {
      for (const [inner, leaf] of leaves(value, `${prefix}${key}.`)) found.set(inner, leaf);
    } else found.set(`${prefix}${key}`, value);
  }
  return found;
}

/**
 * Words that are rightly the same as the English: the languages' own names (each written in itself), the
 * international "OK" and "PIN", and words that are spelt the same in that language. Text without a letter
 * (a resolution, a number) is the same everywhere too.
 */
const SAME_AS_ENGLISH: Readonly<Record<keyof typeof OTHERS, readonly string[]>> = {
  fr: ['OK', 'PIN', 'Smile ID production', 'Latitude', 'Longitude', 'Total'],
  sw: ['OK', 'PIN'],
  pt: ['OK', 'PIN', 'Latitude', 'Longitude', 'Total', 'Supervisor'],
};
const NAMES_OF_LANGUAGES = /^languages\./;
const HAS_A_LETTER = /\p{L}/u;

/** {{placeholders}} and $t(nested keys): a translation must keep each one, or a count or a name goes missing. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^}]+?)\s*\}\}|\$t\(([^)]+)\)/g)].map((match) => match[0]).sort();
}

const english = leaves(en);

describe.each(Object.entries(OTHERS))('the %s table', (language, table) => {
  const translated = leaves(table);

  it('has every English key, as a non-empty string', () => {
    const missing = [...english.keys()].filter((key) => typeof translated.get(key) !== 'string');
    const empty = [...translated].filter(([, value]) => value === '').map(([key]) => key);
    expect(missing).toEqual([]);
    expect(empty).toEqual([]);
  });

  it('has no key English lacks', () => {
    expect([...translated.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  it('leaves no English in place', () => {
    const allowed = SAME_AS_ENGLISH[language as keyof typeof OTHERS];
    const untranslated = [...english]
      .filter(([key, words]) => translated.get(key) === words)
      .filter(([key, words]) => !NAMES_OF_LANGUAGES.test(key) && !allowed.includes(words as string))
      .filter(([, words]) => HAS_A_LETTER.test(String(words)))
      .map(([key, words]) => `${key}: ${String(words)}`);
    expect(untranslated).toEqual([]);
  });

  it('keeps every placeholder of the English', () => {
    const changed = [...english]
      .filter(([key, words]) => typeof words === 'string' && typeof translated.get(key) === 'string')
      .filter(([key, words]) => {
        const theirs = placeholders(translated.get(key) as string);
        return JSON.stringify(theirs) !== JSON.stringify(placeholders(words as string));
      })
      .map(([key]) => key);
    expect(changed).toEqual([]);
  });
});

describe('the words cover every code main sends', () => {
  const keysOf = (table: object) => Object.keys(table).sort();

  it('every Smile ID result code, and a fallback for every outcome', () => {
    expect(keysOf(en.result.codes)).toEqual(keysOf(SMART_SELFIE_RESULT_CODES));
    expect(keysOf(en.result.fallback)).toEqual(keysOf(FALLBACK_RESULTS));
  });

  it('every next step but none', () => {
    const steps = new Set(Object.values(SMART_SELFIE_RESULT_CODES).map((info) => info.nextStep));
    steps.delete('none');
    expect(keysOf(en.result.nextStep)).toEqual([...steps].sort());
  });

  it('every failure kind and Smile ID error code, and a fallback for every error class', () => {
    expect(keysOf(en.jobError.kinds)).toEqual(keysOf(FAILURE_KINDS));
    expect(keysOf(en.jobError.smileId)).toEqual(keysOf(SMILE_ID_ERROR_CODES));
    const classes = new Set(Object.values(SMILE_ID_ERROR_CODES).map((info) => info.class));
    expect(keysOf(en.jobError.byClass)).toEqual([...classes].sort());
  });

  it("every problem of the kiosk's own, on a job and on the paused queue", () => {
    expect(keysOf(en.jobError.internal)).toEqual([...INTERNAL_JOB_PROBLEMS].sort());
    expect(keysOf(en.jobError.imagesExpired)).toEqual([...IMAGES_EXPIRED_PROBLEMS].sort());
    expect(keysOf(en.circuit)).toEqual([...CIRCUIT_PROBLEMS].sort());
  });

  it('every KioskError code', () => {
    expect(keysOf(en.kioskError)).toEqual([...KIOSK_ERROR_CODES].sort());
  });

  it('every audit action, in all four languages (the code’s dots are the table’s nesting)', () => {
    for (const [language, table] of Object.entries({ en, ...OTHERS })) {
      const words = leaves(table.operator.audit.actions);
      expect([...words.keys()].sort(), language).toEqual([...AUDIT_ACTIONS].sort());
      for (const [action, text] of words) expect(text, `${language}: ${action}`).toMatch(/\p{L}{2}/u);
    }
  });
});
