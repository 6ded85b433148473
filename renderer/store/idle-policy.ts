// When the idle timer runs, as a pure decision (idle-reset.ts wires it to the page). It runs on every screen
// but the one the kiosk rests on, and on that one too while an operator session is open: an unattended
// operator screen — the settings included — must close itself. Only first-run setup, before any PIN exists,
// has nothing to lock and is left alone.
import type { Screen } from './kiosk-store';

export function idleResetApplies(
  screen: Screen,
  restingScreen: Screen | null,
  sessionOpen: boolean,
): boolean {
  if (screen === 'loading') return false;
  if (sessionOpen) return true;
  return screen !== restingScreen;
}
