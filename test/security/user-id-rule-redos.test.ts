// Finding 8 (third part): the operator-editable user-ID pattern runs in main on every enrollment, and a
// backtracking engine can be stalled for years by a pattern such as ^(a+)+$ and an ID of 40 a's and a '!'. The
// rule now runs on RE2 (linear time), and patterns RE2 cannot run are refused when the setting is saved.
import { describe, expect, it } from 'vitest';
import { checkUserId, userIdRuleSchema } from '../../app/user-id';

const rule = (pattern: string) => ({ pattern, minLength: 1, maxLength: 100 });

describe('security finding 8: the user-ID rule cannot stall main', () => {
  it('answers a catastrophic-backtracking pattern on a hostile ID (a backtracking engine would not return)', () => {
    // 2^60 steps for a backtracking engine; RE2 needs one pass. No timing is asserted: it returns or hangs.
    const hostile = `${'a'.repeat(60)}!`;
    expect(checkUserId(hostile, rule('^(a+)+$'))).toBe('bad_characters');
    expect(checkUserId(hostile, rule('^(a|aa)*$'))).toBe('bad_characters');
    expect(checkUserId('a'.repeat(60), rule('^(a+)+$'))).toBeNull();
  });

  it('refuses patterns RE2 cannot run (backreferences, lookaround) when a rule is saved', () => {
    expect(userIdRuleSchema.safeParse(rule('^(a)\\1$')).success).toBe(false);
    expect(userIdRuleSchema.safeParse(rule('^(?=.*\\d)[A-Z0-9]+$')).success).toBe(false);
    expect(userIdRuleSchema.safeParse(rule('^[A-Z]{3}-\\d{6}$')).success).toBe(true);
  });

  it('still applies ordinary rules', () => {
    expect(checkUserId('ABC-123456', rule('^[A-Z]{3}-\\d{6}$'))).toBeNull();
    expect(checkUserId('abc-123456', rule('^[A-Z]{3}-\\d{6}$'))).toBe('bad_characters');
  });
});
