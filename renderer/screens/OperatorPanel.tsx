// The operator's view of the kiosk (behind the PIN), in parts (components/operator/panel-tabs.ts):
//   - the queue: today's totals, search by user ID and filter by state, and each job with when it was taken, what
//     happened in plain sentences and only the actions that apply to it and that the session's role may take;
//   - end of day: a day's enrollments per operator and outcome, exportable as CSV;
//   - the audit trail and support's diagnostics file, for supervisors.
// The list holds every user ID on the kiosk, so it is fetched with the operator session's grant when the panel
// opens (job events keep it fresh) and dropped with the session. Every call runs through one wrapper: a refusal
// is shown in the operator's words above every part, and a session that is gone sends the kiosk back to rest.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskErrorPayload } from '../../app/errors';
import type { JobSummary } from '../../app/queue';
import { QueueStatusLine } from '../components/QueueStatusLine';
import { AuditTrailView } from '../components/operator/AuditTrailView';
import {
  ConfirmJobAction,
  needsConfirmation,
  type ConfirmedAction,
} from '../components/operator/ConfirmJobAction';
import { DayTotalsView } from '../components/operator/DayTotalsView';
import { JobFilters } from '../components/operator/JobFilters';
import { JobTable } from '../components/operator/JobTable';
import { PanelTabs } from '../components/operator/PanelTabs';
import { tabsFor, type PanelTab } from '../components/operator/panel-tabs';
import { SupportView } from '../components/operator/SupportView';
import { TodayTotals } from '../components/operator/TodayTotals';
import type { JobAction } from '../components/operator/job-actions';
import { filterJobs, type JobFilter } from '../components/operator/job-groups';
import type { PanelCall } from '../components/operator/panel-call';
import { describeCircuit, describeKioskError, type Explanation } from '../i18n/describe';
import { asKioskError, kiosk, resetFlow, sessionToken, useKiosk } from '../store/kiosk-store';
import { isSessionGone, signOut } from '../store/operator-session';
import { OperatorsButton } from './OperatorsScreen';

/** The call of main each job action makes, with the job and the session's grant. */
const JOB_CALLS: Readonly<Record<JobAction, (jobId: string) => Promise<unknown>>> = {
  retry: (jobId) => kiosk().retryJob({ jobId, grant: sessionToken() }),
  approveReEnrollment: (jobId) => kiosk().approveReEnrollment({ jobId, grant: sessionToken() }),
  discard: (jobId) => kiosk().discardJob({ jobId, grant: sessionToken() }),
};

export function OperatorPanel() {
  const { t } = useTranslation();
  const jobs = useKiosk((state) => state.jobs);
  const health = useKiosk((state) => state.health);
  const role = useKiosk((state) => state.session?.role ?? null);
  const [problem, setProblem] = useState<KioskErrorPayload | null>(null);
  const [tab, setTab] = useState<PanelTab>('queue');
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<JobFilter>('all');
  const [confirming, setConfirming] = useState<{ job: JobSummary; action: ConfirmedAction } | null>(null);
  const sorted = Object.values(jobs).sort((a, b) => b.createdAt - a.createdAt);
  const shown = filterJobs(sorted, filter, search);
  const tabs = tabsFor(role);

  const call: PanelCall = async (work) => {
    try {
      const answer = await work();
      setProblem(null);
      return answer;
    } catch (error) {
      const refused = asKioskError(error);
      if (isSessionGone(refused.code)) resetFlow();
      else setProblem(refused);
      return undefined;
    }
  };
  useEffect(() => {
    void call(async () => {
      const { jobs: listed } = await kiosk().getQueue({ grant: sessionToken() });
      useKiosk.setState((state) => ({
        jobs: { ...Object.fromEntries(listed.map((job) => [job.jobId, job])), ...state.jobs },
      }));
    });
    // Once per opening of the panel; job events keep the list fresh afterwards.
  }, []);

  const onAction = (job: JobSummary, action: JobAction) => {
    if (needsConfirmation(action)) setConfirming({ job, action });
    else void call(() => JOB_CALLS[action](job.jobId));
  };
  const confirmed = () => {
    if (!confirming) return;
    setConfirming(null);
    void call(() => JOB_CALLS[confirming.action](confirming.job.jobId));
  };
  const paused = health ? describeCircuit(t, health.circuit) : null;

  return (
    <main className="screen operator">
      <header className="row">
        <h1>{t('operator.title')}</h1>
        <button
          className="primary"
          data-testid="send-now"
          onClick={() => void call(() => kiosk().sendNow({ grant: sessionToken() }))}
        >
          {t('operator.sendNow')}
        </button>
        <OperatorsButton />
        <button className="secondary" data-testid="operator-close" onClick={signOut}>
          {t('operator.exit')}
        </button>
      </header>
      {health?.clockSkewExceeded && health.clockSkewMs !== null && (
        <p className="warning" role="alert">
          {t('operator.clock', { minutes: Math.round(Math.abs(health.clockSkewMs) / 60_000) })}
        </p>
      )}
      {paused && <Notice className="warning" testId="operator-paused" explanation={paused} />}
      {problem && (
        <Notice className="error" testId="operator-problem" explanation={describeKioskError(t, problem)} />
      )}
      <PanelTabs tabs={tabs} shown={tab} onShow={setTab} />
      <div className="panel-part" role="tabpanel" aria-labelledby={`operator-tab-${tab}`}>
        {tab === 'queue' && (
          <>
            <TodayTotals jobs={sorted} now={Date.now()} />
            {sorted.length === 0 ? (
              <p>{t('operator.empty')}</p>
            ) : (
              <>
                <JobFilters search={search} filter={filter} onSearch={setSearch} onFilter={setFilter} />
                {shown.length === 0 ? (
                  <p data-testid="operator-no-match">{t('operator.noMatch')}</p>
                ) : (
                  <JobTable jobs={shown} role={role} onAction={onAction} />
                )}
              </>
            )}
          </>
        )}
        {tab === 'day' && <DayTotalsView jobs={sorted} now={Date.now()} />}
        {tab === 'audit' && <AuditTrailView call={call} />}
        {tab === 'support' && <SupportView call={call} />}
      </div>
      {confirming && (
        <ConfirmJobAction
          action={confirming.action}
          userId={confirming.job.userId}
          onConfirm={confirmed}
          onCancel={() => setConfirming(null)}
        />
      )}
      <QueueStatusLine />
    </main>
  );
}

function Notice(props: { className: string; testId: string; explanation: Explanation }) {
  return (
    <p className={props.className} role="alert" data-testid={props.testId}>
      {props.explanation.reason} {props.explanation.action}
    </p>
  );
}
