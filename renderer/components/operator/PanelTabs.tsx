// The row of the operator panel's parts (panel-tabs.ts says which a session gets), as a tab list.
import { useTranslation } from 'react-i18next';
import type { PanelTab } from './panel-tabs';

export function PanelTabs(props: {
  tabs: readonly PanelTab[];
  shown: PanelTab;
  onShow: (tab: PanelTab) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="panel-tabs" role="tablist" aria-label={t('operator.title')}>
      {props.tabs.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={`operator-tab-${tab}`}
          aria-selected={props.shown === tab}
          className={props.shown === tab ? 'chip selected' : 'chip'}
          data-testid={`operator-tab-${tab}`}
          onClick={() => props.onShow(tab)}
        >
          {t(`operator.tabs.${tab}`)}
        </button>
      ))}
    </div>
  );
}
