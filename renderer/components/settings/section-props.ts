// What every section of the settings screen gets: the draft, a way to change it, and the problems by field.
import type { FormIssues, SettingsDraft } from './settings-draft';

export interface SectionProps {
  readonly draft: SettingsDraft;
  readonly change: (patch: Partial<SettingsDraft>) => void;
  readonly issues: FormIssues;
}
