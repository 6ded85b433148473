import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../app/settings';
import {
  decideRecycle,
  RECYCLE_QUIET_MS,
  type RecycleScreenState,
  type RecycleSettings,
} from '../../renderer/store/recycle-policy';
import type { Screen } from '../../renderer/store/kiosk-store';

const MB = 1024 * 1024;
const SETTINGS: RecycleSettings = { recycleRendererAfterEnrollments: 3, recycleRendererAboveHeapMb: 100 };
const IDLE_AT_HOME: RecycleScreenState = {
  screen: 'home',
  customerFlowInProgress: false,
  dialogOpen: false,
  quietForMs: RECYCLE_QUIET_MS,
};
const LOW_HEAP = { usedJsHeapBytes: 10 * MB };

describe('decideRecycle', () => {
  it('has defaults that recycle every 200 enrollments or above 256 MB of JS heap', () => {
    expect(DEFAULT_SETTINGS.recycleRendererAfterEnrollments).toBe(200);
    expect(DEFAULT_SETTINGS.recycleRendererAboveHeapMb).toBe(256);
  });

  it('recycles at home once the enrollment count reaches the setting, not before', () => {
    expect(decideRecycle(IDLE_AT_HOME, { enrollmentsSinceLoad: 2 }, LOW_HEAP, SETTINGS)).toEqual({
      recycle: false,
      reason: 'not_due',
    });
    expect(decideRecycle(IDLE_AT_HOME, { enrollmentsSinceLoad: 3 }, LOW_HEAP, SETTINGS)).toEqual({
      recycle: true,
      reason: 'enrollments',
    });
    // Missed the exact count (the kiosk was busy when it was reached): still due.
    expect(decideRecycle(IDLE_AT_HOME, { enrollmentsSinceLoad: 7 }, LOW_HEAP, SETTINGS).recycle).toBe(true);
  });

  it('recycles when the JS heap is above the limit, after at least one enrollment', () => {
    const over = { usedJsHeapBytes: 100 * MB + 1 };
    expect(decideRecycle(IDLE_AT_HOME, { enrollmentsSinceLoad: 1 }, over, SETTINGS)).toEqual({
      recycle: true,
      reason: 'memory',
    });
    expect(
      decideRecycle(IDLE_AT_HOME, { enrollmentsSinceLoad: 1 }, { usedJsHeapBytes: 100 * MB }, SETTINGS),
    ).toEqual({ recycle: false, reason: 'not_due' });
  });

  it('never recycles for memory straight after a load, so a limit below the resting heap cannot loop', () => {
    const over = { usedJsHeapBytes: 900 * MB };
    expect(decideRecycle(IDLE_AT_HOME, { enrollmentsSinceLoad: 0 }, over, SETTINGS)).toEqual({
      recycle: false,
      reason: 'not_due',
    });
  });

  it('treats an unknown heap size as under the limit', () => {
    expect(
      decideRecycle(IDLE_AT_HOME, { enrollmentsSinceLoad: 2 }, { usedJsHeapBytes: null }, SETTINGS),
    ).toEqual({ recycle: false, reason: 'not_due' });
    expect(
      decideRecycle(IDLE_AT_HOME, { enrollmentsSinceLoad: 3 }, { usedJsHeapBytes: null }, SETTINGS).recycle,
    ).toBe(true);
  });

  const everyOtherScreen: Screen[] = [
    'loading',
    'setup',
    'userId',
    'consent',
    'capture',
    'review',
    'result',
    'operator',
    'cameraProblem',
  ];
  it.each(everyOtherScreen)('never recycles on the %s screen, however due', (screen) => {
    const due = { enrollmentsSinceLoad: 50 };
    const over = { usedJsHeapBytes: 900 * MB };
    expect(decideRecycle({ ...IDLE_AT_HOME, screen }, due, over, SETTINGS)).toEqual({
      recycle: false,
      reason: 'in_use',
    });
  });

  it('never recycles at home with a dialog open or a customer flow still held', () => {
    const due = { enrollmentsSinceLoad: 50 };
    expect(decideRecycle({ ...IDLE_AT_HOME, dialogOpen: true }, due, LOW_HEAP, SETTINGS)).toEqual({
      recycle: false,
      reason: 'in_use',
    });
    expect(decideRecycle({ ...IDLE_AT_HOME, customerFlowInProgress: true }, due, LOW_HEAP, SETTINGS)).toEqual(
      { recycle: false, reason: 'in_use' },
    );
  });

  it('waits until the home screen has been left alone for the quiet time', () => {
    const due = { enrollmentsSinceLoad: 3 };
    expect(
      decideRecycle({ ...IDLE_AT_HOME, quietForMs: RECYCLE_QUIET_MS - 1 }, due, LOW_HEAP, SETTINGS),
    ).toEqual({ recycle: false, reason: 'settling' });
  });
});
