// Where enrollments go: the Smile ID environment and what it needs (partner ID, API key, a custom URL), the
// bank's callback address and how long to wait for a result. The API key is write-only: the screen shows only
// whether one is set, and a new one travels with the save that needs it.
import { useTranslation } from 'react-i18next';
import { ENVIRONMENTS, MAX_JOB_STATUS_POLLING_SECONDS } from '../../../app/settings';
import type { SectionProps } from './section-props';
import { controlProps, SettingField, SettingsSection } from './SettingField';

export function DestinationSection(
  props: SectionProps & {
    readonly apiKey: string;
    readonly onApiKey: (apiKey: string) => void;
    readonly apiKeySet: boolean;
  },
) {
  const { t } = useTranslation();
  const { draft, change, issues } = props;
  const sends = draft.environment !== 'training';
  return (
    <SettingsSection id="destination" title={t('setup.sections.destination')}>
      <SettingField
        field="environment"
        label={t('setup.environment')}
        hint={t(`setup.environmentHints.${draft.environment}`)}
        issue={issues.environment}
      >
        <select
          {...controlProps('environment', issues.environment, true)}
          value={draft.environment}
          onChange={(event) => change({ environment: event.target.value as (typeof ENVIRONMENTS)[number] })}
        >
          {ENVIRONMENTS.map((environment) => (
            <option key={environment} value={environment}>
              {t(`setup.environments.${environment}`)}
            </option>
          ))}
        </select>
      </SettingField>
      {draft.environment === 'custom' && (
        <SettingField field="customApiUrl" label={t('setup.customApiUrl')} issue={issues.customApiUrl}>
          <input
            {...controlProps('customApiUrl', issues.customApiUrl)}
            type="url"
            autoComplete="off"
            value={draft.customApiUrl}
            onChange={(event) => change({ customApiUrl: event.target.value })}
          />
        </SettingField>
      )}
      {sends && (
        <>
          <SettingField field="partnerId" label={t('setup.partnerId')} issue={issues.partnerId}>
            <input
              {...controlProps('partnerId', issues.partnerId)}
              inputMode="numeric"
              autoComplete="off"
              value={draft.partnerId}
              onChange={(event) => change({ partnerId: event.target.value })}
            />
          </SettingField>
          <SettingField
            field="apiKey"
            label={t('setup.apiKey')}
            hint={props.apiKeySet ? t('setup.apiKeySet') : t('setup.apiKeyNotSet')}
            issue={issues.apiKey}
          >
            <input
              {...controlProps('apiKey', issues.apiKey, true)}
              type="password"
              autoComplete="off"
              value={props.apiKey}
              onChange={(event) => props.onApiKey(event.target.value)}
            />
          </SettingField>
        </>
      )}
      <SettingField
        field="callbackUrl"
        label={t('setup.callbackUrl')}
        hint={t('setup.callbackUrlHint')}
        issue={issues.callbackUrl}
      >
        <input
          {...controlProps('callbackUrl', issues.callbackUrl, true)}
          type="url"
          autoComplete="off"
          value={draft.callbackUrl}
          onChange={(event) => change({ callbackUrl: event.target.value })}
        />
      </SettingField>
      <SettingField
        field="jobStatusPollingTimeoutSeconds"
        label={t('setup.jobStatusPollingTimeoutSeconds')}
        hint={t('setup.jobStatusPollingHint')}
        issue={issues.jobStatusPollingTimeoutSeconds}
      >
        <input
          {...controlProps('jobStatusPollingTimeoutSeconds', issues.jobStatusPollingTimeoutSeconds, true)}
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_JOB_STATUS_POLLING_SECONDS}
          step={1}
          value={draft.jobStatusPollingTimeoutSeconds}
          onChange={(event) => change({ jobStatusPollingTimeoutSeconds: event.target.value })}
        />
      </SettingField>
    </SettingsSection>
  );
}
