import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskLocation } from '../../app/kiosk-location';
import { LANGUAGES, type Language } from '../../app/settings';
import { PinDialog } from '../components/PinDialog';
import { setLanguage } from '../i18n';
import { go, useKiosk } from '../store/kiosk-store';
import { checkShift, endShift } from '../store/shift';
import { SignInScreen } from './SignInScreen';

/**
 * The place name and the coordinates every enrollment carries (numbers and a unit, the same in every language),
 * e.g. "Mombasa, Moi Avenue · -4.0435, 39.6682 ±50 m".
 */
function placeLine(location: KioskLocation, language: string): string {
  const degrees = new Intl.NumberFormat(language, { maximumFractionDigits: 4 });
  const metres = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const where = `${degrees.format(location.latitude)}, ${degrees.format(location.longitude)} ±${metres.format(location.accuracyMeters)} m`;
  return location.placeName === '' ? where : `${location.placeName} · ${where}`;
}

/** Which kiosk this is, where it stands and where it sends: what staff and support check first. */
function KioskWhere() {
  const { t, i18n } = useTranslation();
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
        <dt>{t('where.place')}</dt>
        <dd data-testid="where-place">
          {settings.location ? placeLine(settings.location, i18n.language) : t('where.notSet')}
        </dd>
      </div>
      <div>
        <dt>{t('where.sendsTo')}</dt>
        <dd data-testid="where-environment">{t(`where.environments.${settings.environment}`)}</dd>
      </div>
    </dl>
  );
}

/** Who is on shift, and the way to end it. */
function SignedInAs(props: { displayName: string }) {
  const { t } = useTranslation();
  return (
    <div className="signed-in" data-testid="signed-in">
      <span data-testid="signed-in-name">{t('shift.signedInAs', { name: props.displayName })}</span>
      <button className="secondary" data-testid="sign-out" onClick={endShift}>
        {t('shift.signOut')}
      </button>
    </div>
  );
}

export function HomeScreen() {
  const { t, i18n } = useTranslation();
  const [unlockFor, setUnlockFor] = useState<'operator' | 'setup' | null>(null);
  const shift = useKiosk((state) => state.shift);
  // Main decides when a shift ends (idle sign-out, longest shift): ask it each time home shows.
  useEffect(() => void checkShift(), []);
  // A shift with a temporary PIN may only choose a new one: it is not a shift that enrolls yet.
  const onShift = shift !== null && shift.scope === 'full';
  return (
    <main className="screen home">
      <h1>{t('app.title')}</h1>
      <KioskWhere />
      {onShift ? (
        <>
          <SignedInAs displayName={shift.displayName} />
          <button
            className="primary huge"
            data-testid="new-enrollment"
            autoFocus
            onClick={() => go('userId')}
          >
            {t('home.newEnrollment')}
          </button>
        </>
      ) : (
        // Hidden under the PIN dialog, whose number pad would otherwise be the second one on the screen.
        unlockFor === null && <SignInScreen />
      )}
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
