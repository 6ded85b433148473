// First-run setup, and the settings screen behind the PIN afterwards. The API key field is write-only: the
// renderer never receives the key, only whether one is set.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ENVIRONMENTS, LANGUAGES, type Language, type SettingsPatch } from '../../app/settings';
import { setLanguage } from '../i18n';
import { asKioskError, kiosk, resetFlow, setOperatorPin, setSettings, useKiosk } from '../store/kiosk-store';

export function SetupScreen() {
  const { t } = useTranslation();
  const settings = useKiosk((state) => state.settings);
  const pin = useKiosk((state) => state.operatorPin);
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
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  if (!settings) return null;
  const firstRun = !settings.pinSet;

  const field = (name: keyof typeof form) => ({
    id: `setup-${name}`,
    'data-testid': `setup-${name}`,
    value: form[name],
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value }),
  });

  const save = async (event: FormEvent) => {
    event.preventDefault();
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
      const pinNow = pin ?? undefined;
      let updated = await kiosk().updateSettings({ pin: pinNow, patch, ...(newPin ? { newPin } : {}) });
      const pinAfter = newPin || pinNow;
      if (apiKey) updated = await kiosk().setApiKey({ pin: pinAfter, apiKey });
      setSettings(updated);
      setOperatorPin(pinAfter ?? null);
      setApiKey('');
      setNewPin('');
      await setLanguage(updated.language);
      setMessage({ kind: 'ok', text: t('setup.saved') });
      if (updated.configured) resetFlow();
    } catch (error) {
      setMessage({ kind: 'error', text: asKioskError(error).message });
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
          pattern="\d{4,12}"
          value={newPin}
          onChange={(event) => setNewPin(event.target.value)}
        />
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
    </main>
  );
}
