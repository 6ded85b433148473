import { useTranslation } from 'react-i18next';
import { useKiosk } from '../store/kiosk-store';

/** Shown on every screen while the kiosk is in training mode, so nobody mistakes practice for real. */
export function TrainingBanner() {
  const { t } = useTranslation();
  const training = useKiosk((state) => state.settings?.environment === 'training');
  if (!training) return null;
  return (
    <div className="training-banner" role="note" data-testid="training-banner">
      {t('app.training')}
    </div>
  );
}
