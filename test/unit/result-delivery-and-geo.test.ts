// The pure parts of issue 11's geo and polling work: the capture's partner_params and the geolocation entry
// derived from them, Smile ID's accuracy words, the polling schedule a timeout gives, when results are left to
// the callback, and the `submitted` state (done for the kiosk, counted as sent, its photos not kept).
import { describe, expect, it } from 'vitest';
import { DONE_STATES, FINAL_STATES, JOB_STATES } from '../../app/job-states';
import { geoAccuracyClass } from '../../app/kiosk-location';
import { resultDelivery, resultDeliveryIssues } from '../../app/result-delivery';
import { DEFAULT_SETTINGS } from '../../app/settings';
import { recordAfterSubmit } from '../../main/outbox/attempt-outcome';
import { countJobs } from '../../main/outbox/health';
import { mustPurgeImages } from '../../main/outbox/image-expiry';
import { newJobRecord } from '../../main/outbox/job-record';
import { canTransition, TRANSITIONS } from '../../main/outbox/state-machine';
import { DEFAULT_POLL_SCHEDULE, pollScheduleFor } from '../../main/smileid/job-status-poller';
import {
  capturePartnerParams,
  geolocationMetadatum,
  NO_NAMED_OPERATOR,
} from '../../main/smileid/partner-params';
import { metadatumSchema } from '../../main/smileid/wire';

const NAIROBI = { latitude: -1.292066, longitude: 36.821945, accuracyMeters: 12.5, placeName: 'Nairobi CBD' };

describe('partner_params of a capture', () => {
  it('are strings for kiosk, branch, operator and place; without a location, no geo keys', () => {
    const context = { kioskId: 'K-1', branch: 'Westlands', operatorId: NO_NAMED_OPERATOR };
    expect(capturePartnerParams({ ...context, location: null })).toEqual({
      kiosk_id: 'K-1',
      branch: 'Westlands',
      operator_id: '',
    });
    expect(capturePartnerParams({ ...context, location: NAIROBI })).toEqual({
      kiosk_id: 'K-1',
      branch: 'Westlands',
      operator_id: '',
      geo_latitude: '-1.292066',
      geo_longitude: '36.821945',
      geo_accuracy_m: '12.5',
      geo_place: 'Nairobi CBD',
    });
  });

  it('give back the exact numbers in the geolocation entry, which Smile ID’s schema accepts', () => {
    const capturedAt = Date.UTC(2026, 10, 30, 9, 15);
    for (const location of [
      NAIROBI,
      { latitude: 0.1 + 0.2, longitude: -180, accuracyMeters: 0, placeName: '' },
      { latitude: 90, longitude: 1e-7, accuracyMeters: 99.99, placeName: 'x' },
    ]) {
      const params = capturePartnerParams({ kioskId: '', branch: '', operatorId: '', location });
      const entry = geolocationMetadatum(params, capturedAt);
      expect(entry).toEqual({
        name: 'geolocation',
        value: {
          latitude: location.latitude,
          longitude: location.longitude,
          accuracy: geoAccuracyClass(location.accuracyMeters),
          source: 'unknown',
        },
        timestamp: '2026-11-30T09:15:00.000Z',
      });
      expect(metadatumSchema.safeParse(entry).success).toBe(true);
    }
  });

  it('give no geolocation entry for a job saved without a location (or before locations existed)', () => {
    expect(geolocationMetadatum({ kiosk_id: 'K-1', branch: 'B' }, 0)).toBeNull();
    expect(
      geolocationMetadatum({ geo_latitude: '1', geo_longitude: 'east', geo_accuracy_m: '5' }, 0),
    ).toBeNull();
  });

  it('name the accuracy in Smile ID’s words: under 20 m precise, under 100 m approximate', () => {
    expect([0, 19.9, 20, 99.9, 100, 5_000].map(geoAccuracyClass)).toEqual([
      'precise',
      'precise',
      'approximate',
      'approximate',
      'unknown',
      'unknown',
    ]);
  });
});

describe('how results arrive', () => {
  const settings = (jobStatusPollingTimeoutSeconds: number, callbackUrl: string | null) => ({
    jobStatusPollingTimeoutSeconds,
    callbackUrl,
  });

  it('polls unless the timeout is 0 and a callback URL is set', () => {
    expect(resultDelivery(settings(120, null))).toBe('poll');
    expect(resultDelivery(settings(120, 'https://bank.example/cb'))).toBe('poll');
    expect(resultDelivery(settings(0, 'https://bank.example/cb'))).toBe('callback_only');
    // Never saved, but should such settings appear the kiosk polls rather than lose the result.
    expect(resultDelivery(settings(0, null))).toBe('poll');
  });

  it('refuses a timeout of 0 without a callback URL, naming the callback field', () => {
    expect(resultDeliveryIssues(settings(0, null))).toEqual([
      { field: 'callbackUrl', problem: 'needed_without_polling' },
    ]);
    expect(resultDeliveryIssues(settings(0, 'https://bank.example/cb'))).toEqual([]);
    expect(resultDeliveryIssues(settings(30, null))).toEqual([]);
    expect(resultDeliveryIssues(DEFAULT_SETTINGS)).toEqual([]);
  });

  it('keeps the default schedule (1, 2, 2, 4, then 8 s up to 120 s) and scales the calls with the deadline', () => {
    expect(DEFAULT_SETTINGS.jobStatusPollingTimeoutSeconds).toBe(120);
    expect(DEFAULT_POLL_SCHEDULE).toEqual({
      intervalsMs: [1_000, 2_000, 2_000, 4_000, 8_000],
      deadlineMs: 120_000,
      maxCalls: 17,
    });
    // 9 s for the first four waits, then one call per 8 s.
    expect(pollScheduleFor(600_000).maxCalls).toBe(4 + Math.floor((600_000 - 9_000) / 8_000));
    expect(pollScheduleFor(1_000).maxCalls).toBe(1);
  });
});

describe('the submitted state', () => {
  it('is done for the kiosk, but not a result from Smile ID', () => {
    expect(JOB_STATES).toContain('submitted');
    expect(DONE_STATES).toContain('submitted');
    expect(FINAL_STATES).not.toContain('submitted');
    expect(TRANSITIONS.submitted).toEqual([]);
    expect(canTransition('uploading', 'submitted')).toBe(true);
    expect(canTransition('queued', 'submitted')).toBe(true);
    expect(canTransition('awaiting_result', 'submitted')).toBe(false);
  });

  it('is reached from a confirmed upload, counts as sent today, and its photos are not kept for expiry', () => {
    const now = Date.UTC(2026, 10, 30, 12);
    const uploading = { ...newJobRecord('j-1', 'CUST-1', now - 5_000), state: 'uploading' as const };
    const progress = { everPrepared: true, uploadMayHaveLanded: true, uploadConfirmed: true };
    const { record, effect } = recordAfterSubmit(uploading, progress, now);
    expect(record).toMatchObject({
      state: 'submitted',
      attempts: 1,
      progress,
      completedAt: now,
      nextAttemptAt: null,
      result: null,
      lastError: null,
    });
    expect(effect).toEqual({ kind: 'sent' });
    expect(countJobs([record], now)).toMatchObject({ sentToday: 1, counts: { submitted: 1 } });
    // Its photos went with the confirmed upload (attempt.ts); the age sweep has nothing to do with it.
    expect(mustPurgeImages(record, now + 400 * 86_400_000, 30)).toBe(false);
  });
});
