// A new operator PIN before anything else: after signing in with a PIN shorter than the current rule, or with
// the supervisor recovery code. The session may do nothing but this until the new PIN is saved; then the
// operator continues where they were going (a new recovery code, if one was made, is shown once first).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeKioskError } from '../i18n/describe';
import { OPERATOR_PIN_PATTERN } from '../../app/ipc/channels';
import { RecoveryCodeNotice } from '../components/RecoveryCodeNotice';
import { asKioskError, go, refreshSettings, resetFlow, useKiosk } from '../store/kiosk-store';
import { changePin, isSessionGone } from '../store/operator-session';

export function ChangePinScreen() {
  const { t } = useTranslation();
  const { next, reason } = useKiosk((state) => state.pinChange);
  const [newPin, setNewPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (newPin !== confirm) {
      setError(t('setup.pinMismatch'));
      return;
    }
    try {
      const code = await changePin(newPin);
      setNewPin('');
      setConfirm('');
      await refreshSettings();
      if (code) setRecoveryCode(code);
      else go(next);
    } catch (failure) {
      const problem = asKioskError(failure);
      if (isSessionGone(problem.code)) resetFlow();
      else {
        const { reason, action } = describeKioskError(t, problem);
        setError(action ? `${reason} ${action}` : reason);
      }
    }
  };

  return (
    <main className="screen setup" data-testid="change-pin">
      <h1>{t('changePin.title')}</h1>
      <p className="hint">{reason === 'recovery' ? t('changePin.recovered') : t('changePin.required')}</p>
      <form className="form-grid" onSubmit={save}>
        <label htmlFor="change-pin-new">{t('changePin.newPin')}</label>
        <input
          id="change-pin-new"
          data-testid="change-pin-new"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          autoFocus
          required
          pattern={OPERATOR_PIN_PATTERN.source.replace(/^\^|\$$/g, '')}
          value={newPin}
          onChange={(event) => setNewPin(event.target.value.replace(/\D/g, ''))}
        />
        <label htmlFor="change-pin-confirm">{t('changePin.confirm')}</label>
        <input
          id="change-pin-confirm"
          data-testid="change-pin-confirm"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          required
          value={confirm}
          onChange={(event) => setConfirm(event.target.value.replace(/\D/g, ''))}
        />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" className="secondary" onClick={resetFlow}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" data-testid="change-pin-save">
            {t('changePin.submit')}
          </button>
        </div>
      </form>
      {recoveryCode && (
        <RecoveryCodeNotice
          code={recoveryCode}
          onDone={() => {
            setRecoveryCode(null);
            go(next);
          }}
        />
      )}
    </main>
  );
}
