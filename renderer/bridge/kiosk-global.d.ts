// window.kiosk: the host's bridge (envelopes), set by the Electron preload (contextBridge) or, in a plain
// browser, by installKiosk(). Screens use the API kiosk-api.ts builds over it, never this directly.
import type { KioskBridge } from '../../app/ipc/channels';

declare global {
  interface Window {
    kiosk?: KioskBridge;
  }
}

export {};
