// i18next with the kiosk's four languages, bundled (no network): English, French, Swahili, Portuguese.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../app/settings';
import { en } from './en';
import { fr } from './fr';
import { pt } from './pt';
import { sw } from './sw';

export const TRANSLATIONS = { en, fr, sw, pt } as const satisfies Record<Language, typeof en>;

export async function initI18n(language: Language = 'en'): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: Object.fromEntries(
      Object.entries(TRANSLATIONS).map(([code, translation]) => [code, { translation }]),
    ),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

export function setLanguage(language: Language): Promise<unknown> {
  document.documentElement.lang = language;
  return i18next.changeLanguage(language);
}
