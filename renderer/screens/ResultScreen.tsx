// What happened to this enrollment, live: saved (offline), sending (with its step), then Smile ID's answer —
// always in the operator's language: result codes, job errors and refused requests are said through
// renderer/i18n/describe.ts, never with main's English.
import { useTranslation } from 'react-i18next';
import type { HealthStatus, JobSummary } from '../../app/queue';
import { EnrollmentIdentity } from '../components/EnrollmentIdentity';
import { describeJobError, describeKioskError, describeResult, type Explanation } from '../i18n/describe';
import { go, resetFlow, updateFlow, useKiosk } from '../store/kiosk-store';

/** What the screen shows for the job; a refused submission (no job) is shown apart. */
export type ResultDisplay =
  'saved' | 'sending' | 'approved' | 'rejected' | 'provisional' | 'submitted' | 'attention';

export function resultDisplay(job: JobSummary | undefined, health: HealthStatus | null): ResultDisplay {
  if (!job) return 'sending';
  switch (job.state) {
    case 'approved':
    case 'rejected':
    case 'provisional':
    case 'submitted':
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

/** The heading of each display. */
const HEADINGS: Readonly<Record<ResultDisplay, string>> = {
  saved: 'result.saved',
  sending: 'result.sending',
  approved: 'result.approved',
  rejected: 'result.rejected',
  provisional: 'result.provisional',
  submitted: 'result.submitted',
  attention: 'result.attention',
};

/** A reason and, when there is one, what to do next. */
function Reason(props: { explanation: Explanation; nextStep?: string; detail?: string | undefined }) {
  const { explanation, nextStep, detail } = props;
  return (
    <div className="reason" data-testid="result-reason" data-next-step={nextStep}>
      <p>{explanation.reason}</p>
      {detail && <p>{detail}</p>}
      {explanation.action && <p className="next-step">{explanation.action}</p>}
    </div>
  );
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
        <EnrollmentIdentity />
        <div role="alert" data-code={flow.submitError.code}>
          <Reason explanation={describeKioskError(t, flow.submitError)} />
        </div>
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
  const result = job?.result;
  // A job still being sent may carry why its last try failed (the kiosk retries by itself); a job that needs
  // an operator always says why.
  const problem = (display === 'sending' || display === 'attention') && job?.lastError ? job.lastError : null;
  return (
    <main className="screen result">
      <h1
        data-testid="result-status"
        data-state={display}
        className={`status status-${display}`}
        role="status"
        aria-live="polite"
      >
        {t(HEADINGS[display])}
      </h1>
      <EnrollmentIdentity />
      {display === 'saved' && <p>{t('result.savedDetail')}</p>}
      {display === 'submitted' && <p>{t('result.submittedDetail')}</p>}
      {display === 'sending' && job && job.state in STEP_ORDER && (
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
      {result && (display === 'approved' || display === 'rejected' || display === 'provisional') && (
        <Reason
          explanation={describeResult(t, result)}
          nextStep={result.nextStep}
          detail={display === 'provisional' ? t('result.provisionalDetail') : undefined}
        />
      )}
      {problem && <Reason explanation={describeJobError(t, problem)} />}
      <div className="actions">
        {display === 'rejected' && result?.nextStep === 'recapture' && (
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
