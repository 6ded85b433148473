// Asks before an action on a job that cannot be taken back — throwing an enrollment away for good, or enrolling a
// customer Smile ID already has once more — in the kiosk's own dialog: the browser's confirm box would speak the
// system's language, not the operator's, and its buttons are small. The words of each question are data.
import { useTranslation } from 'react-i18next';
import { useCountAsOpenDialog } from '../../store/open-dialogs';
import type { JobAction } from './job-actions';

export type ConfirmedAction = Exclude<JobAction, 'retry'>;

const CONFIRMATIONS: Readonly<
  Record<ConfirmedAction, { question: string; confirm: string; cancel: string; style: string }>
> = {
  discard: {
    question: 'operator.confirmDiscard',
    confirm: 'operator.discard',
    cancel: 'operator.keep',
    style: 'danger',
  },
  approveReEnrollment: {
    question: 'operator.reEnroll.confirm',
    confirm: 'operator.reEnroll.approve',
    cancel: 'operator.reEnroll.cancel',
    style: 'primary',
  },
};

export function needsConfirmation(action: JobAction): action is ConfirmedAction {
  return Object.hasOwn(CONFIRMATIONS, action);
}

export function ConfirmJobAction(props: {
  action: ConfirmedAction;
  userId: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  useCountAsOpenDialog();
  const words = CONFIRMATIONS[props.action];
  const titleId = `${props.action}-title`;
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={`${props.action}-dialog`}
      >
        <p id={titleId}>{t(words.question, { userId: props.userId })}</p>
        <div className="actions">
          <button type="button" className="secondary" autoFocus onClick={props.onCancel}>
            {t(words.cancel)}
          </button>
          <button
            type="button"
            className={words.style}
            data-testid={`${props.action}-confirm`}
            onClick={props.onConfirm}
          >
            {t(words.confirm)}
          </button>
        </div>
      </div>
    </div>
  );
}
