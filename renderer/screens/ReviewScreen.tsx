import { useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EnrollmentIdentity } from '../components/EnrollmentIdentity';
import { newEnrollmentReference, referenceIsSpent } from '../store/enrollment-reference';
import { countSubmittedEnrollment } from '../store/enrollments-since-load';
import { shiftToken } from '../store/shift';
import { asKioskError, go, kiosk, updateFlow, useKiosk } from '../store/kiosk-store';

export function ReviewScreen() {
  const { t } = useTranslation();
  const flow = useKiosk((state) => state.flow);
  const spent = useKiosk((state) => referenceIsSpent(state.flow, state.jobs));
  const [busy, setBusy] = useState(false);

  // Photos taken again after a result are a new enrollment: it gets its own reference before the screen shows.
  // Not while submitting: main announces the new job before it answers, and that job is this reference's own.
  useLayoutEffect(() => {
    if (!busy && (spent || flow.reference === null)) updateFlow({ reference: newEnrollmentReference() });
  }, [busy, spent, flow.reference]);

  const submit = async () => {
    if (!flow.userId || !flow.reference || spent || !flow.selfie || flow.consentAt === null) return;
    setBusy(true);
    try {
      // Sent again (a double tap, a retried request), the same reference answers the same job.
      const answer = await kiosk().submitEnrollment({
        // The signed-in operator's shift: main records them on the job (docs/operators.md).
        grant: shiftToken(),
        reference: flow.reference,
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
      <EnrollmentIdentity />
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
