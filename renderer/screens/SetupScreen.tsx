// First-run setup, and the settings screen behind the PIN afterwards. The API key field is write-only: the
// renderer never receives the key, only whether one is set. Once a PIN exists, the form is shown only under an
// operator session (and closes with it: idle reset, leaving the screen, or the session's maximum age); every
// change presents the session's grant, never the PIN. Setting the first PIN makes the supervisor recovery
// code, shown once.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OPERATOR_PIN_PATTERN } from '../../app/ipc/channels';
import { ENVIRONMENTS, LANGUAGES, type Language, type SettingsPatch } from '../../app/settings';
import { PinDialog } from '../components/PinDialog';
import { RecoveryCodeNotice } from '../components/RecoveryCodeNotice';
import { setLanguage } from '../i18n';
import {
  asKioskError,
  go,
  kiosk,
  resetFlow,
  sessionToken,
  setSettings,
  useKiosk,
} from '../store/kiosk-store';
import { changePin, isSessionGone } from '../store/operator-session';

/** The grant to present, when there is a session (first-run setup has none, and needs none). */
function grantIfAny(): { grant?: string } {
  const session = useKiosk.getState().session;
  return session ? { grant: session.token } : {};
}

export function SetupScreen() {
  const { t } = useTranslation();
  const settings = useKiosk((state) => state.settings);
  const sessionOpen = useKiosk((state) => state.session !== null);
  const [form, setForm] = useState(() => ({
    environment: settings?.environment ?? 'training',
    customApiUrl: settings?.customApiUrl ?? '',
    partnerId: settings?.partnerId ?? '',
    callbackUrl: settings?.callbackUrl ?? '',
    kioskId: settings?.kioskId ?? '',
    branch: settings?.branch ?? '',
    language: settings?.language ?? 'en',
  }));
  const [apiKey, setApiKey] = useState('');
  const [newPin, setNewPin] = useState('');
  const [confirmPin, setConfirmPin] = useState('');
  // `leave`: after a save that set a PIN, the screen closes once the code is noted (if the kiosk can send).
  const [recoveryCode, setRecoveryCode] = useState<{ code: string; leave: boolean } | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  if (!settings) return null;
  const firstRun = settings.pinState === 'unset';

  if (!firstRun && !sessionOpen) {
    // A kiosk with a PIN (resting here because it cannot send yet) shows its settings to a signed-in operator only.
    return (
      <main className="screen setup">
        <h1>{t('setup.title')}</h1>
        <p className="hint">{t('setup.signInFirst')}</p>
        <PinDialog
          target="setup"
          onCancel={resetFlow}
          onForgot={() => go('recover')}
          onUnlock={(pinChangeRequired) => {
            if (pinChangeRequired) go('changePin');
          }}
        />
      </main>
    );
  }

  const failed = (error: unknown) => {
    const problem = asKioskError(error);
    if (isSessionGone(problem.code)) resetFlow();
    else setMessage({ kind: 'error', text: problem.message });
  };

  const closeNotice = (leave: boolean) => {
    setRecoveryCode(null);
    if (leave && useKiosk.getState().settings?.configured) resetFlow();
  };

  const field = (name: keyof typeof form) => ({
    id: `setup-${name}`,
    'data-testid': `setup-${name}`,
    value: form[name],
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value }),
  });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (newPin !== confirmPin) {
      setMessage({ kind: 'error', text: t('setup.pinMismatch') });
      return;
    }
    const patch: SettingsPatch = {
      environment: form.environment,
      customApiUrl: form.environment === 'custom' && form.customApiUrl ? form.customApiUrl : null,
      partnerId: form.partnerId.trim(),
      callbackUrl: form.callbackUrl.trim() || null,
      kioskId: form.kioskId.trim(),
      branch: form.branch.trim(),
      language: form.language as Language,
    };
    try {
      await kiosk().updateSettings({ patch, ...grantIfAny() });
      // The first PIN opens the session the API key is then set under; a new one replaces the session.
      const code = newPin ? await changePin(newPin) : null;
      // Shown even if a later step fails: main has already made it and will not show it again.
      if (code) setRecoveryCode({ code, leave: true });
      setNewPin('');
      setConfirmPin('');
      if (apiKey) await kiosk().setApiKey({ apiKey, grant: sessionToken() });
      setApiKey('');
      const updated = await kiosk().getSettings({});
      setSettings(updated);
      await setLanguage(updated.language);
      setMessage({ kind: 'ok', text: t('setup.saved') });
      if (!code && updated.configured) resetFlow();
    } catch (error) {
      failed(error);
    }
  };

  const newRecoveryCode = async () => {
    try {
      const { recoveryCode: code } = await kiosk().issueRecoveryCode({ grant: sessionToken() });
      setSettings(await kiosk().getSettings({}));
      setRecoveryCode({ code, leave: false });
    } catch (error) {
      failed(error);
    }
  };

  return (
    <main className="screen setup">
      <h1>{t('setup.title')}</h1>
      {firstRun && <p className="hint">{t('setup.firstRun')}</p>}
      <form className="form-grid" onSubmit={save}>
        <label htmlFor="setup-environment">{t('setup.environment')}</label>
        <select {...field('environment')}>
          {ENVIRONMENTS.map((environment) => (
            <option key={environment} value={environment}>
              {t(`setup.environments.${environment}`)}
            </option>
          ))}
        </select>
        {form.environment === 'custom' && (
          <>
            <label htmlFor="setup-customApiUrl">{t('setup.customApiUrl')}</label>
            <input {...field('customApiUrl')} type="url" />
          </>
        )}
        <label htmlFor="setup-partnerId">{t('setup.partnerId')}</label>
        <input {...field('partnerId')} inputMode="numeric" autoComplete="off" />
        <label htmlFor="setup-apiKey">{t('setup.apiKey')}</label>
        <div>
          <input
            id="setup-apiKey"
            data-testid="setup-apiKey"
            type="password"
            autoComplete="off"
            value={apiKey}
            onChange={(event) => setApiKey(event.target.value)}
          />
          <p className="hint" data-testid="api-key-status">
            {settings.apiKeySet ? t('setup.apiKeySet') : t('setup.apiKeyNotSet')}
          </p>
        </div>
        <label htmlFor="setup-callbackUrl">{t('setup.callbackUrl')}</label>
        <input {...field('callbackUrl')} type="url" />
        <label htmlFor="setup-kioskId">{t('setup.kioskId')}</label>
        <input {...field('kioskId')} />
        <label htmlFor="setup-branch">{t('setup.branch')}</label>
        <input {...field('branch')} />
        <label htmlFor="setup-language">{t('setup.language')}</label>
        <select {...field('language')}>
          {LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {t(`languages.${language}`)}
            </option>
          ))}
        </select>
        <label htmlFor="setup-newPin">{t('setup.newPin')}</label>
        <input
          id="setup-newPin"
          data-testid="setup-newPin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          required={firstRun}
          pattern={OPERATOR_PIN_PATTERN.source.replace(/^\^|\$$/g, '')}
          value={newPin}
          onChange={(event) => setNewPin(event.target.value.replace(/\D/g, ''))}
        />
        <label htmlFor="setup-confirmPin">{t('setup.confirmPin')}</label>
        <input
          id="setup-confirmPin"
          data-testid="setup-confirmPin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          required={firstRun || newPin !== ''}
          value={confirmPin}
          onChange={(event) => setConfirmPin(event.target.value.replace(/\D/g, ''))}
        />
        {!firstRun && (
          <>
            <span />
            <div>
              <p className="hint" data-testid="recovery-code-status">
                {settings.recoveryCodeSet ? t('setup.recoveryCodeSet') : t('setup.recoveryCodeNotSet')}
              </p>
              <button
                type="button"
                className="secondary small"
                data-testid="new-recovery-code"
                onClick={() => void newRecoveryCode()}
              >
                {t('setup.newRecoveryCode')}
              </button>
            </div>
          </>
        )}
        {message && (
          <p className={message.kind === 'error' ? 'error' : 'ok'} role="alert">
            {message.text}
          </p>
        )}
        <div className="actions">
          {!firstRun && (
            <button type="button" className="secondary" onClick={resetFlow}>
              {t('common.cancel')}
            </button>
          )}
          <button type="submit" className="primary" data-testid="setup-save">
            {t('common.save')}
          </button>
        </div>
      </form>
      {recoveryCode && (
        <RecoveryCodeNotice code={recoveryCode.code} onDone={() => closeNotice(recoveryCode.leave)} />
      )}
    </main>
  );
}
