// Asks for the operator PIN and checks it with main, which counts failures (tries left, then escalating locks)
// and answers a session grant. The PIN lives only in this dialog's input until it is sent; what the kiosk keeps
// afterwards is the grant (store/operator-session.ts).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { asKioskError } from '../store/kiosk-store';
import { useCountAsOpenDialog } from '../store/open-dialogs';
import { signIn } from '../store/operator-session';

export function PinDialog(props: {
  /** What the session is for: where the operator continues after a required PIN change. */
  target: 'operator' | 'setup';
  onUnlock: (pinChangeRequired: boolean) => void;
  onCancel: () => void;
  /** Offers the recovery code ("Forgot the PIN?") when given. */
  onForgot?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  useCountAsOpenDialog();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const outcome = await signIn(pin, props.target);
      if (outcome.kind === 'ok') props.onUnlock(outcome.changeRequired);
      else if (outcome.kind === 'wrong') setError(t('pin.triesLeft', { count: outcome.triesLeft }));
      else {
        const time = new Date(outcome.until).toLocaleTimeString(i18n.language, {
          hour: '2-digit',
          minute: '2-digit',
        });
        setError(t('pin.locked', { time }));
      }
    } catch (failure) {
      setError(asKioskError(failure).message);
    }
    setPin('');
  };
  return (
    <div className="dialog-backdrop">
      <form className="dialog" onSubmit={submit} aria-labelledby="pin-title">
        <h2 id="pin-title">{t('pin.title')}</h2>
        <label htmlFor="pin-input">{t('pin.label')}</label>
        <input
          id="pin-input"
          data-testid="pin-input"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          autoFocus
          value={pin}
          onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
        />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          {props.onForgot && (
            <button type="button" className="link" data-testid="pin-forgot" onClick={props.onForgot}>
              {t('pin.forgot')}
            </button>
          )}
          <button type="button" className="secondary" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" data-testid="pin-submit" disabled={pin.length < 4}>
            {t('pin.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
