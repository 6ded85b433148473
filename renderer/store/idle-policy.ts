// When the idle timer runs, as a pure decision (idle-reset.ts wires it to the page). It runs on every screen
// but the one the kiosk rests on, and on that one too while an operator session is open: an unattended
// operator screen — the settings included — must close itself. Only first-run setup, before any PIN exists,
// has nothing to lock and is left alone.
//
// The one exception is a RUNNING capture. There the customer works with the camera, not the touch screen, so
// "no touch for 90 s" says nothing about whether they are stuck — and a touch, which restarts the idle timer,
// says nothing about progress either: a customer the detector cannot see could tap the screen and keep the
// capture (and the camera) going for ever. So while a capture runs its own time limit governs instead
// (settings.captureTimeoutSeconds, enforced by the capture session and NOT extended by touches); when it
// passes, the capture screen ends on "Please call the operator" with Try again and Cancel, and from there the
// idle reset applies again. Before the capture starts (the Start button) and after it ends, the capture
// screen is an ordinary screen with a way forward and a way back, under the idle reset.
import type { Screen } from './kiosk-store';

export function idleResetApplies(
  screen: Screen,
  restingScreen: Screen | null,
  sessionOpen: boolean,
  captureRunning = false,
): boolean {
  if (screen === 'loading') return false;
  if (screen === 'capture' && captureRunning) return false;
  if (sessionOpen) return true;
  return screen !== restingScreen;
}
