// What happened to this enrollment, live: saved (offline), sending (with its step), then Smile ID's answer.
import { useTranslation } from 'react-i18next';
import type { JobSummary, HealthStatus } from '../../app/queue';
import { go, resetFlow, updateFlow, useKiosk } from '../store/kiosk-store';

export type ResultDisplay =
  'saved' | 'sending' | 'approved' | 'rejected' | 'provisional' | 'attention' | 'error';

export function resultDisplay(job: JobSummary | undefined, health: HealthStatus | null): ResultDisplay {
  if (!job) return 'sending';
  switch (job.state) {
    case 'approved':
    case 'rejected':
    case 'provisional':
      return job.state;
    case 'needs_attention':
      return 'attention';
    case 'queued': {
      const offline =
        health?.online === false || health?.circuit.open === true || job.lastError?.kind === 'network';
      return offline ? 'saved' : 'sending';
    }
    default:
      return 'sending';
  }
}

export function ResultScreen() {
  const { t } = useTranslation();
  const flow = useKiosk((state) => state.flow);
  const job = useKiosk((state) => (flow.jobId ? state.jobs[flow.jobId] : undefined));
  const health = useKiosk((state) => state.health);

  if (flow.submitError) {
    return (
      <main className="screen result">
        <h1 data-testid="result-status" data-state="error" className="status status-error">
          {t('result.failed')}
        </h1>
        <p role="alert">{flow.submitError.message}</p>
        {flow.submitError.action && <p>{flow.submitError.action}</p>}
        <button className="primary" onClick={resetFlow}>
          {t('common.home')}
        </button>
      </main>
    );
  }

  const display = resultDisplay(job, health);
  const recapture = () => {
    updateFlow({ jobId: null, submitError: null });
    go('capture');
  };
  return (
    <main className="screen result">
      <h1
        data-testid="result-status"
        data-state={display}
        className={`status status-${display}`}
        role="status"
        aria-live="polite"
      >
        {display === 'saved' && t('result.saved')}
        {display === 'sending' && t('result.sending')}
        {display === 'approved' && t('result.approved')}
        {display === 'rejected' && t('result.rejected')}
        {display === 'provisional' && t('result.provisional')}
        {display === 'attention' && t('result.attention')}
      </h1>
      {display === 'saved' && <p>{t('result.savedDetail')}</p>}
      {display === 'sending' && job && job.state !== 'needs_attention' && job.state in STEP_ORDER && (
        <ol className="steps" aria-label={t('result.sending')}>
          {Object.keys(STEP_ORDER).map((step) => (
            <li
              key={step}
              className={STEP_ORDER[step as Step] <= STEP_ORDER[job.state as Step] ? 'done' : undefined}
            >
              {t(`result.steps.${step as Step}`)}
            </li>
          ))}
        </ol>
      )}
      {display === 'rejected' && job?.result && (
        <div className="reason" data-testid="result-reason" data-next-step={job.result.nextStep}>
          <p>{job.result.reason}</p>
          {job.result.nextStep !== 'none' && (
            <p className="next-step">{t(`result.nextStep.${job.result.nextStep}`)}</p>
          )}
        </div>
      )}
      {display === 'provisional' && <p>{t('result.provisionalDetail')}</p>}
      {display === 'attention' && job?.lastError && (
        <div className="reason" data-testid="result-reason">
          <p>{job.lastError.reason}</p>
          <p className="next-step">{job.lastError.action}</p>
        </div>
      )}
      <div className="actions">
        {display === 'rejected' && job?.result?.nextStep === 'recapture' && (
          <button className="secondary" data-testid="result-recapture" onClick={recapture}>
            {t('result.recapture')}
          </button>
        )}
        <button className="primary" data-testid="result-done" onClick={resetFlow}>
          {t('common.done')}
        </button>
      </div>
    </main>
  );
}

const STEP_ORDER = { queued: 0, preparing: 1, uploading: 2, awaiting_result: 3 } as const;
type Step = keyof typeof STEP_ORDER;
