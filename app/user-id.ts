// The rule a customer's user ID must meet. The pattern and lengths come from settings; the defaults suit
// bank customer numbers (letters, digits, dash, underscore). Smile ID itself accepts any non-empty string.
import { z } from 'zod';

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

export const userIdRuleSchema = z
  .object({
    pattern: z.string().min(1).refine(compiles, 'not a valid regular expression'),
    minLength: z.number().int().min(1).max(100),
    maxLength: z.number().int().min(1).max(100),
  })
  .refine((rule) => rule.minLength <= rule.maxLength, 'minLength must not exceed maxLength');
export type UserIdRule = z.infer<typeof userIdRuleSchema>;

export const DEFAULT_USER_ID_RULE: UserIdRule = { pattern: '^[A-Za-z0-9_-]+$', minLength: 4, maxLength: 40 };

export type UserIdProblem = 'empty' | 'too_short' | 'too_long' | 'bad_characters';

/** Scanners add whitespace or control characters around the code; they are never part of an ID. */
export function normaliseUserId(raw: string): string {
  // eslint-disable-next-line no-control-regex
  return raw.replace(/[\u0000-\u001f\u007f]/g, '').trim();
}

export function checkUserId(raw: string, rule: UserIdRule = DEFAULT_USER_ID_RULE): UserIdProblem | null {
  const value = normaliseUserId(raw);
  if (value.length === 0) return 'empty';
  if (value.length < rule.minLength) return 'too_short';
  if (value.length > rule.maxLength) return 'too_long';
  // The settings schema only admits patterns that compile.
  return new RegExp(rule.pattern, 'u').test(value) ? null : 'bad_characters';
}
