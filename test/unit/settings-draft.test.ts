// The settings screen's checks before it sends (renderer/components/settings/settings-draft.ts): the same rules
// main applies, field by field, so what main would refuse is named beside its field first.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type PublicSettings } from '../../app/settings';
import {
  checkDraft,
  draftFromSettings,
  patchFromDraft,
  screenField,
  type DraftSecrets,
  type SettingsDraft,
} from '../../renderer/components/settings/settings-draft';

const VIEW: PublicSettings = {
  ...DEFAULT_SETTINGS,
  apiKeySet: false,
  pinSet: true,
  pinState: 'set',
  pinLockReason: null,
  recoveryCodeSet: true,
  configured: true,
};
const NO_SECRETS: DraftSecrets = { apiKey: '', newPin: '', confirmPin: '' };

function draft(change: Partial<SettingsDraft> = {}, from: PublicSettings = VIEW): SettingsDraft {
  return { ...draftFromSettings(from), ...change };
}

function problems(
  change: Partial<SettingsDraft>,
  secrets: Partial<DraftSecrets> = {},
  from: PublicSettings = VIEW,
  firstRun = false,
): Record<string, string> {
  const found = checkDraft(draft(change, from), from, { ...NO_SECRETS, ...secrets }, firstRun);
  return Object.fromEntries(Object.entries(found).map(([field, issue]) => [field, issue.problem]));
}

describe('the settings draft', () => {
  it('round-trips the settings it shows: an unchanged draft is the settings themselves', () => {
    const patch = patchFromDraft(draftFromSettings(VIEW));
    expect({ ...DEFAULT_SETTINGS, ...patch }).toEqual(DEFAULT_SETTINGS);
    expect(problems({})).toEqual({});
  });

  it('the brick save: production with no partner ID and no key is named beside both fields', () => {
    expect(problems({ environment: 'production' })).toEqual({
      partnerId: 'needed_to_send',
      apiKey: 'needed_to_send',
    });
    expect(problems({ environment: 'custom', partnerId: '085' }, { apiKey: 'sk_test_key_0123' })).toEqual({
      customApiUrl: 'needed_to_send',
    });
    expect(problems({ environment: 'sandbox', partnerId: '085' }, { apiKey: 'sk_test_key_0123' })).toEqual(
      {},
    );
  });

  it('asks for the key again when the destination moves, not when something else changes', () => {
    const sending: PublicSettings = { ...VIEW, environment: 'sandbox', partnerId: '085', apiKeySet: true };
    expect(problems({ partnerId: '086' }, {}, sending)).toEqual({ apiKey: 'needed_again' });
    expect(problems({ kioskId: 'K-2' }, {}, sending)).toEqual({});
  });

  it('names number problems with their limits, and empty fields as required', () => {
    const found = checkDraft(
      draft({ idleTimeoutSeconds: '5', captureTimeoutSeconds: '', retentionDays: '2.5' }),
      VIEW,
      NO_SECRETS,
      false,
    );
    expect(found.idleTimeoutSeconds).toEqual({
      field: 'idleTimeoutSeconds',
      problem: 'too_small',
      limit: 15,
    });
    expect(found.captureTimeoutSeconds?.problem).toBe('required');
    expect(found.retentionDays?.problem).toBe('whole_number');
  });

  it('checks the user-ID rule like main: a pattern RE2 cannot compile, fewest above most', () => {
    expect(problems({ userIdRule: { pattern: '(a', minLength: '4', maxLength: '40' } })).toEqual({
      'userIdRule.pattern': 'not_a_pattern',
    });
    expect(problems({ userIdRule: { pattern: '^\\d+$', minLength: '12', maxLength: '8' } })).toEqual({
      'userIdRule.minLength': 'min_above_max',
    });
  });

  it('a location is all three numbers or none', () => {
    const none = { latitude: '', longitude: '', accuracyMeters: '', placeName: '' };
    expect(patchFromDraft(draft({ location: none })).location).toBeNull();
    expect(problems({ location: { ...none, latitude: '-4.05' } })).toEqual({
      'location.longitude': 'required',
      'location.accuracyMeters': 'required',
    });
    expect(
      patchFromDraft(
        draft({
          location: { latitude: '-4.05', longitude: '39.67', accuracyMeters: '50', placeName: ' Mombasa ' },
        }),
      ).location,
    ).toEqual({ latitude: -4.05, longitude: 39.67, accuracyMeters: 50, placeName: 'Mombasa' });
  });

  it('checks a new PIN: required at first start, 6 to 12 digits, typed twice the same', () => {
    expect(problems({}, {}, { ...VIEW, pinState: 'unset', pinSet: false }, true)).toEqual({
      newPin: 'required',
    });
    expect(problems({}, { newPin: '12345', confirmPin: '12345' })).toEqual({ newPin: 'pin_format' });
    expect(problems({}, { newPin: '123456', confirmPin: '123465' })).toEqual({ confirmPin: 'pins_differ' });
    expect(problems({}, { newPin: '123456', confirmPin: '123456' })).toEqual({});
  });

  it('a key too short is named before it is sent', () => {
    expect(problems({}, { apiKey: 'short' })).toEqual({ apiKey: 'too_short' });
  });

  it('maps the field main names in a refusal to the screen’s field', () => {
    expect(screenField('patch.idleTimeoutSeconds')).toBe('idleTimeoutSeconds');
    expect(screenField('partnerId')).toBe('partnerId');
    expect(screenField('apiKey')).toBe('apiKey');
  });
});
