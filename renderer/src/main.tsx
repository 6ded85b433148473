// Renderer entry: get window.kiosk (Electron preload, or the dev host's HTTP bridge), load settings and the
// language, then show the kiosk.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installKiosk } from '../bridge/install-kiosk';
import { initI18n, setLanguage } from '../i18n';
import { installHistoryGuard } from '../store/history-guard';
import { asKioskError, connect, useKiosk } from '../store/kiosk-store';
import { App } from './App';
import './styles.css';

async function boot(): Promise<void> {
  await initI18n('en');
  const root = createRoot(document.getElementById('root') as HTMLElement);
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  try {
    const api = installKiosk();
    // After installKiosk took the dev host's token out of the address: no history entry may keep it.
    installHistoryGuard();
    await connect(api);
    await setLanguage(useKiosk.getState().settings?.language ?? 'en');
  } catch (error) {
    // The screen says the code in the operator's language; main's English (what an engineer needs) goes here.
    console.error(error);
    useKiosk.setState({ fatal: asKioskError(error) });
  }
}

void boot();
