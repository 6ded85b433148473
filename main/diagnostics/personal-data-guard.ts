// The last pass over the diagnostics file before it leaves main. The file is built field by field from codes,
// counts and configuration, so nothing personal should be in it; this pass makes sure of it anyway, because a
// mistake here would send customers' IDs or the API key to a support desk outside the bank:
//   - every user ID the kiosk knows (its jobs, and every subject of its audit trail) is masked wherever it
//     appears inside a text (a branch name typed with one, an error code that happened to be one);
//   - then the log scrubber (main/log-scrub.ts): the secrets it learned (the API key), anything that looks like
//     image data, and fields named like secrets.
import type { LogScrubber } from '../log-scrub';

export const USER_ID_MASK = '[user-id]';

/** Masks each known user ID in every text of `value`, longest first. */
function maskUserIds(value: unknown, userIds: readonly string[]): unknown {
  if (typeof value === 'string') {
    return userIds.reduce((text, userId) => text.split(userId).join(USER_ID_MASK), value);
  }
  if (Array.isArray(value)) return value.map((item) => maskUserIds(item, userIds));
  if (value !== null && typeof value === 'object') {
    // Keys are the file's own field names and codes (states, settings), never data: only values are masked.
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, maskUserIds(inner, userIds)]),
    );
  }
  return value;
}

export function withoutPersonalData(
  document: unknown,
  known: { readonly userIds: Iterable<string>; readonly scrubber: LogScrubber },
): unknown {
  // Longest first: a user ID that contains another is masked whole, not cut into a masked part and a rest.
  const userIds = [...new Set(known.userIds)].filter((id) => id !== '').sort((a, b) => b.length - a.length);
  return known.scrubber.scrubValue(maskUserIds(document, userIds));
}
