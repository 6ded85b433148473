import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  HomeRecycleWatch,
  MEMORY_CHECK_INTERVAL_MS,
  type RecycleHost,
} from '../../renderer/store/home-recycle-watch';
import { RECYCLE_QUIET_MS, type RecycleScreenState } from '../../renderer/store/recycle-policy';

type ScreenState = Omit<RecycleScreenState, 'quietForMs'>;

/** A page stand-in: vitest's fake clock and timers, and state the test changes as a customer would. */
function fakePage(initial: { enrollments: number; heapMb?: number | null; hostAnswers?: boolean }) {
  const page = {
    enrollments: initial.enrollments,
    heapBytes: initial.heapMb === undefined || initial.heapMb === null ? null : initial.heapMb * 1024 * 1024,
    screen: { screen: 'home', customerFlowInProgress: false, dialogOpen: false } as ScreenState,
    hostAnswers: initial.hostAnswers ?? true,
    reloads: [] as string[],
    healthChecks: 0,
  };
  const host: RecycleHost = {
    now: () => Date.now(),
    setTimer: (callback, ms) => setTimeout(callback, ms) as unknown as number,
    clearTimer: (timer) => clearTimeout(timer as unknown as NodeJS.Timeout),
    screenState: () => page.screen,
    settings: () => ({ recycleRendererAfterEnrollments: 2, recycleRendererAboveHeapMb: 64 }),
    enrollmentsSinceLoad: () => page.enrollments,
    usedJsHeapBytes: () => page.heapBytes,
    hostAnswers: async () => {
      page.healthChecks += 1;
      return page.hostAnswers;
    },
    reload: (reason) => page.reloads.push(reason),
  };
  return { page, host };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('HomeRecycleWatch', () => {
  it('reloads once the home screen has been quiet, when enough enrollments were made', async () => {
    const { page, host } = fakePage({ enrollments: 2 });
    new HomeRecycleWatch(host);
    await vi.advanceTimersByTimeAsync(RECYCLE_QUIET_MS - 1);
    expect(page.reloads).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(page.reloads).toEqual(['enrollments']);
    // One reload only, even if the page took its time to go.
    await vi.advanceTimersByTimeAsync(MEMORY_CHECK_INTERVAL_MS * 3);
    expect(page.reloads).toEqual(['enrollments']);
  });

  it('starts the quiet time again at every touch', async () => {
    const { page, host } = fakePage({ enrollments: 2 });
    const watch = new HomeRecycleWatch(host);
    await vi.advanceTimersByTimeAsync(RECYCLE_QUIET_MS - 100);
    watch.activity();
    await vi.advanceTimersByTimeAsync(RECYCLE_QUIET_MS - 100);
    expect(page.reloads).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(page.reloads).toEqual(['enrollments']);
  });

  it('never reloads once stopped (the home screen was left)', async () => {
    const { page, host } = fakePage({ enrollments: 2 });
    const watch = new HomeRecycleWatch(host);
    await vi.advanceTimersByTimeAsync(RECYCLE_QUIET_MS / 2);
    watch.stop();
    watch.activity();
    await vi.advanceTimersByTimeAsync(MEMORY_CHECK_INTERVAL_MS * 3);
    expect(page.reloads).toEqual([]);
  });

  it('checks memory again while the kiosk waits at home', async () => {
    const { page, host } = fakePage({ enrollments: 1, heapMb: 10 });
    new HomeRecycleWatch(host);
    await vi.advanceTimersByTimeAsync(RECYCLE_QUIET_MS);
    expect(page.reloads).toEqual([]);
    page.heapBytes = 65 * 1024 * 1024;
    await vi.advanceTimersByTimeAsync(MEMORY_CHECK_INTERVAL_MS);
    expect(page.reloads).toEqual(['memory']);
  });

  it('waits for an open dialog to close', async () => {
    const { page, host } = fakePage({ enrollments: 2 });
    page.screen = { ...page.screen, dialogOpen: true };
    new HomeRecycleWatch(host);
    await vi.advanceTimersByTimeAsync(RECYCLE_QUIET_MS * 4);
    expect(page.reloads).toEqual([]);
    page.screen = { ...page.screen, dialogOpen: false };
    await vi.advanceTimersByTimeAsync(RECYCLE_QUIET_MS);
    expect(page.reloads).toEqual(['enrollments']);
  });

  it('does not reload while main does not answer, and does once it does', async () => {
    const { page, host } = fakePage({ enrollments: 2, hostAnswers: false });
    new HomeRecycleWatch(host);
    await vi.advanceTimersByTimeAsync(RECYCLE_QUIET_MS);
    expect(page.healthChecks).toBe(1);
    expect(page.reloads).toEqual([]);
    page.hostAnswers = true;
    await vi.advanceTimersByTimeAsync(MEMORY_CHECK_INTERVAL_MS);
    expect(page.reloads).toEqual(['enrollments']);
  });

  it('decides again after asking main: a customer who started meanwhile is not interrupted', async () => {
    const { page, host } = fakePage({ enrollments: 2 });
    let answer: (value: boolean) => void = () => undefined;
    host.hostAnswers = () => new Promise((resolve) => (answer = resolve));
    new HomeRecycleWatch(host);
    await vi.advanceTimersByTimeAsync(RECYCLE_QUIET_MS);
    page.screen = { ...page.screen, screen: 'userId' };
    answer(true);
    await vi.advanceTimersByTimeAsync(MEMORY_CHECK_INTERVAL_MS * 2);
    expect(page.reloads).toEqual([]);
  });

  it('does nothing before the settings are loaded', async () => {
    const { page, host } = fakePage({ enrollments: 5 });
    host.settings = () => null;
    new HomeRecycleWatch(host);
    await vi.advanceTimersByTimeAsync(MEMORY_CHECK_INTERVAL_MS * 3);
    expect(page.reloads).toEqual([]);
  });
});
