// The start of a shift (docs/operators.md): the operator types their operator ID and PIN (on the number pad or
// a keyboard) and main answers a shift session, which enrollment needs. A temporary PIN set by a supervisor is
// exchanged here for the operator's own before the shift begins. Shown on the home screen while nobody is
// signed in; the PIN lives only in this component's state until it is sent.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NumberPad } from '../components/NumberPad';
import { describeKioskError } from '../i18n/describe';
import { asKioskError } from '../store/kiosk-store';
import { endShift, setShiftPin, startShift } from '../store/shift';

const MAX_PIN_DIGITS = 12;
const MIN_PIN_DIGITS = 4;
const NEW_PIN = /^\d{6,12}$/;

type Step = 'sign_in' | 'new_pin' | 'confirm_pin';

export function SignInScreen() {
  const { t, i18n } = useTranslation();
  const [step, setStep] = useState<Step>('sign_in');
  const [operatorId, setOperatorId] = useState('');
  const [pin, setPin] = useState('');
  const [newPin, setNewPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const digitsOnly = (text: string) => text.replace(/\D/g, '').slice(0, MAX_PIN_DIGITS);

  const failed = (failure: unknown) => {
    const kioskError = asKioskError(failure);
    if (kioskError.params?.reason === 'operator_disabled') return setError(t('shift.disabled'));
    const { reason, action } = describeKioskError(t, kioskError);
    setError(action ? `${reason} ${action}` : reason);
  };

  const signIn = async () => {
    const outcome = await startShift(operatorId, pin);
    if (outcome.kind === 'ok') {
      setError(null);
      if (outcome.pinChangeRequired) setStep('new_pin');
      return;
    }
    if (outcome.kind === 'wrong') return setError(t('pin.triesLeft', { count: outcome.triesLeft }));
    const time = new Date(outcome.until).toLocaleTimeString(i18n.language, {
      hour: '2-digit',
      minute: '2-digit',
    });
    setError(t('pin.locked', { time }));
  };

  const choosePin = async () => {
    if (step === 'new_pin') {
      if (!NEW_PIN.test(pin)) return setError(t('shift.newPinRule'));
      setNewPin(pin);
      setError(null);
      return setStep('confirm_pin');
    }
    if (pin !== newPin) {
      setStep('new_pin');
      return setError(t('shift.pinsDiffer'));
    }
    await setShiftPin(pin);
    setStep('sign_in');
    setError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || pin.length < MIN_PIN_DIGITS || operatorId.trim() === '') return;
    setBusy(true);
    try {
      await (step === 'sign_in' ? signIn() : choosePin());
    } catch (failure) {
      failed(failure);
    } finally {
      setPin('');
      setBusy(false);
    }
  };

  const cancelPinChange = () => {
    // The temporary PIN's session may only choose a PIN: ending it leaves nobody signed in.
    endShift();
    setStep('sign_in');
    setError(null);
  };

  const title =
    step === 'sign_in' ? t('shift.title') : t(step === 'new_pin' ? 'shift.newPin' : 'shift.confirmPin');
  return (
    <form className="sign-in" data-testid="sign-in" data-step={step} onSubmit={submit}>
      <h2>{title}</h2>
      {step === 'sign_in' ? (
        <>
          <label htmlFor="sign-in-operator">{t('shift.operatorId')}</label>
          <input
            id="sign-in-operator"
            data-testid="sign-in-operator"
            className="operator-id-input"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={32}
            value={operatorId}
            onChange={(event) => setOperatorId(event.target.value)}
          />
        </>
      ) : (
        <p data-testid="sign-in-pin-change">{t('shift.temporaryPin')}</p>
      )}
      <label htmlFor="sign-in-pin">{step === 'sign_in' ? t('pin.label') : title}</label>
      <input
        id="sign-in-pin"
        data-testid="sign-in-pin"
        className="pin-input"
        type="password"
        inputMode="none"
        autoComplete="off"
        maxLength={MAX_PIN_DIGITS}
        value={pin}
        onChange={(event) => setPin(digitsOnly(event.target.value))}
      />
      {error && (
        <p className="error" role="alert" data-testid="sign-in-error">
          {error}
        </p>
      )}
      <NumberPad
        disabled={busy}
        okDisabled={pin.length < MIN_PIN_DIGITS || operatorId.trim() === ''}
        onDigit={(digit) => setPin((current) => digitsOnly(current + digit))}
        onErase={() => setPin((current) => current.slice(0, -1))}
      />
      {step !== 'sign_in' && (
        <div className="actions">
          <button type="button" className="secondary" data-testid="sign-in-cancel" onClick={cancelPinChange}>
            {t('common.cancel')}
          </button>
        </div>
      )}
    </form>
  );
}
