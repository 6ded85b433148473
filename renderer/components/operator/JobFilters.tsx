// Search by user ID and show one group of states: how the operator finds one customer's enrollment.
import { useTranslation } from 'react-i18next';
import { JOB_GROUPS, type JobFilter } from './job-groups';

const FILTERS: readonly JobFilter[] = ['all', ...JOB_GROUPS];

export function JobFilters(props: {
  search: string;
  filter: JobFilter;
  onSearch: (search: string) => void;
  onFilter: (filter: JobFilter) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="job-filters">
      <label htmlFor="operator-search">{t('operator.search')}</label>
      <input
        id="operator-search"
        data-testid="operator-search"
        type="search"
        autoComplete="off"
        spellCheck={false}
        value={props.search}
        onChange={(event) => props.onSearch(event.target.value)}
      />
      <div className="chips" role="group" aria-label={t('operator.filter')}>
        {FILTERS.map((filter) => (
          <button
            key={filter}
            type="button"
            className={props.filter === filter ? 'chip selected' : 'chip'}
            aria-pressed={props.filter === filter}
            data-testid={`operator-filter-${filter}`}
            onClick={() => props.onFilter(filter)}
          >
            {t(`operator.filters.${filter}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
