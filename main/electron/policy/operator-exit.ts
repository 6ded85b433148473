// The key chord that opens the operator's PIN prompt to leave kiosk mode: Ctrl+Alt+Shift+Q. Chosen so no
// customer presses it by accident; the PIN itself is checked by main.
export interface KeyInput {
  readonly type: string;
  readonly key: string;
  readonly control: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
  readonly meta: boolean;
}

export function isOperatorExitChord(input: KeyInput): boolean {
  return (
    input.type === 'keyDown' && input.control && input.alt && input.shift && input.key.toLowerCase() === 'q'
  );
}

/** Keys a kiosk must swallow so the customer cannot leave or reload it. */
export function isBlockedKioskKey(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  if (key === 'f5' || key === 'f11' || key === 'f12') return true;
  if ((input.control || input.meta) && ['r', 'w', 'q', 'n', 't', 'p', 'o', 's'].includes(key)) return true;
  return input.alt && key === 'f4';
}
