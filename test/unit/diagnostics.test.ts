// The diagnostics file's parts on their own (main/diagnostics/): settings as support may read them, recent errors
// by code with each job a number of the file only, and the last pass that masks user IDs and secrets. The whole
// file through the kiosk core is test/security/diagnostics-no-pii.test.ts.
import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type AuditEntry } from '../../app/audit/entry';
import type { AuditAction } from '../../app/audit/actions';
import { DEFAULT_SETTINGS, type PublicSettings } from '../../app/settings';
import { currentProblems, RecentErrors } from '../../main/diagnostics/error-history';
import { withoutPersonalData } from '../../main/diagnostics/personal-data-guard';
import { settingsForSupport } from '../../main/diagnostics/settings-for-support';
import { LogScrubber } from '../../main/log-scrub';

const SETTINGS: PublicSettings = {
  ...DEFAULT_SETTINGS,
  environment: 'custom',
  customApiUrl: 'https://proxy.bank.example:8443/smile/v1?key=abc',
  callbackUrl: 'https://hooks:s3cret@callbacks.bank.example/smile?token=tok-123',
  location: { latitude: -1.2921, longitude: 36.8219, accuracyMeters: 20, placeName: 'Back office' },
  apiKeySet: true,
  pinSet: true,
  pinState: 'set',
  pinLockReason: null,
  recoveryCodeSet: true,
  configured: true,
};

let seq = 0;
function entry(action: AuditAction, jobId: string | null, details: AuditEntry['details']): AuditEntry {
  seq++;
  return {
    v: 1,
    seq,
    at: new Date(1_772_000_000_000 + seq * 1000).toISOString(),
    atMs: 1_772_000_000_000 + seq * 1000,
    kioskId: 'K-01',
    branch: 'Branch',
    actor: SYSTEM_ACTOR,
    action,
    subject: { jobId, userId: jobId === null ? null : `CUST-${jobId}` },
    details,
    prevHash: '0'.repeat(64),
    hash: '1'.repeat(64),
  };
}

describe('settingsForSupport', () => {
  it('shows web addresses as their origin and the place only as set, every other setting as it is', () => {
    const shown = settingsForSupport(SETTINGS);
    expect(shown).toMatchObject({
      customApiUrl: 'https://proxy.bank.example:8443',
      callbackUrl: 'https://callbacks.bank.example',
      location: 'set',
      environment: 'custom',
      apiKeySet: true,
      recycleRendererAfterEnrollments: DEFAULT_SETTINGS.recycleRendererAfterEnrollments,
    });
    const text = JSON.stringify(shown);
    for (const hidden of ['key=abc', 's3cret', 'tok-123', 'Back office', '36.8219']) {
      expect(text).not.toContain(hidden);
    }
    expect(settingsForSupport({ ...SETTINGS, callbackUrl: null, location: null })).toMatchObject({
      callbackUrl: null,
      location: 'not set',
    });
    expect(Object.keys(shown).sort()).toEqual(Object.keys(SETTINGS).sort());
  });
});

describe('RecentErrors', () => {
  it('keeps the newest problems, newest first, by code, each job a number of this list only', () => {
    const errors = new RecentErrors(3);
    errors.add(entry('job.attempt_failed', 'job-a', { kind: 'server_error', code: null, attempts: 1 }));
    errors.add(entry('job.result', 'job-a', { outcome: 'approved' }));
    errors.add(
      entry('job.attempt_failed', 'job-b', { kind: 'timeout', code: null, errorClass: 'transient' }),
    );
    errors.add(entry('system.circuit_opened', null, { kind: 'network', code: null, reason: 'English' }));
    errors.add(
      entry('job.needs_attention', 'job-b', { kind: 'api_error', code: '2209', errorClass: 'permanent' }),
    );
    const listed = errors.list();
    expect(listed.map((each) => [each.action, each.job, each.kind, each.code])).toEqual([
      ['job.needs_attention', 1, 'api_error', '2209'],
      ['system.circuit_opened', null, 'network', null],
      ['job.attempt_failed', 1, 'timeout', null],
    ]);
    // Only the fields named: no reason, no job ID, no user ID.
    expect(JSON.stringify(listed)).not.toMatch(/English|job-b|CUST-/);
  });

  it('takes only what looks like a code', () => {
    const errors = new RecentErrors(5);
    errors.add(entry('job.attempt_failed', 'job-c', { kind: 'a reason with spaces', code: { nested: 1 } }));
    expect(errors.list()[0]).toMatchObject({ kind: '[unrecognised]', code: '[unrecognised]' });
  });
});

describe('currentProblems', () => {
  it('counts the jobs’ current errors by state and code, naming no job', () => {
    const job = (state: 'needs_attention' | 'queued', code: string) => ({
      jobId: `id-${code}-${state}`,
      userId: 'CUST-9',
      state,
      createdAt: 0,
      updatedAt: 0,
      attempts: 1,
      nextAttemptAt: null,
      lastError: { kind: 'api_error', code, errorClass: 'permanent' as const, reason: 'r', action: 'a' },
      result: null,
      completedAt: null,
      operatorId: null,
    });
    expect(
      currentProblems([
        job('needs_attention', '2209'),
        job('needs_attention', '2209'),
        job('queued', '2204'),
      ]),
    ).toEqual([
      { state: 'needs_attention', kind: 'api_error', code: '2209', errorClass: 'permanent', jobs: 2 },
      { state: 'queued', kind: 'api_error', code: '2204', errorClass: 'permanent', jobs: 1 },
    ]);
  });
});

describe('withoutPersonalData', () => {
  it('masks every known user ID in any text (the longest first), then scrubs secrets and secret-named fields', () => {
    const scrubber = new LogScrubber();
    scrubber.register('the-api-key-123');
    const guarded = withoutPersonalData(
      {
        branch: 'Desk of CUST-100 and CUST-1000',
        nested: [{ note: 'key the-api-key-123 here' }],
        apiKey: 'anything',
        count: 1000,
      },
      { userIds: ['CUST-100', 'CUST-1000', ''], scrubber },
    );
    expect(guarded).toEqual({
      branch: 'Desk of [user-id] and [user-id]',
      nested: [{ note: 'key [secret] here' }],
      apiKey: '[redacted]',
      count: 1000,
    });
  });
});
