// End of day: the enrollments taken on a chosen day (today unless the supervisor picks another), per operator and
// per outcome, and the same table as a CSV file. The counting is store/day-totals.ts; this only shows it. The
// kiosk keeps jobs for settings.retentionDays, so older days can show nothing, and the screen says so.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDayOf } from '../../../app/local-day';
import type { JobSummary } from '../../../app/queue';
import { dayTotals, dayTotalsCsv, dayTotalsFileName, type OperatorDayTotals } from '../../store/day-totals';
import { downloadText } from '../../store/downloads';
import { useKiosk } from '../../store/kiosk-store';
import { JOB_GROUPS } from './job-groups';

const DAY_MS = 86_400_000;

export function DayTotalsView(props: { jobs: readonly JobSummary[]; now: number }) {
  const { t } = useTranslation();
  const settings = useKiosk((state) => state.settings);
  const today = localDayOf(props.now);
  const [day, setDay] = useState(today);
  const totals = dayTotals(props.jobs, day);
  const retentionDays = settings?.retentionDays ?? null;
  const operatorName = (row: OperatorDayTotals) => row.operatorId ?? t('operator.day.notNamed');
  const exportCsv = () =>
    downloadText(dayTotalsFileName(settings?.kioskId ?? '', totals.day), dayTotalsCsv(totals), 'csv');

  return (
    <section className="day-totals" aria-labelledby="day-title" data-testid="day-totals">
      <h2 id="day-title">{t('operator.day.title')}</h2>
      <div className="panel-filters">
        <label htmlFor="day-picker">{t('operator.day.day')}</label>
        <input
          id="day-picker"
          data-testid="day-picker"
          type="date"
          max={today}
          {...(retentionDays !== null ? { min: localDayOf(props.now - retentionDays * DAY_MS) } : {})}
          value={day}
          // A cleared picker means today again: the table always names one day.
          onChange={(event) => setDay(event.target.value || today)}
        />
      </div>
      {retentionDays !== null && <p className="hint">{t('operator.day.kept', { count: retentionDays })}</p>}
      {totals.all.total === 0 ? (
        <p data-testid="day-none">{t('operator.day.none')}</p>
      ) : (
        <table className="jobs day-table" data-testid="day-table" data-day={totals.day}>
          <thead>
            <tr>
              <th scope="col">{t('operator.day.operator')}</th>
              {JOB_GROUPS.map((group) => (
                <th scope="col" key={group}>
                  {t(`operator.filters.${group}`)}
                </th>
              ))}
              <th scope="col">{t('operator.day.total')}</th>
            </tr>
          </thead>
          <tbody>
            {totals.operators.map((row) => (
              <TotalsRow key={row.operatorId ?? ''} name={operatorName(row)} row={row} />
            ))}
          </tbody>
          <tfoot>
            <TotalsRow name={t('operator.day.allOperators')} row={totals.all} all />
          </tfoot>
        </table>
      )}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          data-testid="day-export-csv"
          disabled={totals.all.total === 0}
          onClick={exportCsv}
        >
          {t('operator.day.exportCsv')}
        </button>
      </div>
    </section>
  );
}

function TotalsRow(props: { name: string; row: OperatorDayTotals; all?: boolean }) {
  return (
    <tr data-operator={props.all ? 'all' : (props.row.operatorId ?? '')} data-total={props.row.total}>
      <th scope="row">{props.name}</th>
      {JOB_GROUPS.map((group) => (
        <td key={group} data-group={group}>
          {props.row.counts[group]}
        </td>
      ))}
      <td data-group="total">{props.row.total}</td>
    </tr>
  );
}
