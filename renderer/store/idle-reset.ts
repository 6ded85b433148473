// Idle reset: after the configured time without touch, click or key, the kiosk returns to the home screen,
// turns the camera off (the capture screen unmounts), forgets the customer and ends any operator session (the
// settings screen included, once a PIN exists: idle-policy.ts). A running capture is governed by its own
// time limit instead (idle-policy.ts says why): the capture screen says so with `useCaptureRunning`.
import { useEffect } from 'react';
import { create } from 'zustand';
import { idleResetApplies } from './idle-policy';
import { resetFlow, restingScreen, useKiosk } from './kiosk-store';

/** What counts as someone using the kiosk (also for the renderer recycler's quiet time at home). */
export const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/** Whether a capture is running right now (only the capture screen sets it). */
const useCaptureState = create<{ running: boolean }>(() => ({ running: false }));

/**
 * Called by the capture screen: while `running` is true its capture time limit, not the idle reset, decides
 * when the capture ends. Cleared when the screen unmounts.
 */
export function useCaptureRunning(running: boolean): void {
  useEffect(() => {
    useCaptureState.setState({ running });
    return () => useCaptureState.setState({ running: false });
  }, [running]);
}

export function useIdleReset(): void {
  const seconds = useKiosk((state) => state.settings?.idleTimeoutSeconds ?? 90);
  const screen = useKiosk((state) => state.screen);
  const resting = useKiosk((state) => (state.settings ? restingScreen(state.settings) : null));
  const sessionOpen = useKiosk((state) => state.session !== null);
  const captureRunning = useCaptureState((state) => state.running);
  const idleMatters = idleResetApplies(screen, resting, sessionOpen, captureRunning);
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
