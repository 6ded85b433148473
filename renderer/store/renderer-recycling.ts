// Renderer recycling, wired to the page: while the home screen is shown, a HomeRecycleWatch decides (with
// recycle-policy.ts and the two recycle settings) when to reload the page to home, and `location.reload()`
// does it. A reload works in both hosts: Electron serves the same app://kiosk/index.html again and its
// preload gives the new page window.kiosk; in a browser on the dev host the access token was moved from the
// address to sessionStorage at start (bridge/install-kiosk.ts), which a reload of the same tab keeps.
import { useEffect } from 'react';
import { enrollmentsSinceLoad } from './enrollments-since-load';
import { HomeRecycleWatch, type RecycleHost } from './home-recycle-watch';
import { ACTIVITY_EVENTS } from './idle-reset';
import { kiosk, useKiosk, type CustomerFlow } from './kiosk-store';
import { isAnyDialogOpen } from './open-dialogs';

/** How long main may take to answer the health check before a reload; slower means it is not there. */
const HOST_ANSWER_TIMEOUT_MS = 5_000;

export function useRendererRecycling(): void {
  const atHome = useKiosk((state) => state.screen === 'home');
  useEffect(() => {
    if (!atHome) return;
    const watch = new HomeRecycleWatch(pageRecycleHost());
    const onActivity = () => watch.activity();
    for (const name of ACTIVITY_EVENTS) {
      window.addEventListener(name, onActivity, { passive: true, capture: true });
    }
    return () => {
      watch.stop();
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [atHome]);
}

function pageRecycleHost(): RecycleHost {
  return {
    now: () => performance.now(),
    setTimer: (callback, ms) => window.setTimeout(callback, ms),
    clearTimer: (timer) => window.clearTimeout(timer),
    screenState: () => {
      const state = useKiosk.getState();
      return {
        screen: state.screen,
        customerFlowInProgress: holdsCustomerData(state.flow),
        dialogOpen: isAnyDialogOpen() || state.exitRequested,
      };
    },
    settings: () => useKiosk.getState().settings,
    enrollmentsSinceLoad,
    usedJsHeapBytes,
    hostAnswers,
    reload: () => window.location.reload(),
  };
}

function holdsCustomerData(flow: CustomerFlow): boolean {
  return (
    flow.userId !== null ||
    flow.consentAt !== null ||
    flow.selfie !== null ||
    flow.liveness.length > 0 ||
    flow.jobId !== null
  );
}

/**
 * Chromium's (and so Electron's) non-standard performance.memory; other hosts have none. Without Chromium's
 * --enable-precise-memory-info it is rounded and refreshed only now and then, which is enough for a limit
 * meant to catch a page that keeps growing over hours.
 */
function usedJsHeapBytes(): number | null {
  const memory = (performance as Performance & { memory?: { usedJSHeapSize?: unknown } }).memory;
  const used = memory?.usedJSHeapSize;
  return typeof used === 'number' && Number.isFinite(used) ? used : null;
}

async function hostAnswers(): Promise<boolean> {
  let timer: number | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = window.setTimeout(() => resolve(false), HOST_ANSWER_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      kiosk()
        .getHealth({})
        .then(() => true),
      timeout,
    ]);
  } catch {
    return false;
  } finally {
    window.clearTimeout(timer);
  }
}
