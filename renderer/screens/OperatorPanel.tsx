// The operator's view of the queue (behind the PIN): each job's state, age, attempts and last problem, with
// send now, retry and discard. The list holds every user ID on the kiosk, so it is fetched with the operator
// session's grant when the panel opens (job events keep it fresh) and dropped with the session.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobSummary } from '../../app/queue';
import { QueueStatusLine } from '../components/QueueStatusLine';
import { asKioskError, kiosk, resetFlow, sessionToken, useKiosk } from '../store/kiosk-store';
import { isSessionGone, signOut } from '../store/operator-session';

function age(createdAt: number, now: number): string {
  const minutes = Math.floor((now - createdAt) / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} d`;
}

export function OperatorPanel() {
  const { t } = useTranslation();
  const jobs = useKiosk((state) => state.jobs);
  const health = useKiosk((state) => state.health);
  const [message, setMessage] = useState<string | null>(null);
  const sorted = Object.values(jobs).sort((a, b) => b.createdAt - a.createdAt);
  const now = Date.now();

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setMessage(null);
    } catch (error) {
      const problem = asKioskError(error);
      if (isSessionGone(problem.code)) resetFlow();
      else setMessage(problem.message);
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
  const discard = (job: JobSummary) => {
    if (!window.confirm(t('operator.confirmDiscard'))) return;
    void act(() => kiosk().discardJob({ jobId: job.jobId, grant: sessionToken() }));
  };

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
      {health?.circuit.open && (
        <p className="warning" role="alert">
          {health.circuit.reason} {health.circuit.action}
        </p>
      )}
      {message && (
        <p className="error" role="alert">
          {message}
        </p>
      )}
      {sorted.length === 0 ? (
        <p>{t('operator.empty')}</p>
      ) : (
        <table className="jobs" data-testid="operator-jobs">
          <thead>
            <tr>
              <th>{t('operator.columns.user')}</th>
              <th>{t('operator.columns.state')}</th>
              <th>{t('operator.columns.age')}</th>
              <th>{t('operator.columns.attempts')}</th>
              <th>{t('operator.columns.error')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sorted.map((job) => (
              <tr key={job.jobId} data-state={job.state}>
                <td>{job.userId}</td>
                <td>{t(`operator.states.${job.state}`)}</td>
                <td>{age(job.createdAt, now)}</td>
                <td>{job.attempts}</td>
                <td>
                  {job.lastError
                    ? `${job.lastError.reason} ${job.lastError.action}`
                    : (job.result?.reason ?? '')}
                </td>
                <td className="row-actions">
                  {(job.state === 'needs_attention' || job.state === 'queued') && (
                    <button
                      className="secondary small"
                      onClick={() =>
                        void act(() => kiosk().retryJob({ jobId: job.jobId, grant: sessionToken() }))
                      }
                    >
                      {t('operator.retry')}
                    </button>
                  )}
                  <button className="danger small" onClick={() => discard(job)}>
                    {t('operator.discard')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <QueueStatusLine />
    </main>
  );
}
