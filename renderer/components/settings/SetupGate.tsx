// The settings screen before the operator PIN is entered. A kiosk that cannot take enrollments yet rests here,
// so this is never a dead end: it says what is missing, asks for the PIN at once (and again on a button after
// Cancel), offers the recovery code for a forgotten PIN, and goes back to the start when there is one to go to.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendingIssues } from '../../../app/settings-issues';
import type { PublicSettings } from '../../../app/settings';
import { go, resetFlow } from '../../store/kiosk-store';
import { PinDialog } from '../PinDialog';

export function SetupGate({ settings }: { readonly settings: PublicSettings }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(true);
  const missing = sendingIssues(settings, settings.apiKeySet ? 'set' : 'missing');
  return (
    <main className="screen setup setup-gate" data-testid="setup-gate">
      <h1>{t('setup.title')}</h1>
      {settings.configured ? (
        <p className="hint">{t('setup.gate.signInFirst')}</p>
      ) : (
        <>
          <p className="warning" data-testid="setup-not-ready">
            {t('setup.gate.notReady', { environment: t(`setup.environments.${settings.environment}`) })}
          </p>
          <ul className="setup-missing">
            {missing.map((issue) => (
              <li key={issue.field} data-field={issue.field}>
                {t(`setup.gate.missing.${issue.field}`)}
              </li>
            ))}
          </ul>
          <p>{t('setup.gate.askOperator')}</p>
        </>
      )}
      <div className="actions">
        <button type="button" className="primary" data-testid="setup-sign-in" onClick={() => setAsking(true)}>
          {t('setup.gate.signIn')}
        </button>
        <button type="button" className="link" data-testid="setup-forgot" onClick={() => go('recover')}>
          {t('pin.forgot')}
        </button>
        {settings.configured && (
          <button type="button" className="secondary" data-testid="setup-back" onClick={resetFlow}>
            {t('common.back')}
          </button>
        )}
      </div>
      {asking && (
        <PinDialog
          target="setup"
          onCancel={() => setAsking(false)}
          onForgot={() => go('recover')}
          onUnlock={(pinChangeRequired) => {
            setAsking(false);
            if (pinChangeRequired) go('changePin');
          }}
        />
      )}
    </main>
  );
}
