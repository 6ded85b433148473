// The supervisor's two audit calls as the IPC contract (app/ipc/channels.ts): a page of entries, newest first,
// and an export of the whole log in JSON Lines or CSV with the entries outside the filter as omitted runs.
import { z } from 'zod';
import { sessionTokenSchema } from '../operator-session';
import {
  AUDIT_EXPORT_FORMATS,
  AUDIT_HASH_PATTERN,
  AUDIT_PAGE_MAX,
  auditEntrySchema,
  auditFilterSchema,
  auditHeadSchema,
  auditIntegritySchema,
} from './entry';

export const listAuditRequestSchema = z
  .object({
    grant: sessionTokenSchema,
    filter: auditFilterSchema.default({}),
    /** The previous page's nextBeforeSeq: entries older than this. */
    beforeSeq: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
  })
  .strict();

export const listAuditResponseSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** Entries matching the filter in the whole log. */
  matched: z.number().int().nonnegative(),
  nextBeforeSeq: z.number().int().positive().nullable(),
  head: auditHeadSchema,
  integrity: auditIntegritySchema,
});

export const exportAuditRequestSchema = z
  .object({
    grant: sessionTokenSchema,
    filter: auditFilterSchema.default({}),
    format: z.enum(AUDIT_EXPORT_FORMATS),
  })
  .strict();

const hashOrNull = z.string().regex(AUDIT_HASH_PATTERN).nullable();

export const exportAuditResponseSchema = z.object({
  format: z.enum(AUDIT_EXPORT_FORMATS),
  /** A name to save it under, e.g. audit-K-01-20261130T120000Z.jsonl. */
  fileName: z.string(),
  /** The export itself (UTF-8 text); `npm run audit:verify -- FILE` checks it. */
  content: z.string(),
  entries: z.number().int().nonnegative(),
  omittedRuns: z.number().int().nonnegative(),
  firstHash: hashOrNull,
  /** Equal to head.hash: the export runs to the newest entry. */
  lastHash: hashOrNull,
  head: auditHeadSchema,
  integrity: auditIntegritySchema,
});
