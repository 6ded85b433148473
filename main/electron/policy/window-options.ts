// The kiosk window's options as a pure function of the situation, so every security-relevant flag is tested
// (Electron security checklist: context isolation, sandbox, no Node integration, web security, no DevTools
// when packaged) and the kiosk/windowed choice is a setting, not a code change.
import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowSituation {
  readonly packaged: boolean;
  /** An operator may run the kiosk in a normal window (settings). */
  readonly windowedOperatorMode: boolean;
  readonly preloadPath: string;
}

export function kioskWindowOptions(situation: WindowSituation): BrowserWindowConstructorOptions {
  const locked = !situation.windowedOperatorMode;
  return {
    kiosk: locked,
    fullscreen: locked,
    frame: !locked,
    autoHideMenuBar: true,
    width: 1280,
    height: 800,
    show: false,
    backgroundColor: '#f4f6f8',
    webPreferences: {
      preload: situation.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !situation.packaged,
      safeDialogs: true,
      disableDialogs: false,
    },
  };
}
