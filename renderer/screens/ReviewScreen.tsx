import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countSubmittedEnrollment } from '../store/enrollments-since-load';
import { asKioskError, go, kiosk, updateFlow, useKiosk } from '../store/kiosk-store';

export function ReviewScreen() {
  const { t } = useTranslation();
  const flow = useKiosk((state) => state.flow);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!flow.userId || !flow.selfie || flow.consentAt === null) return;
    setBusy(true);
    try {
      const answer = await kiosk().submitEnrollment({
        userId: flow.userId,
        consent: { given: true, at: flow.consentAt },
        selfie: flow.selfie,
        liveness: [...flow.liveness],
      });
      // The photos are now sealed on disk by main; the UI drops its copies.
      if (flow.selfieUrl) URL.revokeObjectURL(flow.selfieUrl);
      updateFlow({ jobId: answer.jobId, selfie: null, liveness: [], selfieUrl: null, submitError: null });
    } catch (error) {
      updateFlow({ submitError: asKioskError(error) });
    }
    countSubmittedEnrollment();
    go('result');
  };

  const retake = () => {
    if (flow.selfieUrl) URL.revokeObjectURL(flow.selfieUrl);
    updateFlow({ selfie: null, liveness: [], selfieUrl: null });
    go('capture');
  };

  return (
    <main className="screen review">
      <h1>{t('review.title')}</h1>
      {flow.selfieUrl && (
        <img className="selfie" src={flow.selfieUrl} alt={t('review.title')} data-testid="review-selfie" />
      )}
      <div className="actions">
        <button className="secondary" data-testid="review-retake" onClick={retake} disabled={busy}>
          {t('review.retake')}
        </button>
        <button
          className="primary"
          data-testid="review-submit"
          onClick={() => void submit()}
          disabled={busy}
          autoFocus
        >
          {t('review.submit')}
        </button>
      </div>
    </main>
  );
}
