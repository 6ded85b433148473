// One setting on the settings screen: its label, its control, an optional hint, and — right beside it — what is
// wrong with it, in the operator's language. The control is wired to the hint and the problem for screen readers.
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormIssue } from './settings-draft';

/** The DOM id of a field's control: `setup-` + the setting's dotted name, dots as dashes. */
export function fieldId(field: string): string {
  return `setup-${field.replace(/\./g, '-')}`;
}

/** What a control needs to show its field's state (spread it onto the input or select). */
export function controlProps(field: string, issue: FormIssue | undefined, hasHint = false) {
  const id = fieldId(field);
  const describedBy = [hasHint ? `${id}-hint` : null, issue ? `${id}-problem` : null].filter(Boolean);
  return {
    id,
    'data-testid': id,
    'aria-invalid': issue ? true : undefined,
    'aria-describedby': describedBy.length > 0 ? describedBy.join(' ') : undefined,
  } as const;
}

export function SettingField(props: {
  field: string;
  label: string;
  hint?: string | undefined;
  issue: FormIssue | undefined;
  children: ReactElement;
}) {
  const { t } = useTranslation();
  const id = fieldId(props.field);
  return (
    <div className={props.issue ? 'setting-field has-problem' : 'setting-field'}>
      <label htmlFor={id}>{props.label}</label>
      {props.children}
      {props.hint && (
        <p className="hint" id={`${id}-hint`} data-testid={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.issue && (
        <p
          className="field-problem"
          id={`${id}-problem`}
          data-testid={`${id}-problem`}
          data-problem={props.issue.problem}
        >
          {t(`setup.problems.${props.issue.problem}`, { replace: { limit: props.issue.limit ?? '' } })}
        </p>
      )}
    </div>
  );
}

/** A yes/no setting: the whole row is the touch target (≥ 56 px), not only the small box. */
export function SettingToggle(props: {
  field: string;
  label: string;
  hint?: string | undefined;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = fieldId(props.field);
  return (
    <div className="setting-field">
      <label className="setting-toggle" htmlFor={id}>
        <input
          {...controlProps(props.field, undefined, props.hint !== undefined)}
          type="checkbox"
          checked={props.checked}
          onChange={(event) => props.onChange(event.target.checked)}
        />
        <span>{props.label}</span>
      </label>
      {props.hint && (
        <p className="hint" id={`${id}-hint`} data-testid={`${id}-hint`}>
          {props.hint}
        </p>
      )}
    </div>
  );
}

/** A titled group of settings. */
export function SettingsSection(props: { id: string; title: string; children: ReactNode }) {
  return (
    <fieldset className="settings-section" data-testid={`setup-section-${props.id}`}>
      <legend>{props.title}</legend>
      {props.children}
    </fieldset>
  );
}
