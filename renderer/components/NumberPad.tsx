// The on-screen number pad of the PIN dialog, for touch kiosks without a keyboard: 0–9, erase and OK, each key
// at least 56 px (styles.css .number-pad). It holds nothing: every press goes straight to the dialog, the only
// place the typed PIN lives. A press does not take the focus from the PIN field, so a physical keyboard keeps
// working alongside it.
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

const DIGIT_ROWS = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
] as const;

/** Keeps the focus where it is (in the PIN field) when a key is pressed, with a mouse or a finger. */
const keepFocus = (event: MouseEvent) => event.preventDefault();

export function NumberPad(props: {
  onDigit: (digit: string) => void;
  onErase: () => void;
  /** OK submits the dialog's form (a submit button); disabled until the PIN is long enough. */
  okDisabled: boolean;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const digit = (value: string) => (
    <button
      key={value}
      type="button"
      className="pad-key"
      data-testid={`pin-key-${value}`}
      disabled={props.disabled}
      onMouseDown={keepFocus}
      onClick={() => props.onDigit(value)}
    >
      {value}
    </button>
  );
  return (
    <div className="number-pad" role="group" aria-label={t('pin.pad')} data-testid="pin-pad">
      {DIGIT_ROWS.map((row) => row.map(digit))}
      <button
        type="button"
        className="pad-key secondary"
        data-testid="pin-erase"
        aria-label={t('pin.erase')}
        title={t('pin.erase')}
        disabled={props.disabled}
        onMouseDown={keepFocus}
        onClick={props.onErase}
      >
        ⌫
      </button>
      {digit('0')}
      <button
        type="submit"
        className="pad-key pad-ok"
        data-testid="pin-submit"
        disabled={props.disabled || props.okDisabled}
        onMouseDown={keepFocus}
      >
        {t('pin.ok')}
      </button>
    </div>
  );
}
