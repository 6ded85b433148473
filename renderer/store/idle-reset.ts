// Idle reset: after the configured time without touch, click or key, the kiosk returns to the home screen,
// turns the camera off (the capture screen unmounts) and forgets the customer.
import { useEffect } from 'react';
import { resetFlow, useKiosk } from './kiosk-store';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

export function useIdleReset(): void {
  const seconds = useKiosk((state) => state.settings?.idleTimeoutSeconds ?? 90);
  const screen = useKiosk((state) => state.screen);
  const idleMatters = screen !== 'home' && screen !== 'loading' && screen !== 'setup';
  useEffect(() => {
    if (!idleMatters) return;
    let timer = window.setTimeout(resetFlow, seconds * 1000);
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(resetFlow, seconds * 1000);
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, restart, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, restart);
    };
  }, [seconds, idleMatters, screen]);
}
