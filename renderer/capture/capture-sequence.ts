// The SmartSelfie capture sequence as a state machine: fed one guidance per assessed camera frame, it decides
// when to take each of the 8 liveness frames and the selfie, what to tell the customer, and when to start over.
// Pure: time comes in as a number, so tests drive it with synthetic timestamps.
import type { Guidance } from './guidance';

export type CapturePrompt =
  | 'starting'
  | 'no_face'
  | 'multiple_faces'
  | 'too_far'
  | 'too_close'
  | 'off_centre'
  | 'too_dark'
  | 'hold_still'
  | 'smile'
  | 'done';

export type CaptureRequest =
  { readonly kind: 'liveness'; readonly index: number } | { readonly kind: 'selfie' };

export interface SequenceAction {
  readonly prompt: CapturePrompt;
  /** Take this frame (the one the guidance was assessed on). `index` counts liveness frames from 0. */
  readonly capture?: CaptureRequest;
  /** The frames taken so far are void: the face was lost for too long. */
  readonly restart?: boolean;
  /** The selfie has been taken; the sequence is over. */
  readonly done?: boolean;
}

export interface SequenceSettings {
  /** Smile ID asks for 8 liveness frames (the [PY] docs; [WEB] and Android enhanced take 8). */
  readonly livenessFrames: number;
  /** Least time between two captures, so the frames show movement rather than 8 copies of one moment. */
  readonly minSpacingMs: number;
  /** Least time between the last frame before the smile prompt and the first one after it: time to react. */
  readonly smileLeadMs: number;
  /** Without an 'ok' frame for longer than this, the frames taken so far are discarded. */
  readonly lostTimeoutMs: number;
  /** A problem must last this long before the prompt names it, so one noisy detection does not flicker. */
  readonly problemPromptDelayMs: number;
}

/**
 * Spacing 300 ms lies between Android enhanced (≥ 250 ms) and iOS / the enhanced web client (≥ 350 ms).
 * With the smile lead, 8 frames and the selfie take 3 × 300 + 600 + 3 × 300 + 300 = 2.7 s of good frames at
 * 10 assessed frames/s, about 3.0 s at 30/s (frames land on the first assessed frame after each gap) and
 * 3.4 s at 5/s. The 3 s lost-face reset is Android's (`SelfieViewModel.kt`).
 */
export const SEQUENCE_SETTINGS: SequenceSettings = {
  livenessFrames: 8,
  minSpacingMs: 300,
  smileLeadMs: 600,
  lostTimeoutMs: 3000,
  problemPromptDelayMs: 200,
};

export const LIVENESS_FRAMES = SEQUENCE_SETTINGS.livenessFrames;

export class CaptureSequence {
  private captured = 0;
  private selfieTaken = false;
  private lastCaptureAt: number | null = null;
  /** When the last 'ok' frame was seen since the last (re)start; null before the first one. */
  private lastOkAt: number | null = null;
  /** When the current run of non-'ok' frames began. */
  private badSince: number | null = null;
  private lastNow = Number.NEGATIVE_INFINITY;
  private currentPrompt: CapturePrompt = 'starting';

  constructor(private readonly settings: SequenceSettings = SEQUENCE_SETTINGS) {}

  get prompt(): CapturePrompt {
    return this.currentPrompt;
  }

  get livenessCaptured(): number {
    return this.captured;
  }

  get livenessTotal(): number {
    return this.settings.livenessFrames;
  }

  get done(): boolean {
    return this.selfieTaken;
  }

  /** Half-way through the liveness frames the customer is asked to smile (as [WEB] and [AND] do). */
  private get smiling(): boolean {
    return this.captured >= Math.ceil(this.settings.livenessFrames / 2);
  }

  private progressPrompt(): CapturePrompt {
    return this.smiling ? 'smile' : 'hold_still';
  }

  step(nowMs: number, guidance: Guidance): SequenceAction {
    if (this.selfieTaken) return { prompt: 'done', done: true };
    // A clock that steps back (it should not: performance.now() is monotonic) must not open a gap early.
    const now = Math.max(nowMs, this.lastNow);
    this.lastNow = now;

    if (guidance !== 'ok') return this.stepBad(now, guidance);

    this.badSince = null;
    this.lastOkAt = now;
    this.currentPrompt = this.progressPrompt();
    const request = this.nextCapture(now);
    if (request === null) return { prompt: this.currentPrompt };

    this.lastCaptureAt = now;
    if (request.kind === 'selfie') {
      this.selfieTaken = true;
      this.currentPrompt = 'done';
      return { prompt: 'done', capture: request, done: true };
    }
    this.captured += 1;
    // The prompt after this capture: asking for the smile right after frame 4 gives the lead time to react.
    this.currentPrompt = this.progressPrompt();
    return { prompt: this.currentPrompt, capture: request };
  }

  private nextCapture(now: number): CaptureRequest | null {
    const { livenessFrames, minSpacingMs, smileLeadMs } = this.settings;
    if (this.lastCaptureAt !== null) {
      const firstAfterSmilePrompt = this.captured === Math.ceil(livenessFrames / 2);
      const gap = firstAfterSmilePrompt ? Math.max(minSpacingMs, smileLeadMs) : minSpacingMs;
      if (now - this.lastCaptureAt < gap) return null;
    }
    if (this.captured < livenessFrames) return { kind: 'liveness', index: this.captured };
    return { kind: 'selfie' };
  }

  private stepBad(now: number, guidance: Exclude<Guidance, 'ok'>): SequenceAction {
    this.badSince ??= now;
    if (this.lastOkAt !== null && now - this.lastOkAt > this.settings.lostTimeoutMs) {
      // Start over: later frames would not belong to the same continuous presence in front of the camera.
      const discarded = this.captured > 0;
      this.captured = 0;
      this.lastCaptureAt = null;
      this.lastOkAt = null;
      this.currentPrompt = guidance;
      return discarded ? { prompt: guidance, restart: true } : { prompt: guidance };
    }
    if (now - this.badSince >= this.settings.problemPromptDelayMs) this.currentPrompt = guidance;
    return { prompt: this.currentPrompt };
  }
}
