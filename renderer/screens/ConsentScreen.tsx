import { useTranslation } from 'react-i18next';
import { EnrollmentIdentity } from '../components/EnrollmentIdentity';
import { go, resetFlow, updateFlow } from '../store/kiosk-store';

export function ConsentScreen() {
  const { t } = useTranslation();
  return (
    <main className="screen">
      <h1>{t('consent.title')}</h1>
      <EnrollmentIdentity />
      <p className="consent-text">{t('consent.body')}</p>
      <div className="actions">
        <button className="secondary" data-testid="consent-decline" onClick={resetFlow}>
          {t('consent.decline')}
        </button>
        <button
          className="primary"
          data-testid="consent-accept"
          autoFocus
          onClick={() => {
            updateFlow({ consentAt: Date.now() });
            go('capture');
          }}
        >
          {t('consent.accept')}
        </button>
      </div>
    </main>
  );
}
