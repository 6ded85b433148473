// One audit entry as it is hashed, sealed, listed and exported (docs/audit-trail.md describes the format and the
// canonical hash precisely, so a bank can check an export without this code). Shared by main (which writes and
// verifies) and the renderer (which will show the entries).
import { z } from 'zod';
import { AUDIT_ACTIONS } from './actions';

/** The entry format; part of every hash, so a later format is told apart from this one. */
export const AUDIT_FORMAT_VERSION = 1;

/** SHA-256 in lower-case hex. */
export const AUDIT_HASH_PATTERN = /^[0-9a-f]{64}$/;
const hash = z.string().regex(AUDIT_HASH_PATTERN, 'expected a SHA-256 hash in lower-case hex');

/** The prevHash of the first entry a log ever wrote (seq 1): nothing came before it. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

export const AUDIT_ACTOR_KINDS = ['operator', 'system'] as const;
/** 'operator' is reserved for the named operators to come; today every session is a supervisor's. */
export const AUDIT_ROLES = ['operator', 'supervisor'] as const;
export type AuditRole = (typeof AUDIT_ROLES)[number];

/**
 * The operator ID of whoever signed in with the kiosk's one shared PIN. Named operators (issue 11, later) will
 * put their own operator ID here instead; the field's format does not change.
 */
export const SHARED_PIN_OPERATOR_ID = 'kiosk-pin';
/** A session opened with the supervisor recovery code (it may only set a new PIN). */
export const RECOVERY_CODE_OPERATOR_ID = 'recovery-code';
/** First-run setup: no PIN exists yet, so whoever set the kiosk up acted without signing in. */
export const FIRST_RUN_OPERATOR_ID = 'first-run-setup';

export const OPERATOR_ID_PATTERN = /^[A-Za-z0-9._@-]{1,64}$/;

export const auditActorSchema = z
  .object({
    kind: z.enum(AUDIT_ACTOR_KINDS),
    /**
     * Who acted: SHARED_PIN_OPERATOR_ID and its siblings today, a named operator's ID later. null for the
     * system, and for the customer-facing flow, which needs no sign-in today (whoever stood at the kiosk).
     */
    operatorId: z.string().regex(OPERATOR_ID_PATTERN).nullable(),
    role: z.enum(AUDIT_ROLES).nullable(),
  })
  .strict();
export type AuditActor = z.infer<typeof auditActorSchema>;

export const SYSTEM_ACTOR: AuditActor = { kind: 'system', operatorId: null, role: null };

export const auditSubjectSchema = z
  .object({ jobId: z.string().min(1).max(64).nullable(), userId: z.string().min(1).max(200).nullable() })
  .strict();
export type AuditSubject = z.infer<typeof auditSubjectSchema>;

export const NO_SUBJECT: AuditSubject = { jobId: null, userId: null };

/** What changed, as JSON values: field names and non-secret values, never a key, PIN or recovery code. */
export const auditDetailsSchema = z.record(z.string().min(1).max(64), z.json());
export type AuditDetails = z.infer<typeof auditDetailsSchema>;

const entryFields = {
  v: z.literal(AUDIT_FORMAT_VERSION),
  /** 1, 2, 3 … with no gap over the kiosk's whole log. */
  seq: z.number().int().positive(),
  /** The kiosk clock, UTC, as Date.prototype.toISOString writes it; the same instant as `atMs`. */
  at: z.iso.datetime(),
  atMs: z.number().int().nonnegative(),
  kioskId: z.string().max(64),
  /** Where the kiosk stands (settings.branch) when the entry was written. */
  branch: z.string().max(120),
  actor: auditActorSchema,
};

const entryTail = {
  subject: auditSubjectSchema,
  details: auditDetailsSchema,
  /** The hash of the entry before (seq − 1); AUDIT_GENESIS_HASH for seq 1. */
  prevHash: hash,
  /** SHA-256 of the canonical form of every other field, prevHash included (docs/audit-trail.md). */
  hash,
};

/**
 * Any entry of this format, whatever its action: what an export's verifier accepts, so a log written by a later
 * kiosk version with more actions still verifies.
 */
export const auditEntryRecordSchema = z
  .object({ ...entryFields, action: z.string().regex(/^[a-z_]+(\.[a-z_]+)+$/), ...entryTail })
  .strict();

/** An entry this kiosk writes: its action is one of AUDIT_ACTIONS. */
export const auditEntrySchema = z
  .object({ ...entryFields, action: z.enum(AUDIT_ACTIONS), ...entryTail })
  .strict();
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/**
 * Entries a filtered export leaves out, from `fromSeq` through `throughSeq`: the prevHash of the first and the
 * hash of the last, so the chain still joins up across them (docs/audit-trail.md "Filtered exports").
 */
export const auditOmittedRunSchema = z
  .object({
    fromSeq: z.number().int().positive(),
    throughSeq: z.number().int().positive(),
    prevHash: hash,
    hash,
  })
  .strict()
  .refine((run) => run.throughSeq >= run.fromSeq, 'throughSeq is before fromSeq');
export type AuditOmittedRun = z.infer<typeof auditOmittedRunSchema>;

// ---- what a supervisor asks for ---------------------------------------------------------------------------

/**
 * Which entries to list or export; every field narrows. `day` is a day of the kiosk's own calendar (its time
 * zone); `from` / `to` are epoch ms (from inclusive, to exclusive).
 */
export const auditFilterSchema = z
  .object({
    day: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected a day as YYYY-MM-DD')
      .optional(),
    from: z.number().int().nonnegative().optional(),
    to: z.number().int().positive().optional(),
    operatorId: z.string().regex(OPERATOR_ID_PATTERN).optional(),
    userId: z.string().min(1).max(200).optional(),
  })
  .strict();
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const AUDIT_EXPORT_FORMATS = ['jsonl', 'csv'] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

export const AUDIT_PAGE_MAX = 200;

/** The newest entry of the log: compare an export's last hash with it to see that nothing was cut off. */
export const auditHeadSchema = z.object({ seq: z.number().int().positive(), hash }).nullable();

/** The log on the kiosk checked end to end: null when whole, else the first entry that is not. */
export const auditIntegritySchema = z.object({
  ok: z.boolean(),
  problem: z.object({ seq: z.number().int().nullable(), reason: z.string() }).nullable(),
});
export type AuditIntegrity = z.infer<typeof auditIntegritySchema>;
