// Asks for an operator's ID and PIN and checks them with main, which counts failures (tries left, then escalating locks)
// and answers a session grant. The PIN lives only in this dialog's state until it is sent — typed on a
// keyboard or on the on-screen number pad — and is cleared after every try; what the kiosk keeps afterwards is
// the grant (store/operator-session.ts).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeKioskError } from '../i18n/describe';
import { asKioskError, useKiosk } from '../store/kiosk-store';
import { useCountAsOpenDialog } from '../store/open-dialogs';
import { signIn, type SignInOutcome } from '../store/operator-session';
import { NumberPad } from './NumberPad';

/** The longest PIN main accepts (app/ipc/channels.ts OPERATOR_PIN_PATTERN) and the shortest that signs in. */
const MAX_PIN_DIGITS = 12;
const MIN_PIN_DIGITS = 4;

export function PinDialog(props: {
  /** What the session is for: where the operator continues after a required PIN change. */
  target: 'operator' | 'setup';
  onUnlock: (pinChangeRequired: boolean) => void;
  onCancel: () => void;
  /** Offers the recovery code ("Forgot the PIN?") when given. */
  onForgot?: () => void;
}) {
  const { t, i18n } = useTranslation();
  // The operator on shift is the likeliest to open the panel; a supervisor walking over types their own ID.
  const [operatorId, setOperatorId] = useState(() => useKiosk.getState().shift?.operatorId ?? '');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; kind: 'wrong' | 'locked' | 'failed' } | null>(null);
  useCountAsOpenDialog();

  const digitsOnly = (text: string) => text.replace(/\D/g, '').slice(0, MAX_PIN_DIGITS);

  /** Main's answer to a PIN that did not open a session, in the operator's language. */
  const refusal = (outcome: Exclude<SignInOutcome, { kind: 'ok' }>) => {
    if (outcome.kind === 'wrong')
      return { text: t('pin.triesLeft', { count: outcome.triesLeft }), kind: 'wrong' as const };
    const time = new Date(outcome.until).toLocaleTimeString(i18n.language, {
      hour: '2-digit',
      minute: '2-digit',
    });
    return { text: t('pin.locked', { time }), kind: 'locked' as const };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || pin.length < MIN_PIN_DIGITS || operatorId.trim() === '') return;
    setBusy(true);
    try {
      const outcome = await signIn(operatorId, pin, props.target);
      if (outcome.kind === 'ok') {
        props.onUnlock(outcome.changeRequired);
        return;
      }
      setError(refusal(outcome));
    } catch (failure) {
      const { reason, action } = describeKioskError(t, asKioskError(failure));
      setError({ text: action ? `${reason} ${action}` : reason, kind: 'failed' });
    } finally {
      setPin('');
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop">
      <form
        className="dialog pin-dialog"
        onSubmit={submit}
        role="dialog"
        aria-modal="true"
        aria-labelledby="pin-title"
      >
        <h2 id="pin-title">{t('pin.title')}</h2>
        <label htmlFor="pin-operator-id">{t('shift.operatorId')}</label>
        <input
          id="pin-operator-id"
          data-testid="pin-operator-id"
          className="operator-id-input"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={32}
          autoFocus={operatorId === ''}
          value={operatorId}
          onChange={(event) => setOperatorId(event.target.value)}
        />
        <label htmlFor="pin-input">{t('pin.label')}</label>
        <input
          id="pin-input"
          data-testid="pin-input"
          className="pin-input"
          type="password"
          // The number pad is the on-screen keyboard: no system keyboard pops up over it on a touch screen.
          inputMode="none"
          autoComplete="off"
          maxLength={MAX_PIN_DIGITS}
          autoFocus={operatorId !== ''}
          value={pin}
          onChange={(event) => setPin(digitsOnly(event.target.value))}
        />
        {error && (
          <p className="error" role="alert" data-testid="pin-error" data-kind={error.kind}>
            {error.text}
          </p>
        )}
        <NumberPad
          disabled={busy}
          okDisabled={pin.length < MIN_PIN_DIGITS || operatorId.trim() === ''}
          onDigit={(digit) => setPin((current) => digitsOnly(current + digit))}
          onErase={() => setPin((current) => current.slice(0, -1))}
        />
        <div className="actions">
          {props.onForgot && (
            <button type="button" className="link" data-testid="pin-forgot" onClick={props.onForgot}>
              {t('pin.forgot')}
            </button>
          )}
          <button type="button" className="secondary" data-testid="pin-cancel" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
