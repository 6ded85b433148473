import { describe, expect, it } from 'vitest';
import {
  CaptureSequence,
  LIVENESS_FRAMES,
  SEQUENCE_SETTINGS,
  type SequenceAction,
} from '../../renderer/capture/capture-sequence';
import type { Guidance } from '../../renderer/capture/guidance';

const S = SEQUENCE_SETTINGS;
const HALF = Math.ceil(LIVENESS_FRAMES / 2);

interface Step {
  readonly at: number;
  readonly guidance: Guidance;
  readonly action: SequenceAction;
}

/** Feeds `guidance` every `intervalMs` from `from` (inclusive) to `until` (exclusive), or until done. */
function feed(
  sequence: CaptureSequence,
  guidance: Guidance,
  from: number,
  until: number,
  intervalMs = 100,
  log: Step[] = [],
): Step[] {
  for (let at = from; at < until; at += intervalMs) {
    const action = sequence.step(at, guidance);
    log.push({ at, guidance, action });
    if (action.done) break;
  }
  return log;
}

const captures = (log: Step[]) => log.filter((step) => step.action.capture !== undefined);

describe('CaptureSequence', () => {
  it('starts with the "starting" prompt and nothing captured', () => {
    const sequence = new CaptureSequence();
    expect(sequence.prompt).toBe('starting');
    expect(sequence.livenessCaptured).toBe(0);
    expect(sequence.livenessTotal).toBe(8);
    expect(LIVENESS_FRAMES).toBe(8);
  });

  for (const intervalMs of [1000 / 30, 100, 200]) {
    it(`takes 8 spaced liveness frames, then the selfie, from good frames at ${Math.round(1000 / intervalMs)}/s`, () => {
      const sequence = new CaptureSequence();
      const log = feed(sequence, 'ok', 0, 10_000, intervalMs);
      const taken = captures(log);

      expect(taken.map((step) => step.action.capture)).toEqual([
        ...Array.from({ length: LIVENESS_FRAMES }, (_, index) => ({ kind: 'liveness', index })),
        { kind: 'selfie' },
      ]);
      for (let i = 1; i < taken.length; i++) {
        const gap = taken[i]!.at - taken[i - 1]!.at;
        expect(gap).toBeGreaterThanOrEqual(S.minSpacingMs);
        // The first frame after the smile prompt waits for the customer to react.
        if (i === HALF) expect(gap).toBeGreaterThanOrEqual(S.smileLeadMs);
      }
      // Spread over the sequence: about 2.5–3.5 s of good frames at usual loop rates.
      const span = taken[taken.length - 1]!.at - taken[0]!.at;
      expect(span).toBeGreaterThanOrEqual(2500);
      expect(span).toBeLessThanOrEqual(3500);

      const last = log[log.length - 1]!.action;
      expect(last).toEqual({ prompt: 'done', capture: { kind: 'selfie' }, done: true });
      expect(sequence.done).toBe(true);
      expect(sequence.step(20_000, 'ok')).toEqual({ prompt: 'done', done: true });
      expect(sequence.step(20_100, 'no_face')).toEqual({ prompt: 'done', done: true });
    });
  }

  it('asks to smile from half-way (from the 5th frame on) and holds still before', () => {
    const sequence = new CaptureSequence();
    const log = feed(sequence, 'ok', 0, 10_000);
    const fourth = log.findIndex(
      (step) => step.action.capture?.kind === 'liveness' && step.action.capture.index === HALF - 1,
    );
    expect(fourth).toBeGreaterThan(0);

    expect(log.slice(0, fourth).every((step) => step.action.prompt === 'hold_still')).toBe(true);
    // The smile prompt appears with the 4th capture, so it is on screen before the 5th is taken.
    const beforeSelfie = log.slice(fourth, -1);
    expect(beforeSelfie.every((step) => step.action.prompt === 'smile')).toBe(true);
    const fifth = log.find(
      (step) => step.action.capture?.kind === 'liveness' && step.action.capture.index === HALF,
    );
    expect(fifth!.action.prompt).toBe('smile');
  });

  it('pauses on bad frames and names the problem once it has lasted', () => {
    const sequence = new CaptureSequence();
    const log = feed(sequence, 'ok', 0, 700); // captures at 0, 300, 600
    expect(captures(log)).toHaveLength(3);

    const bad = feed(sequence, 'too_far', 700, 2000);
    expect(captures(bad)).toHaveLength(0);
    // A blip shorter than the delay keeps the current prompt, so one noisy detection does not flicker.
    expect(
      bad
        .filter((step) => step.at - 700 < S.problemPromptDelayMs)
        .every((s) => s.action.prompt === 'hold_still'),
    ).toBe(true);
    expect(
      bad
        .filter((step) => step.at - 700 >= S.problemPromptDelayMs)
        .every((s) => s.action.prompt === 'too_far'),
    ).toBe(true);
    expect(sequence.livenessCaptured).toBe(3);

    // Back to good: the next frame is taken at once (the spacing has long passed) and counting goes on;
    // with the 4th frame taken, half-way is reached and the prompt turns to the smile.
    expect(sequence.step(2000, 'ok')).toEqual({ prompt: 'smile', capture: { kind: 'liveness', index: 3 } });
  });

  for (const problem of [
    'no_face',
    'multiple_faces',
    'too_dark',
    'too_far',
    'too_close',
    'off_centre',
  ] as const) {
    it(`prompts "${problem}" while that guidance persists`, () => {
      const sequence = new CaptureSequence();
      sequence.step(0, problem);
      const action = sequence.step(S.problemPromptDelayMs, problem);
      expect(action).toEqual({ prompt: problem });
      expect(sequence.prompt).toBe(problem);
    });
  }

  it('keeps the progress prompt through a single bad frame between good ones', () => {
    const sequence = new CaptureSequence();
    feed(sequence, 'ok', 0, 200);
    expect(sequence.step(200, 'off_centre').prompt).toBe('hold_still');
    expect(sequence.step(300, 'ok').prompt).toBe('hold_still');
  });

  it('starts over when no good frame comes for more than 3 s', () => {
    const sequence = new CaptureSequence();
    feed(sequence, 'ok', 0, 1000); // last ok at 900, captures at 0, 300, 600, 900
    expect(sequence.livenessCaptured).toBe(4);

    const lost = feed(sequence, 'no_face', 1000, 900 + S.lostTimeoutMs + 1);
    expect(lost.some((step) => step.action.restart)).toBe(false);
    const restart = sequence.step(900 + S.lostTimeoutMs + 1, 'no_face');
    expect(restart).toEqual({ prompt: 'no_face', restart: true });
    expect(sequence.livenessCaptured).toBe(0);

    // Restarts once, then counts again from frame 0 as soon as the face is back.
    expect(sequence.step(5000, 'no_face').restart).toBeUndefined();
    expect(sequence.step(5100, 'ok')).toEqual({
      prompt: 'hold_still',
      capture: { kind: 'liveness', index: 0 },
    });
  });

  it('does not start over after exactly 3 s without a good frame', () => {
    const sequence = new CaptureSequence();
    feed(sequence, 'ok', 0, 700); // last ok at 600
    sequence.step(700, 'no_face');
    const atLimit = sequence.step(600 + S.lostTimeoutMs, 'no_face');
    expect(atLimit.restart).toBeUndefined();
    expect(sequence.livenessCaptured).toBe(3);
    expect(sequence.step(600 + S.lostTimeoutMs + 1, 'ok').capture).toEqual({ kind: 'liveness', index: 3 });
  });

  it('has nothing to restart when no frame was ever taken', () => {
    const sequence = new CaptureSequence();
    const log = feed(sequence, 'no_face', 0, 10_000);
    expect(log.some((step) => step.action.restart)).toBe(false);
    expect(sequence.prompt).toBe('no_face');
  });

  it('does not take the selfie on a bad frame', () => {
    const sequence = new CaptureSequence();
    const log = feed(sequence, 'ok', 0, 10_000);
    const eighth = log.find(
      (step) => step.action.capture?.kind === 'liveness' && step.action.capture.index === 7,
    )!;

    const again = new CaptureSequence();
    feed(again, 'ok', 0, eighth.at + 1);
    expect(again.livenessCaptured).toBe(8);
    const bad = feed(again, 'multiple_faces', eighth.at + 100, eighth.at + 2000);
    expect(captures(bad)).toHaveLength(0);
    expect(again.done).toBe(false);
    expect(again.step(eighth.at + 2000, 'ok')).toEqual({
      prompt: 'done',
      capture: { kind: 'selfie' },
      done: true,
    });
  });

  it('ignores a clock that steps backwards instead of opening a gap early', () => {
    const sequence = new CaptureSequence();
    sequence.step(1000, 'ok');
    expect(sequence.step(500, 'ok').capture).toBeUndefined();
    expect(sequence.step(1299, 'ok').capture).toBeUndefined();
    expect(sequence.step(1300, 'ok').capture).toEqual({ kind: 'liveness', index: 1 });
  });
});
