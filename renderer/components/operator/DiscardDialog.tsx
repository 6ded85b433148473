// Asks before an enrollment is thrown away for good, in the kiosk's own dialog (the browser's confirm box would
// speak the system's language, not the operator's, and its buttons are small).
import { useTranslation } from 'react-i18next';
import { useCountAsOpenDialog } from '../../store/open-dialogs';

export function DiscardDialog(props: { userId: string; onDiscard: () => void; onKeep: () => void }) {
  const { t } = useTranslation();
  useCountAsOpenDialog();
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="alertdialog" aria-labelledby="discard-title" data-testid="discard-dialog">
        <p id="discard-title">{t('operator.confirmDiscard', { userId: props.userId })}</p>
        <div className="actions">
          <button type="button" className="secondary" autoFocus onClick={props.onKeep}>
            {t('operator.keep')}
          </button>
          <button type="button" className="danger" data-testid="discard-confirm" onClick={props.onDiscard}>
            {t('operator.discard')}
          </button>
        </div>
      </div>
    </div>
  );
}
