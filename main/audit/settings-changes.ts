// What a settings change records: each changed field's name with its old and new value. Settings hold no secret
// (the API key lives in the vault, the PIN only as a hash outside the settings object), but web addresses may
// carry credentials or tokens in their user part or query, so those are recorded as origin and path only.
import { isDeepStrictEqual } from 'node:util';
import type { Settings } from '../../app/settings';
import type { AuditDetails } from '../../app/audit/entry';

type JsonValue = AuditDetails[string];

/** Settings recorded in a reduced form, and how. Every other field is recorded as it is. */
const REDUCED: Partial<Record<keyof Settings, (value: unknown) => JsonValue>> = {
  customApiUrl: addressOnly,
  callbackUrl: addressOnly,
};

function addressOnly(value: unknown): JsonValue {
  if (typeof value !== 'string') return value === null ? null : '(not a web address)';
  try {
    const url = new URL(value);
    return `${url.origin}${url.pathname}`;
  } catch {
    return '(not a web address)';
  }
}

export interface SettingChange {
  readonly field: string;
  readonly from: JsonValue;
  readonly to: JsonValue;
}

export function settingsChanges(before: Settings, after: Settings): SettingChange[] {
  const changes: SettingChange[] = [];
  for (const field of Object.keys(after).sort() as (keyof Settings)[]) {
    if (isDeepStrictEqual(before[field], after[field])) continue;
    const shown = REDUCED[field] ?? ((value: unknown) => structuredClone(value) as JsonValue);
    changes.push({ field, from: shown(before[field] ?? null), to: shown(after[field] ?? null) });
  }
  return changes;
}
