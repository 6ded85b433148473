// The operator PIN: chosen here at first start (required), changed here later (optional: empty keeps it), and
// the supervisor recovery code that can set a new one when the PIN is forgotten.
import { useTranslation } from 'react-i18next';
import { OPERATOR_PIN_PATTERN } from '../../../app/ipc/channels';
import type { FormIssues } from './settings-draft';
import { controlProps, SettingField, SettingsSection } from './SettingField';

const PIN_PATTERN = OPERATOR_PIN_PATTERN.source.replace(/^\^|\$$/g, '');

export function PinSection(props: {
  readonly firstRun: boolean;
  readonly newPin: string;
  readonly confirmPin: string;
  readonly onNewPin: (pin: string) => void;
  readonly onConfirmPin: (pin: string) => void;
  readonly issues: FormIssues;
  readonly recoveryCodeSet: boolean;
  readonly onNewRecoveryCode: () => void;
}) {
  const { t } = useTranslation();
  const digits = (text: string) => text.replace(/\D/g, '').slice(0, 12);
  return (
    <SettingsSection id="pin" title={t('setup.sections.pin')}>
      <SettingField
        field="newPin"
        label={t('setup.newPin')}
        hint={props.firstRun ? t('setup.newPinFirstRun') : t('setup.newPinOptional')}
        issue={props.issues.newPin}
      >
        <input
          {...controlProps('newPin', props.issues.newPin, true)}
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          pattern={PIN_PATTERN}
          value={props.newPin}
          onChange={(event) => props.onNewPin(digits(event.target.value))}
        />
      </SettingField>
      <SettingField field="confirmPin" label={t('setup.confirmPin')} issue={props.issues.confirmPin}>
        <input
          {...controlProps('confirmPin', props.issues.confirmPin)}
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          value={props.confirmPin}
          onChange={(event) => props.onConfirmPin(digits(event.target.value))}
        />
      </SettingField>
      {!props.firstRun && (
        <div className="setting-field">
          <p className="hint" data-testid="recovery-code-status">
            {props.recoveryCodeSet ? t('setup.recoveryCodeSet') : t('setup.recoveryCodeNotSet')}
          </p>
          <button
            type="button"
            className="secondary"
            data-testid="new-recovery-code"
            onClick={props.onNewRecoveryCode}
          >
            {t('setup.newRecoveryCode')}
          </button>
        </div>
      )}
    </SettingsSection>
  );
}
