// Asks for the operator PIN and checks it with main (which counts failures and locks after five).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { asKioskError, kiosk } from '../store/kiosk-store';

export function PinDialog(props: { onUnlock: (pin: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const { valid } = await kiosk().verifyPin({ pin });
      if (valid) props.onUnlock(pin);
      else setError(t('pin.wrong'));
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
