// This kiosk: how it is named in reports (kiosk ID, branch), where it stands (sent with every enrollment), its
// language, and how the computer runs it (start at login, a normal window for the operator).
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../app/settings';
import type { SettingsDraft } from './settings-draft';
import type { SectionProps } from './section-props';
import { controlProps, SettingField, SettingsSection, SettingToggle } from './SettingField';

type LocationField = keyof SettingsDraft['location'];
/** The location's number fields with their input bounds (the schema in app/kiosk-location.ts decides). */
const LOCATION_NUMBERS: readonly {
  readonly name: LocationField;
  readonly min: number;
  readonly max: number;
}[] = [
  { name: 'latitude', min: -90, max: 90 },
  { name: 'longitude', min: -180, max: 180 },
  { name: 'accuracyMeters', min: 0, max: 100_000 },
];

export function KioskSection({ draft, change, issues }: SectionProps) {
  const { t } = useTranslation();
  const changeLocation = (name: LocationField, value: string) =>
    change({ location: { ...draft.location, [name]: value } });
  return (
    <SettingsSection id="kiosk" title={t('setup.sections.kiosk')}>
      <SettingField field="kioskId" label={t('setup.kioskId')} issue={issues.kioskId}>
        <input
          {...controlProps('kioskId', issues.kioskId)}
          autoComplete="off"
          value={draft.kioskId}
          onChange={(event) => change({ kioskId: event.target.value })}
        />
      </SettingField>
      <SettingField field="branch" label={t('setup.branch')} issue={issues.branch}>
        <input
          {...controlProps('branch', issues.branch)}
          autoComplete="off"
          value={draft.branch}
          onChange={(event) => change({ branch: event.target.value })}
        />
      </SettingField>
      <p className="hint">{t('setup.locationHint')}</p>
      <div className="setting-row">
        {LOCATION_NUMBERS.map(({ name, min, max }) => (
          <SettingField
            key={name}
            field={`location.${name}`}
            label={t(`setup.location.${name}`)}
            issue={issues[`location.${name}`]}
          >
            <input
              {...controlProps(`location.${name}`, issues[`location.${name}`])}
              type="number"
              inputMode="decimal"
              step="any"
              min={min}
              max={max}
              value={draft.location[name]}
              onChange={(event) => changeLocation(name, event.target.value)}
            />
          </SettingField>
        ))}
      </div>
      <SettingField
        field="location.placeName"
        label={t('setup.location.placeName')}
        issue={issues['location.placeName']}
      >
        <input
          {...controlProps('location.placeName', issues['location.placeName'])}
          autoComplete="off"
          value={draft.location.placeName}
          onChange={(event) => changeLocation('placeName', event.target.value)}
        />
      </SettingField>
      <SettingField field="language" label={t('setup.language')} issue={issues.language}>
        <select
          {...controlProps('language', issues.language)}
          value={draft.language}
          onChange={(event) => change({ language: event.target.value as Language })}
        >
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {t(`languages.${language}`)}
            </option>
          ))}
        </select>
      </SettingField>
      <SettingToggle
        field="autoStartAtLogin"
        label={t('setup.autoStartAtLogin')}
        hint={t('setup.autoStartAtLoginHint')}
        checked={draft.autoStartAtLogin}
        onChange={(autoStartAtLogin) => change({ autoStartAtLogin })}
      />
      <SettingToggle
        field="windowedOperatorMode"
        label={t('setup.windowedOperatorMode')}
        hint={t('setup.windowedOperatorModeHint')}
        checked={draft.windowedOperatorMode}
        onChange={(windowedOperatorMode) => change({ windowedOperatorMode })}
      />
    </SettingsSection>
  );
}
