// How the kiosk treats each customer: which user IDs it accepts (app/user-id.ts: a pattern in RE2 syntax and the
// lengths), what happens when a user ID was enrolled here before, and how long it waits — for a touch before
// going back to the start, and for a usable face before calling the operator.
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../app/settings';
import type { SettingsDraft } from './settings-draft';
import type { SectionProps } from './section-props';
import { controlProps, SettingField, SettingsSection } from './SettingField';

const DUPLICATE_GUARDS: readonly Settings['duplicateGuard'][] = ['warn', 'block'];

/** The number settings of this section, with the bounds of app/settings.ts (the browser's own hint only). */
const TIMEOUTS: readonly {
  readonly name: 'idleTimeoutSeconds' | 'captureTimeoutSeconds';
  readonly min: number;
  readonly max: number;
}[] = [
  { name: 'idleTimeoutSeconds', min: 15, max: 3600 },
  { name: 'captureTimeoutSeconds', min: 15, max: 600 },
];

export function CustomersSection({ draft, change, issues }: SectionProps) {
  const { t } = useTranslation();
  const changeRule = (patch: Partial<SettingsDraft['userIdRule']>) =>
    change({ userIdRule: { ...draft.userIdRule, ...patch } });
  return (
    <SettingsSection id="customers" title={t('setup.sections.customers')}>
      <SettingField
        field="userIdRule.pattern"
        label={t('setup.userIdPattern')}
        hint={t('setup.userIdPatternHint')}
        issue={issues['userIdRule.pattern']}
      >
        <input
          {...controlProps('userIdRule.pattern', issues['userIdRule.pattern'], true)}
          autoComplete="off"
          spellCheck={false}
          value={draft.userIdRule.pattern}
          onChange={(event) => changeRule({ pattern: event.target.value })}
        />
      </SettingField>
      <div className="setting-row">
        {(['minLength', 'maxLength'] as const).map((name) => (
          <SettingField
            key={name}
            field={`userIdRule.${name}`}
            label={t(`setup.userId${name === 'minLength' ? 'MinLength' : 'MaxLength'}`)}
            issue={issues[`userIdRule.${name}`]}
          >
            <input
              {...controlProps(`userIdRule.${name}`, issues[`userIdRule.${name}`])}
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              step={1}
              value={draft.userIdRule[name]}
              onChange={(event) => changeRule({ [name]: event.target.value })}
            />
          </SettingField>
        ))}
      </div>
      <SettingField field="duplicateGuard" label={t('setup.duplicateGuard')} issue={issues.duplicateGuard}>
        <select
          {...controlProps('duplicateGuard', issues.duplicateGuard)}
          value={draft.duplicateGuard}
          onChange={(event) => change({ duplicateGuard: event.target.value as Settings['duplicateGuard'] })}
        >
          {DUPLICATE_GUARDS.map((guard) => (
            <option key={guard} value={guard}>
              {t(`setup.duplicateGuards.${guard}`)}
            </option>
          ))}
        </select>
      </SettingField>
      {TIMEOUTS.map(({ name, min, max }) => (
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
            min={min}
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
