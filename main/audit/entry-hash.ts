// An audit entry's hash: SHA-256 over the UTF-8 bytes of the canonical JSON (RFC 8785) of the entry without its
// `hash` member — prevHash included, which is what chains each entry to the one before it.
import { createHash } from 'node:crypto';
import type { AuditEntry } from '../../app/audit/entry';
import { canonicalJson } from './canonical-json';

/** The hash the entry must carry. `entry` may or may not hold a `hash` member: it is never hashed. */
export function entryHash(entry: Readonly<Record<string, unknown>>): string {
  const { hash: _ignored, ...hashed } = entry;
  return createHash('sha256').update(canonicalJson(hashed), 'utf8').digest('hex');
}

export type UnhashedEntry = Omit<AuditEntry, 'hash'>;

/** The entry with its hash. */
export function withHash(entry: UnhashedEntry): AuditEntry {
  return { ...entry, hash: entryHash(entry) };
}
