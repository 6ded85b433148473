import { useTranslation } from 'react-i18next';
import { go, resetFlow, useKiosk } from '../store/kiosk-store';

/** Says what went wrong with the camera and what to do; never a blank preview. */
export function CameraProblemScreen() {
  const { t } = useTranslation();
  const problem = useKiosk((state) => state.flow.cameraProblem) ?? 'unknown';
  return (
    <main className="screen">
      <h1>{t('camera.title')}</h1>
      <p className="problem" role="alert" data-testid="camera-problem" data-problem={problem}>
        {t(`camera.${problem}`)}
      </p>
      <div className="actions">
        <button className="secondary" onClick={resetFlow}>
          {t('common.home')}
        </button>
        <button className="primary" data-testid="camera-retry" onClick={() => go('capture')}>
          {t('common.tryAgain')}
        </button>
      </div>
    </main>
  );
}
