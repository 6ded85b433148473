// Today's enrollments at a glance: how many were approved, rejected, are under review, waiting or need the
// operator, and how many reached Smile ID.
import { useTranslation } from 'react-i18next';
import type { JobSummary } from '../../../app/queue';
import { todayTotals } from '../../store/day-totals';

const SHOWN = ['approved', 'rejected', 'provisional', 'waiting', 'needs_attention', 'sent'] as const;

export function TodayTotals(props: { jobs: readonly JobSummary[]; now: number }) {
  const { t } = useTranslation();
  const totals = todayTotals(props.jobs, props.now);
  return (
    <section className="totals" aria-labelledby="totals-title" data-testid="operator-totals">
      <h2 id="totals-title">{t('operator.today')}</h2>
      <dl>
        {SHOWN.map((name) => (
          <div
            key={name}
            className={totals[name] > 0 ? `total total-${name} some` : `total total-${name}`}
            data-total={name}
            data-count={totals[name]}
          >
            <dd>{totals[name]}</dd>
            <dt>{t(`operator.totals.${name}`)}</dt>
          </div>
        ))}
      </dl>
    </section>
  );
}
