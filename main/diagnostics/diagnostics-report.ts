// The diagnostics file's content, put together from what main knows (docs/diagnostics.md): versions, the machine,
// the settings as support may read them, the queue's health, what went wrong lately and the audit chain's state.
// A pure function of its inputs, so a test can read exactly what goes in and what comes out.
import { DIAGNOSTICS_FORMAT_VERSION } from '../../app/diagnostics';
import type { HealthStatus } from '../../app/queue';
import type { PublicSettings } from '../../app/settings';
import type { AuditChainStatus } from './audit-chain-status';
import type { ProblemCount, RecentError } from './error-history';
import { settingsForSupport } from './settings-for-support';

/** Where the kiosk runs: what support asks first. */
export interface RuntimeFacts {
  /** process.versions: node, v8 … and, in the Electron shell, electron and chrome. */
  readonly versions: Readonly<Record<string, string | undefined>>;
  readonly platform: string;
  readonly arch: string;
  readonly osRelease: string;
  readonly uptimeSeconds: number;
}

export interface DiagnosticsInputs {
  readonly now: number;
  readonly appVersion: string;
  readonly runtime: RuntimeFacts;
  readonly settings: PublicSettings;
  readonly health: HealthStatus;
  readonly currentProblems: readonly ProblemCount[];
  readonly recentErrors: readonly RecentError[];
  readonly auditChain: AuditChainStatus;
}

function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

export function diagnosticsReport(inputs: DiagnosticsInputs) {
  const { runtime, settings, health } = inputs;
  return {
    format: 'selfie-kiosk-diagnostics',
    v: DIAGNOSTICS_FORMAT_VERSION,
    generatedAt: new Date(inputs.now).toISOString(),
    versions: {
      app: inputs.appVersion,
      node: runtime.versions.node ?? null,
      // Present only in the Electron shell; the dev host runs in plain Node.
      electron: runtime.versions.electron ?? null,
      chromium: runtime.versions.chrome ?? null,
      v8: runtime.versions.v8 ?? null,
    },
    system: {
      platform: runtime.platform,
      arch: runtime.arch,
      osRelease: runtime.osRelease,
      uptimeSeconds: Math.round(runtime.uptimeSeconds),
    },
    settings: settingsForSupport(settings),
    // How the page reloads itself to stay small (README "renderer recycling"): named apart, since a page that
    // recycles too often or never is a common support question.
    rendererRecycling: {
      afterEnrollments: settings.recycleRendererAfterEnrollments,
      aboveHeapMb: settings.recycleRendererAboveHeapMb,
    },
    health: {
      online: health.online,
      training: health.training,
      jobsByState: health.counts,
      sentToday: health.sentToday,
      lastSuccessfulSendAt: isoOrNull(health.lastSuccessfulSendAt),
      circuit: {
        open: health.circuit.open,
        kind: health.circuit.kind,
        code: health.circuit.code,
        since: isoOrNull(health.circuit.since),
      },
      clock: {
        skewMs: health.clockSkewMs,
        exceeded: health.clockSkewExceeded,
        toleranceSeconds: settings.clockSkewToleranceSeconds,
      },
      freeDiskBytes: health.freeDiskBytes,
    },
    currentProblems: inputs.currentProblems,
    recentErrors: inputs.recentErrors,
    auditChain: inputs.auditChain,
  };
}

export type DiagnosticsReport = ReturnType<typeof diagnosticsReport>;
