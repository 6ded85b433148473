// Shows a new supervisor recovery code, once: main keeps only its hash, and this component's caller drops the
// code as soon as the operator confirms it was written down.
import { useTranslation } from 'react-i18next';
import { useCountAsOpenDialog } from '../store/open-dialogs';

export function RecoveryCodeNotice(props: { code: string; onDone: () => void }) {
  const { t } = useTranslation();
  useCountAsOpenDialog();
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="alertdialog" aria-labelledby="recovery-code-title">
        <h2 id="recovery-code-title">{t('recoveryCode.title')}</h2>
        <p className="big-input" data-testid="recovery-code">
          {props.code}
        </p>
        <p>{t('recoveryCode.body')}</p>
        <div className="actions">
          <button type="button" className="primary" data-testid="recovery-code-done" onClick={props.onDone}>
            {t('recoveryCode.done')}
          </button>
        </div>
      </div>
    </div>
  );
}
