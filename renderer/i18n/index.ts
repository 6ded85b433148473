// i18next with the kiosk's four languages, bundled (no network): English, French, Swahili, Portuguese.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../app/settings';
import { en } from './en';
import { fr } from './fr';
import { pt } from './pt';
import { sw } from './sw';

export const TRANSLATIONS = { en, fr, sw, pt } as const satisfies Record<Language, typeof en>;

/** Told of every key (or interpolated value) the shown language lacks; for tests that hunt for gaps. */
export type MissingWordsReport = (language: string, what: string) => void;

/**
 * The kiosk's i18next. On a kiosk a gap in a translation shows the English words rather than a key. Given
 * `reportMissing` (tests), there is no fallback: every gap is reported, so a test can fail on it.
 */
export async function initI18n(language: Language = 'en', reportMissing?: MissingWordsReport): Promise<void> {
  const strict = reportMissing
    ? {
        fallbackLng: false as const,
        saveMissing: true,
        missingKeyHandler: (languages: readonly string[], _namespace: string, key: string) =>
          reportMissing(languages.join(','), key),
        missingInterpolationHandler: (text: string, value: RegExpExecArray) => {
          reportMissing(i18next.language, `{{${value[1] ?? ''}}} in "${text}"`);
          return '';
        },
      }
    : { fallbackLng: 'en' };
  await i18next.use(initReactI18next).init({
    lng: language,
    resources: Object.fromEntries(
      Object.entries(TRANSLATIONS).map(([code, translation]) => [code, { translation }]),
    ),
    interpolation: { escapeValue: false },
    returnNull: false,
    ...strict,
  });
}

export function setLanguage(language: Language): Promise<unknown> {
  document.documentElement.lang = language;
  return i18next.changeLanguage(language);
}
