import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../app/settings';
import { PinDialog } from '../components/PinDialog';
import { setLanguage } from '../i18n';
import { go, useKiosk } from '../store/kiosk-store';

/** Which kiosk this is, where it stands and where it sends: what staff and support check first. */
function KioskWhere() {
  const { t } = useTranslation();
  const settings = useKiosk((state) => state.settings);
  if (!settings) return null;
  const orNotSet = (value: string) => (value.trim() === '' ? t('where.notSet') : value);
  return (
    <dl className="kiosk-where" data-testid="kiosk-where" data-environment={settings.environment}>
      <div>
        <dt>{t('where.kiosk')}</dt>
        <dd data-testid="where-kiosk-id">{orNotSet(settings.kioskId)}</dd>
      </div>
      <div>
        <dt>{t('where.branch')}</dt>
        <dd data-testid="where-branch">{orNotSet(settings.branch)}</dd>
      </div>
      <div>
        <dt>{t('where.sendsTo')}</dt>
        <dd data-testid="where-environment">{t(`where.environments.${settings.environment}`)}</dd>
      </div>
    </dl>
  );
}

export function HomeScreen() {
  const { t, i18n } = useTranslation();
  const [unlockFor, setUnlockFor] = useState<'operator' | 'setup' | null>(null);
  return (
    <main className="screen home">
      <h1>{t('app.title')}</h1>
      <KioskWhere />
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
