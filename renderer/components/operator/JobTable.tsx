// The operator panel's list: each enrollment with its user ID and reference, state, when it was taken (date and
// time in the operator's language), attempts, what happened in plain sentences, and only the actions that apply.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { shortReference } from '../../../app/enrollment-reference';
import type { OperatorRole } from '../../../app/operator-session';
import type { JobSummary } from '../../../app/queue';
import { actionsFor, type JobAction } from './job-actions';
import { jobDetails } from './job-details';

const ACTION_STYLE: Readonly<Record<JobAction, string>> = {
  retry: 'secondary',
  approveReEnrollment: 'primary',
  discard: 'danger',
};

export function JobTable(props: {
  jobs: readonly JobSummary[];
  /** The session's role: which actions it is offered. */
  role: OperatorRole | null;
  onAction: (job: JobSummary, action: JobAction) => void;
}) {
  const { t, i18n } = useTranslation();
  const taken = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
    [i18n.language],
  );
  return (
    <table className="jobs" data-testid="operator-jobs">
      <thead>
        <tr>
          <th scope="col">{t('operator.columns.user')}</th>
          <th scope="col">{t('operator.columns.state')}</th>
          <th scope="col">{t('operator.columns.captured')}</th>
          <th scope="col">{t('operator.columns.attempts')}</th>
          <th scope="col">{t('operator.columns.details')}</th>
          <th scope="col" />
        </tr>
      </thead>
      <tbody>
        {props.jobs.map((job) => (
          <tr key={job.jobId} data-state={job.state} data-job-id={job.jobId}>
            <td>
              <div className="user-id">{job.userId}</div>
              <div className="reference">
                {t('operator.reference', { reference: shortReference(job.jobId) })}
              </div>
            </td>
            <td>{t(`operator.states.${job.state}`)}</td>
            <td>
              <time dateTime={new Date(job.createdAt).toISOString()}>{taken.format(job.createdAt)}</time>
              {/* Who was on shift (jobs from before named operators have none). */}
              {job.operatorId && (
                <div className="reference" data-testid="job-operator">
                  {t('shift.enrolledBy', { operator: job.operatorId })}
                </div>
              )}
            </td>
            <td>{job.attempts}</td>
            <td className="details">
              {jobDetails(t, job).map((detail, index) => (
                <p key={index}>
                  {detail.reason}
                  {detail.action && <strong className="next-step"> {detail.action}</strong>}
                </p>
              ))}
            </td>
            <td>
              <div className="row-actions">
                {actionsFor(job, props.role).map((action) => (
                  <button
                    key={action}
                    type="button"
                    className={ACTION_STYLE[action]}
                    data-testid={`job-${action}`}
                    onClick={() => props.onAction(job, action)}
                  >
                    {t(`operator.${action}`)}
                  </button>
                ))}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
