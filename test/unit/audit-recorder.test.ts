// The recorder's translation of what happens into entries, on a real log: job events into sent / result /
// failure / needs-attention / expiry / retention entries, health into circuit and clock entries, settings
// changes with addresses reduced, the API key only as "changed", and each call's entry under its actor.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../app/audit/entry';
import type { HealthStatus, JobSummary, KioskEvent } from '../../app/queue';
import { DEFAULT_SETTINGS, type Settings } from '../../app/settings';
import type { AuditLog } from '../../main/audit/audit-log';
import { AuditRecorder } from '../../main/audit/audit-recorder';
import { silentLogger } from '../../main/log';
import type { SecretName } from '../../main/secure/secret-vault';
import { auditFixture, START_MS, type AuditFixture } from '../support/audit-fixtures';

const JOB = '11111111-1111-4111-8111-111111111111';
const API_KEY = 'sk-recorder-secret-0001';

let fixture: AuditFixture;
let log: AuditLog;
let recorder: AuditRecorder;
let emit: (event: KioskEvent) => void;
let changeSettings: (next: Settings) => void;
let settings: Settings;

function job(overrides: Partial<JobSummary>): JobSummary {
  return {
    jobId: JOB,
    userId: 'CUST-0001',
    state: 'queued',
    createdAt: START_MS,
    updatedAt: START_MS,
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    result: null,
    completedAt: null,
    operatorId: null,
    ...overrides,
  };
}

function health(overrides: Partial<HealthStatus>): HealthStatus {
  return {
    online: true,
    circuit: { open: false, kind: null, code: null, reason: null, action: null, since: null },
    clockSkewMs: null,
    clockSkewExceeded: false,
    freeDiskBytes: null,
    counts: {} as HealthStatus['counts'],
    sentToday: 0,
    lastSuccessfulSendAt: null,
    training: false,
    ...overrides,
  } as HealthStatus;
}

beforeEach(async () => {
  fixture = await auditFixture();
  log = await fixture.open();
  settings = DEFAULT_SETTINGS;
  const settingsListeners: ((next: Settings, previous: Settings) => void)[] = [];
  changeSettings = (next) => {
    const previous = settings;
    settings = next;
    for (const listener of settingsListeners) listener(next, previous);
  };
  const listeners: ((event: KioskEvent) => void)[] = [];
  emit = (event) => listeners.forEach((listener) => listener(event));
  recorder = new AuditRecorder({
    audit: log,
    outbox: {
      onEvent: (listener) => {
        listeners.push(listener);
        return () => undefined;
      },
      snapshot: () => [job({})],
      openReport: {
        setAsidePath: '/home/kiosk/data/index.json.bad',
        invalidRecords: 2,
        reindexedOrphans: 0,
        missingFolders: 0,
        unreadableFolders: 0,
      },
    },
    settings: {
      get: () => settings,
      onChange: (listener) => {
        settingsListeners.push(listener);
        return () => undefined;
      },
    },
    log: silentLogger,
    provisioning: { source: 'file' },
  });
  await recorder.start();
});
afterEach(async () => {
  await recorder.stop();
  await fixture.close();
});

async function entries(): Promise<AuditEntry[]> {
  const page = await recorder.list({ filter: {}, limit: 200 });
  expect(page.integrity.ok).toBe(true);
  return [...page.entries].reverse();
}

/** Lets the appends the events started reach the disk. */
async function settle(): Promise<void> {
  await log.append({
    action: 'system.kiosk_stopped',
    actor: { kind: 'system', operatorId: null, role: null },
  });
}

describe('audit recorder', () => {
  it('records the start with its provisioning and the index recovery, naming the file only', async () => {
    const all = await entries();
    expect(all.slice(1, 3)).toMatchObject([
      { action: 'system.kiosk_started', details: { provisioning: 'file' } },
      { action: 'system.index_recovered', details: { setAsideFile: 'index.json.bad', invalidRecords: 2 } },
    ]);
  });

  it("turns a job's events into sent, failure, result, needs-attention and expiry entries", async () => {
    const error = {
      kind: 'api_error',
      code: '2201',
      errorClass: 'transient' as const,
      reason: 'x',
      action: 'y',
    };
    const expired = {
      kind: 'images_expired',
      code: null,
      errorClass: 'permanent' as const,
      reason: 'x',
      action: 'y',
    };
    for (const next of [
      job({ state: 'preparing' }),
      job({ state: 'uploading' }),
      job({ state: 'queued', attempts: 1, lastError: error }), // failed
      job({ state: 'preparing', attempts: 1, lastError: error }),
      job({ state: 'queued', attempts: 1, lastError: error }), // resumed after a restart: nothing new
      job({ state: 'uploading', attempts: 1 }),
      job({ state: 'awaiting_result', attempts: 1 }),
      job({
        state: 'provisional',
        attempts: 2,
        result: {
          outcome: 'provisional',
          final: false,
          resultCode: '0842',
          resultText: '',
          reason: '',
          nextStep: 'wait_for_review',
          smileJobId: '42',
        },
      }),
      job({ state: 'needs_attention', attempts: 2, lastError: expired }),
    ]) {
      emit({ type: 'job', job: next });
    }
    await settle();
    const ofJob = (await entries()).filter((entry) => entry.subject.jobId === JOB);
    expect(ofJob.map((entry) => entry.action)).toEqual([
      'job.attempt_failed',
      'job.sent',
      'job.result',
      'job.needs_attention',
      'job.images_expired',
    ]);
    expect(ofJob[0]).toMatchObject({
      actor: { kind: 'system' },
      subject: { userId: 'CUST-0001' },
      details: { code: '2201', attempts: 1 },
    });
    expect(ofJob[2]).toMatchObject({ details: { outcome: 'provisional', resultCode: '0842', final: false } });
  });

  it('records a discard only as the discard, and a job removed outside one as retention', async () => {
    const session = { operatorId: 'amina', role: 'supervisor' as const, origin: 'pin' as const };
    await recorder.around({ method: 'discardJob', request: { jobId: JOB }, session }, async () => {
      emit({ type: 'job_removed', jobId: JOB });
      return { jobId: JOB };
    });
    let all = await entries();
    expect(all.at(-1)).toMatchObject({
      action: 'job.discarded',
      actor: { operatorId: 'amina', role: 'supervisor' },
      subject: { jobId: JOB, userId: 'CUST-0001' },
    });
    expect(all.some((entry) => entry.action === 'job.retention_removed')).toBe(false);

    emit({ type: 'job', job: job({ jobId: JOB.replace('1111', '2222'), state: 'approved' }) });
    emit({ type: 'job_removed', jobId: JOB.replace('1111', '2222') });
    await settle();
    all = await entries();
    expect(all.find((entry) => entry.action === 'job.retention_removed')).toMatchObject({
      actor: { kind: 'system' },
      subject: { jobId: JOB.replace('1111', '2222'), userId: 'CUST-0001' },
    });
  });

  it('records the circuit and the clock when they change, not on every health event', async () => {
    const open = {
      open: true,
      kind: 'api_error',
      code: '2205',
      reason: 'bad signature',
      action: 'fix',
      since: START_MS,
    };
    emit({ type: 'health', health: health({ circuit: open }) });
    emit({ type: 'health', health: health({ circuit: open }) });
    emit({ type: 'health', health: health({ clockSkewMs: 600_000, clockSkewExceeded: true }) });
    emit({ type: 'health', health: health({ clockSkewMs: 1_000 }) });
    await settle();
    const actions = (await entries())
      .map((entry) => entry.action)
      .filter((action) => action.startsWith('system.c'));
    expect(actions).toEqual([
      'system.circuit_opened',
      'system.circuit_closed',
      'system.clock_skew_exceeded',
      'system.clock_skew_resolved',
    ]);
  });

  it('records a call, what it set off, and its actor: settings by field, the key only as changed', async () => {
    const stored = new Map<SecretName, string>();
    const vault = recorder.auditedVault({
      get: async (name: SecretName) => stored.get(name) ?? null,
      set: async (name: SecretName, value: string) => void stored.set(name, value),
      delete: async (name: SecretName) => void stored.delete(name),
    });
    const session = { operatorId: 'amina', role: 'supervisor' as const, origin: 'pin' as const };
    await recorder.around({ method: 'updateSettings', request: {}, session }, async () => {
      changeSettings({
        ...settings,
        branch: 'Kisumu',
        callbackUrl: 'https://user:pw@bank.example/hook?token=abc',
      });
      await vault.set('smileid.apiKey', API_KEY);
      return {};
    });
    await recorder.around(
      { method: 'verifyPin', request: { operatorId: 'amina', pin: '000000' }, session: null },
      async () => ({
        valid: false,
        triesLeft: 0,
        lockedUntil: START_MS + 60_000,
      }),
    );
    const all = await entries();
    expect(all.find((entry) => entry.action === 'settings.changed')).toMatchObject({
      actor: { kind: 'operator', operatorId: 'amina', role: 'supervisor' },
      details: {
        fields: ['branch', 'callbackUrl'],
        changes: [
          { field: 'branch', from: '', to: 'Kisumu' },
          { field: 'callbackUrl', from: null, to: 'https://bank.example/hook' },
        ],
      },
    });
    expect(all.find((entry) => entry.action === 'settings.api_key_changed')).toMatchObject({
      actor: { operatorId: 'amina' },
      details: { change: 'apiKey changed' },
    });
    expect(all.at(-1)).toMatchObject({
      action: 'operator.sign_in_locked',
      // The operator ID typed, with no role: none was granted.
      actor: { kind: 'operator', operatorId: 'amina', role: null },
      details: { lockedUntil: START_MS + 60_000 },
    });
    const text = JSON.stringify(all);
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain('token=abc');
    expect(text).not.toContain('pw@');
  });
});
