// Paces the guidance loop by the camera: each loop turn works on a video frame it has not seen yet, so a fast
// detector does not assess the same picture twice (and inflate the measured rate), and a slow one never waits.
// Uses requestVideoFrameCallback (Chromium ≥ 83, so every Electron we ship); without it, animation frames.

/**
 * rVFC only fires for a video that is being painted. If it goes quiet (hidden preview, stalled camera), the
 * loop goes on at this pace rather than stopping; a dead camera is reported by the track's 'ended' event.
 */
const STALL_FALLBACK_MS = 250;

export class VideoFrameClock {
  private frames = 0;
  private waiters: (() => void)[] = [];
  private handle: number | null = null;
  private disposed = false;
  private readonly videoFrames: boolean;

  constructor(private readonly video: HTMLVideoElement) {
    this.videoFrames = typeof video.requestVideoFrameCallback === 'function';
    if (this.videoFrames) this.listen();
  }

  private listen(): void {
    this.handle = this.video.requestVideoFrameCallback(() => {
      this.handle = null;
      this.frames += 1;
      this.wake();
      if (!this.disposed) this.listen();
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Number of frames presented so far; pass it back to `next` to wait for a newer one. */
  get current(): number {
    return this.frames;
  }

  /** Resolves when a frame newer than `seen` has been presented (at once if one already has). */
  next(seen: number): Promise<void> {
    if (this.disposed || (this.videoFrames && this.frames > seen)) return Promise.resolve();
    return new Promise((resolve) => {
      let animation: number | null = null;
      const finish = () => {
        clearTimeout(timer);
        if (animation !== null) cancelAnimationFrame(animation);
        this.waiters = this.waiters.filter((waiter) => waiter !== finish);
        resolve();
      };
      const timer = setTimeout(finish, STALL_FALLBACK_MS);
      if (this.videoFrames) this.waiters.push(finish);
      else animation = requestAnimationFrame(finish);
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.handle !== null) this.video.cancelVideoFrameCallback(this.handle);
    this.handle = null;
    this.wake();
  }
}
