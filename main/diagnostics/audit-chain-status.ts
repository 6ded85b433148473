// The audit trail's state as the diagnostics file reports it: how many entries the kiosk holds, the first and the
// newest hash, and whether the stored chain is whole — or where it breaks. Read in the same pass over the log
// that checks the chain (main/audit/audit-query.ts scan), so the counts and the verdict describe the same
// entries. Hashes and sequence numbers only: nothing of any entry's content.
import type { AuditEntry, AuditIntegrity } from '../../app/audit/entry';

export interface AuditChainStatus {
  readonly ok: boolean;
  readonly entries: number;
  readonly firstSeq: number | null;
  /** The genesis hash for a log that starts at seq 1, else the retention checkpoint's last purged hash. */
  readonly firstPrevHash: string | null;
  readonly firstHash: string | null;
  readonly lastSeq: number | null;
  readonly lastHash: string | null;
  /** The first entry that is not whole, and why; null when the chain is whole. */
  readonly brokenAt: { readonly seq: number | null; readonly reason: string } | null;
}

/** What the pass over the stored log answers (main/audit/audit-query.ts Scan). */
export interface StoredLogVerdict {
  readonly integrity: AuditIntegrity;
  readonly head: { readonly seq: number; readonly hash: string } | null;
}

export class AuditChainCounter {
  private entries = 0;
  private first: AuditEntry | null = null;

  add(entry: AuditEntry): void {
    this.entries++;
    this.first ??= entry;
  }

  status(verdict: StoredLogVerdict): AuditChainStatus {
    return {
      ok: verdict.integrity.ok,
      entries: this.entries,
      firstSeq: this.first?.seq ?? null,
      firstPrevHash: this.first?.prevHash ?? null,
      firstHash: this.first?.hash ?? null,
      lastSeq: verdict.head?.seq ?? null,
      lastHash: verdict.head?.hash ?? null,
      brokenAt: verdict.integrity.problem,
    };
  }
}
