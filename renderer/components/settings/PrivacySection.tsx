// How long the kiosk keeps what it holds about customers: the small record of a finished enrollment (for the
// operator panel), and the photos of one without a final answer (deleted after this age whatever happens).
import { useTranslation } from 'react-i18next';
import type { SectionProps } from './section-props';
import { controlProps, SettingField, SettingsSection } from './SettingField';

const KEEPING: readonly {
  readonly name: 'retentionDays' | 'maxImageAgeDays';
  readonly max: number;
}[] = [
  { name: 'retentionDays', max: 3650 },
  { name: 'maxImageAgeDays', max: 365 },
];

export function PrivacySection({ draft, change, issues }: SectionProps) {
  const { t } = useTranslation();
  return (
    <SettingsSection id="privacy" title={t('setup.sections.privacy')}>
      {KEEPING.map(({ name, max }) => (
        <SettingField
          key={name}
          field={name}
          label={t(`setup.${name}`)}
          hint={t(`setup.${name}Hint`)}
          issue={issues[name]}
        >
          <input
            {...controlProps(name, issues[name], true)}
            type="number"
            inputMode="numeric"
            min={1}
            max={max}
            step={1}
            value={draft[name]}
            onChange={(event) => change({ [name]: event.target.value })}
          />
        </SettingField>
      ))}
    </SettingsSection>
  );
}
