// The operator's view of the queue (behind the PIN): today's totals, search by user ID and filter by state, and
// each job with when it was taken, what happened in plain sentences and only the actions that apply to it. The
// list holds every user ID on the kiosk, so it is fetched with the operator session's grant when the panel opens
// (job events keep it fresh) and dropped with the session.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobSummary } from '../../app/queue';
import { QueueStatusLine } from '../components/QueueStatusLine';
import { DiscardDialog } from '../components/operator/DiscardDialog';
import { JobFilters } from '../components/operator/JobFilters';
import { JobTable } from '../components/operator/JobTable';
import { TodayTotals } from '../components/operator/TodayTotals';
import type { JobAction } from '../components/operator/job-actions';
import { filterJobs, type JobFilter } from '../components/operator/job-groups';
import { describeCircuit, describeKioskError, type Explanation } from '../i18n/describe';
import { asKioskError, kiosk, resetFlow, sessionToken, useKiosk } from '../store/kiosk-store';
import { isSessionGone, signOut } from '../store/operator-session';
import type { KioskErrorPayload } from '../../app/errors';

export function OperatorPanel() {
  const { t } = useTranslation();
  const jobs = useKiosk((state) => state.jobs);
  const health = useKiosk((state) => state.health);
  const [problem, setProblem] = useState<KioskErrorPayload | null>(null);
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<JobFilter>('all');
  const [discarding, setDiscarding] = useState<JobSummary | null>(null);
  const sorted = Object.values(jobs).sort((a, b) => b.createdAt - a.createdAt);
  const shown = filterJobs(sorted, filter, search);

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setProblem(null);
    } catch (error) {
      const refused = asKioskError(error);
      if (isSessionGone(refused.code)) resetFlow();
      else setProblem(refused);
    }
  };
  useEffect(() => {
    void act(async () => {
      const { jobs: listed } = await kiosk().getQueue({ grant: sessionToken() });
      useKiosk.setState((state) => ({
        jobs: { ...Object.fromEntries(listed.map((job) => [job.jobId, job])), ...state.jobs },
      }));
    });
    // Once per opening of the panel; job events keep the list fresh afterwards.
  }, []);

  const onAction = (job: JobSummary, action: JobAction) => {
    if (action === 'discard') setDiscarding(job);
    else void act(() => kiosk().retryJob({ jobId: job.jobId, grant: sessionToken() }));
  };
  const discard = (job: JobSummary) => {
    setDiscarding(null);
    void act(() => kiosk().discardJob({ jobId: job.jobId, grant: sessionToken() }));
  };
  const paused = health ? describeCircuit(t, health.circuit) : null;

  return (
    <main className="screen operator">
      <header className="row">
        <h1>{t('operator.title')}</h1>
        <button
          className="primary"
          data-testid="send-now"
          onClick={() => void act(() => kiosk().sendNow({ grant: sessionToken() }))}
        >
          {t('operator.sendNow')}
        </button>
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
      <TodayTotals jobs={sorted} now={Date.now()} />
      {sorted.length === 0 ? (
        <p>{t('operator.empty')}</p>
      ) : (
        <>
          <JobFilters search={search} filter={filter} onSearch={setSearch} onFilter={setFilter} />
          {shown.length === 0 ? (
            <p data-testid="operator-no-match">{t('operator.noMatch')}</p>
          ) : (
            <JobTable jobs={shown} onAction={onAction} />
          )}
        </>
      )}
      {discarding && (
        <DiscardDialog
          userId={discarding.userId}
          onDiscard={() => discard(discarding)}
          onKeep={() => setDiscarding(null)}
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
