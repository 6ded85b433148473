// Gives the renderer its kiosk API. window.kiosk is the host's bridge: Electron's preload has already set it; in
// a plain browser (the dev host, e2e tests) it is the HTTP bridge, authorised by the token in the address npm run
// start:web prints. Either way the screens get the same API over it (kiosk-api.ts).
// The token moves from the address bar to sessionStorage at once, so it is not left in history or in a
// screenshot of the URL, and a reload of the same tab still works.
import { KioskError } from '../../app/errors';
import type { KioskApi } from '../../app/ipc/channels';
import { createHttpKiosk } from './http-kiosk';
import { kioskApiFromBridge } from './kiosk-api';

export const TOKEN_STORAGE_KEY = 'kiosk.devhost.token';

export function installKiosk(): KioskApi {
  if (window.kiosk) return kioskApiFromBridge(window.kiosk);
  const fromHash = tokenFromHash(window.location.hash);
  if (fromHash !== null) {
    remember(fromHash);
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }
  const token = fromHash ?? recall();
  if (token === null) {
    throw new KioskError(
      'unauthorized',
      'Open the address printed by npm run start:web (it carries the access token).',
      'Run npm run start:web and open the address it prints.',
    );
  }
  const bridge = createHttpKiosk({ token });
  window.kiosk = bridge;
  return kioskApiFromBridge(bridge);
}

function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token')?.trim();
  return token ? token : null;
}

// sessionStorage can be unavailable (storage disabled); the current page still works without it.
function remember(token: string): void {
  try {
    window.sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
  } catch {
    // Only a reload loses the token.
  }
}

function recall(): string | null {
  try {
    const token = window.sessionStorage.getItem(TOKEN_STORAGE_KEY);
    return token ? token : null;
  } catch {
    return null;
  }
}
