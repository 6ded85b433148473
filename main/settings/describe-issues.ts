// Turns zod issues into one sentence an operator or installer can act on: which field, and what is wrong with
// it. Built from paths and zod's messages only, never from the input, so a key or PIN in a rejected value is
// not echoed into an error message or a log.
import type { z } from 'zod';

export function describeIssues(error: z.ZodError, noun: string): string {
  return error.issues.map((issue) => describeIssue(issue, noun)).join('; ');
}

function describeIssue(issue: z.core.$ZodIssue, noun: string): string {
  const where = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((key) => `"${where ? `${where}.${key}` : key}"`).join(', ');
    return `Unknown ${noun}${issue.keys.length > 1 ? 's' : ''} ${names}`;
  }
  return where ? `Invalid ${noun} "${where}": ${issue.message}` : `Invalid ${noun}s: ${issue.message}`;
}
