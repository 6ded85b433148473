// The rule a customer's user ID must meet. The pattern and lengths come from settings; the defaults suit
// bank customer numbers (letters, digits, dash, underscore). Smile ID itself accepts any non-empty string.
//
// The pattern is an operator-edited setting that main runs on every enrollment, so it runs on RE2 (re2js):
// matching time grows linearly with the input whatever the pattern, where a backtracking engine can be made to
// take years by a pattern like ^(a+)+$. RE2 syntax has no backreferences or lookaround; patterns using them are
// refused when the setting is saved.
import { RE2JS } from 're2js';
import { z } from 'zod';

// The rule changes rarely and is checked on every keystroke: keep the last compiled pattern.
let lastCompiled: { readonly pattern: string; readonly regex: RE2JS | null } | null = null;

function compile(pattern: string): RE2JS | null {
  if (lastCompiled?.pattern === pattern) return lastCompiled.regex;
  let regex: RE2JS | null;
  try {
    regex = RE2JS.compile(pattern);
  } catch {
    regex = null;
  }
  lastCompiled = { pattern, regex };
  return regex;
}

function compiles(pattern: string): boolean {
  return compile(pattern) !== null;
}

export const userIdRuleSchema = z
  .object({
    pattern: z
      .string()
      .min(1)
      .max(200)
      .refine(compiles, 'not a valid regular expression (RE2 syntax: no backreferences or lookaround)'),
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
  // The settings schema only admits patterns that compile; one that somehow does not admits nothing.
  return compile(rule.pattern)?.matcher(value).find() ? null : 'bad_characters';
}
