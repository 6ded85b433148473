// Browser Back must not leave the kiosk. A mouse's back button, Alt+Left or a swipe would otherwise go to the
// page before the kiosk (a blank tab, the dev host's address) and leave a customer's screen half done. The
// kiosk has one address — its screens are state, not URLs — so it keeps one history entry of its own on top of
// its page: Back lands on the page's own entry below it (a popstate in the same document, nothing reloads) and
// the guard puts its entry back at once. Installed once, after the dev host's token has left the address
// (bridge/install-kiosk.ts), so no history entry ever holds the token.
//
// Chromium skips, on a back button press, entries a page added without a user gesture — until the person has
// touched the page. A kiosk is used by touch from its first screen, and the Electron shell also refuses
// navigation away from the app, so this guard is for the browser's Back in both hosts.

const GUARD_KEY = 'kioskHistoryGuard';

function isGuardEntry(state: unknown): boolean {
  return typeof state === 'object' && state !== null && GUARD_KEY in state;
}

/** Keeps Back inside the kiosk; returns the function that removes the guard (tests). */
export function installHistoryGuard(win: Window = window): () => void {
  const arm = () => {
    if (!isGuardEntry(win.history.state)) {
      win.history.pushState({ ...(win.history.state as object | null), [GUARD_KEY]: true }, '');
    }
  };
  arm();
  win.addEventListener('popstate', arm);
  return () => win.removeEventListener('popstate', arm);
}
