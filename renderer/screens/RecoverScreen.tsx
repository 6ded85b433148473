// The way out of a locked kiosk (and of a forgotten PIN): says what happened and how to recover — with the
// supervisor recovery code here, or by re-provisioning the kiosk with a file that sets a new PIN — so a locked
// kiosk is never a dead end. A right code opens a session that may only set a new PIN (ChangePinScreen).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeKioskError } from '../i18n/describe';
import { asKioskError, go, resetFlow, useKiosk } from '../store/kiosk-store';
import { recoverWithCode } from '../store/operator-session';

export function RecoverScreen() {
  const { t, i18n } = useTranslation();
  const settings = useKiosk((state) => state.settings);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const locked = settings?.pinState === 'locked';
  const reason = settings?.pinLockReason ?? null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const outcome = await recoverWithCode(code);
      setCode('');
      if (outcome.kind === 'ok') go('changePin');
      else if (outcome.kind === 'wrong') setError(t('recovery.wrong'));
      else {
        const time = new Date(outcome.until).toLocaleTimeString(i18n.language, {
          hour: '2-digit',
          minute: '2-digit',
        });
        setError(t('recovery.locked', { time }));
      }
    } catch (failure) {
      const { reason, action } = describeKioskError(t, asKioskError(failure));
      setError(action ? `${reason} ${action}` : reason);
    }
  };

  return (
    <main className="screen setup" data-testid="recover" data-locked={locked}>
      <h1>{locked ? t('recovery.lockedTitle') : t('recovery.forgotTitle')}</h1>
      {locked && (
        <>
          {reason && (
            <p className="warning" role="alert" data-testid="lock-reason" data-reason={reason}>
              {t(`recovery.reasons.${reason}`)}
            </p>
          )}
          <p>{t('recovery.lockedBody')}</p>
        </>
      )}
      <p>{t('recovery.howCode')}</p>
      <form className="form-grid" onSubmit={submit}>
        <label htmlFor="recovery-code-input">{t('recovery.codeLabel')}</label>
        <input
          id="recovery-code-input"
          data-testid="recovery-code-input"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={64}
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          {!locked && (
            <button type="button" className="secondary" onClick={resetFlow}>
              {t('common.cancel')}
            </button>
          )}
          <button
            type="submit"
            className="primary"
            data-testid="recovery-submit"
            disabled={code.trim() === ''}
          >
            {t('recovery.submit')}
          </button>
        </div>
      </form>
      <p className="hint" data-testid="recovery-provision-hint">
        {t('recovery.howProvision')}
      </p>
    </main>
  );
}
