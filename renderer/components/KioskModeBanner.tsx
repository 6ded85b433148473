// The banner on every screen that says where this kiosk's enrollments go, so nobody takes practice for real or
// real for practice: training (nothing leaves the kiosk), test (Smile ID's sandbox) or live. Each has its own
// colour; a live kiosk is marked too, not only a training one.
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../app/settings';
import { useKiosk } from '../store/kiosk-store';

type KioskMode = 'training' | 'test' | 'live';

/** A custom URL is a bank's proxy in front of Smile ID (or, in development, the simulator): treated as live. */
const MODE_OF_ENVIRONMENT: Readonly<Record<Settings['environment'], KioskMode>> = {
  training: 'training',
  sandbox: 'test',
  production: 'live',
  custom: 'live',
};

export function KioskModeBanner() {
  const { t } = useTranslation();
  const environment = useKiosk((state) => state.settings?.environment);
  if (!environment) return null;
  const mode = MODE_OF_ENVIRONMENT[environment];
  return (
    <div
      className={`kiosk-mode-banner mode-${mode}`}
      role="note"
      data-testid={`${mode}-banner`}
      data-mode={mode}
    >
      {t(`kioskMode.${mode}`)}
    </div>
  );
}
