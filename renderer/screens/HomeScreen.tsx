import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../app/settings';
import { PinDialog } from '../components/PinDialog';
import { setLanguage } from '../i18n';
import { go } from '../store/kiosk-store';

export function HomeScreen() {
  const { t, i18n } = useTranslation();
  const [unlockFor, setUnlockFor] = useState<'operator' | 'setup' | null>(null);
  return (
    <main className="screen home">
      <h1>{t('app.title')}</h1>
      <button className="primary huge" data-testid="new-enrollment" autoFocus onClick={() => go('userId')}>
        {t('home.newEnrollment')}
      </button>
      <nav className="language-switch" aria-label={t('home.language')}>
        {LANGUAGES.map((language: Language) => (
          <button
            key={language}
            className={i18n.language === language ? 'chip selected' : 'chip'}
            aria-pressed={i18n.language === language}
            data-testid={`language-${language}`}
            onClick={() => void setLanguage(language)}
            lang={language}
          >
            {t(`languages.${language}`)}
          </button>
        ))}
      </nav>
      <div className="operator-links">
        <button className="link" data-testid="open-operator" onClick={() => setUnlockFor('operator')}>
          {t('home.operator')}
        </button>
        <button className="link" data-testid="open-settings" onClick={() => setUnlockFor('setup')}>
          {t('home.settings')}
        </button>
      </div>
      {unlockFor && (
        <PinDialog
          target={unlockFor}
          onCancel={() => setUnlockFor(null)}
          onForgot={() => go('recover')}
          onUnlock={(pinChangeRequired) => go(pinChangeRequired ? 'changePin' : unlockFor)}
        />
      )}
    </main>
  );
}
