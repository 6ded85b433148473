// window.kiosk: set by the Electron preload (contextBridge) or, in a plain browser, by installKiosk().
import type { KioskApi } from '../../app/ipc/channels';

declare global {
  interface Window {
    kiosk?: KioskApi;
  }
}

export {};
