// "Export diagnostics" (a supervisor, from the operator panel): one JSON file for the support team. One pass over
// the audit trail gives the chain's state, the recent errors and every user ID the trail names; the outbox gives
// health and the jobs' current problems; then the personal-data guard runs over the whole file before it leaves
// main (personal-data-guard.ts). The composition root (main/kiosk-core.ts) wires the sources.
import os from 'node:os';
import type { AuditEntry } from '../../app/audit/entry';
import type { DiagnosticsExport } from '../../app/diagnostics';
import type { HealthStatus, JobSummary } from '../../app/queue';
import type { PublicSettings } from '../../app/settings';
import type { LogScrubber } from '../log-scrub';
import { AuditChainCounter, type StoredLogVerdict } from './audit-chain-status';
import { diagnosticsReport, type RuntimeFacts } from './diagnostics-report';
import { currentProblems, RecentErrors } from './error-history';
import { withoutPersonalData } from './personal-data-guard';

/** Enough history to see a pattern; few enough to read. */
export const RECENT_ERROR_LIMIT = 50;

export interface DiagnosticsSources {
  readonly appVersion: string;
  /** The settings with whether each secret is set (never the secrets): what the Settings screen gets. */
  readonly settings: () => Promise<PublicSettings>;
  readonly outbox: { health(): Promise<HealthStatus>; snapshot(): JobSummary[] };
  /** main/audit/audit-recorder.ts scanStored: every stored entry in order, and the chain's verdict. */
  readonly audit: { scanStored(visit: (entry: AuditEntry) => void): Promise<StoredLogVerdict> };
  /** The core's log scrubber: it knows the API key once the vault has read it. */
  readonly scrubber: LogScrubber;
  readonly runtime?: () => RuntimeFacts;
  readonly now?: () => number;
}

export interface DiagnosticsExporter {
  export(): Promise<DiagnosticsExport>;
}

export function currentRuntime(): RuntimeFacts {
  return {
    versions: process.versions,
    platform: process.platform,
    arch: process.arch,
    osRelease: os.release(),
    uptimeSeconds: process.uptime(),
  };
}

export function diagnosticsExporter(sources: DiagnosticsSources): DiagnosticsExporter {
  const now = sources.now ?? Date.now;
  const runtime = sources.runtime ?? currentRuntime;
  return {
    async export() {
      const settings = await sources.settings();
      const jobs = sources.outbox.snapshot();
      const userIds = new Set(jobs.map((job) => job.userId));
      const chain = new AuditChainCounter();
      const errors = new RecentErrors(RECENT_ERROR_LIMIT);
      const verdict = await sources.audit.scanStored((entry) => {
        chain.add(entry);
        errors.add(entry);
        if (entry.subject.userId !== null) userIds.add(entry.subject.userId);
      });
      const at = now();
      const report = diagnosticsReport({
        now: at,
        appVersion: sources.appVersion,
        runtime: runtime(),
        settings,
        health: await sources.outbox.health(),
        currentProblems: currentProblems(jobs),
        recentErrors: errors.list(),
        auditChain: chain.status(verdict),
      });
      const guarded = withoutPersonalData(report, { userIds, scrubber: sources.scrubber });
      return {
        fileName: diagnosticsFileName(settings.kioskId, at),
        content: `${JSON.stringify(guarded, null, 2)}\n`,
      };
    },
  };
}

/** e.g. diagnostics-K-01-20261130T120000Z.json: the kiosk and the moment, nothing else. */
export function diagnosticsFileName(kioskId: string, now: number): string {
  const kiosk = kioskId.replace(/[^A-Za-z0-9_-]/g, '_') || 'kiosk';
  const stamp = new Date(now)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `diagnostics-${kiosk}-${stamp}.json`;
}
