// One guided SmartSelfie capture, for the UI: opens the camera and the face detector, runs the guidance loop
// (one frame, one search, one assessment at a time) and hands back the 8 liveness JPEGs and the selfie.
//
// Each loop turn freezes the newest video frame into a canvas first (frame-analyzer.ts); detection, light
// and — when the sequence asks for it — the stored JPEG all come from that frozen frame. So a photo is always
// exactly the picture that was judged 'ok', however long detection took.
import type { CameraSettings } from '../../app/settings';
import { type CameraHandle, DEFAULT_CAMERA, openCamera } from './camera';
import {
  type CapturePrompt,
  CaptureSequence,
  SEQUENCE_SETTINGS,
  type SequenceSettings,
} from './capture-sequence';
import { type DetectorSettings, type FaceDetector, loadFaceDetector } from './face-detector';
import type { FaceSearchSettings } from './face-search';
import { FrameAnalyzer, PROCESSING_LONG_SIDE } from './frame-analyzer';
import { JPEG_QUALITY, canvasToJpeg, drawScaled } from './frame-tools';
import type { Guidance, GuidanceThresholds } from './guidance';
import { RateMeter } from './rate-meter';
import { VideoFrameClock } from './video-frame-clock';

export { CAMERA_PROBLEM_ADVICE, CameraError, type CameraProblem } from './camera';
export { FaceDetectorError } from './face-detector';
export type { CapturePrompt } from './capture-sequence';

/** Long sides of the stored images, as Smile ID's own clients produce them (docs/smileid-protocol.md §6.2). */
export const IMAGE_LONG_SIDES = { liveness: 320, selfie: PROCESSING_LONG_SIDE } as const;

/** No selfie within the run's time limit (settings.captureTimeoutSeconds): the customer needs the operator. */
export class CaptureTimeoutError extends Error {
  override readonly name = 'CaptureTimeoutError';
}

export interface CaptureResult {
  selfie: Uint8Array;
  liveness: Uint8Array[];
}

export interface CaptureProgress {
  prompt: CapturePrompt;
  livenessCaptured: number;
  livenessTotal: number;
  /** Guidance frames assessed per second (each with its own detection), over the last 2 s. */
  fps: number;
  /** What the frame just assessed showed; null before the first one. */
  guidance: Guidance | null;
  /** Set on the turn a photo was taken, for a flash or a shutter sound. */
  captured?: 'liveness' | 'selfie';
  /** Set on the turn the photos so far were discarded (face lost too long). */
  restarted?: boolean;
}

export interface CaptureSessionOptions {
  /** Which camera, at which resolution (settings.camera); the default camera at 1280×720 if not given. */
  camera?: CameraSettings;
  /** Where the face model is served; defaults to the app's own ./models. */
  modelUrl?: string;
  detector?: Partial<DetectorSettings>;
  search?: FaceSearchSettings;
  thresholds?: GuidanceThresholds;
  sequence?: SequenceSettings;
  jpegQuality?: number;
}

export interface RunOptions {
  signal?: AbortSignal;
  /** The run rejects with CaptureTimeoutError if no selfie has been taken this long after it started. */
  timeoutMs?: number;
}

function abortError(message: string): DOMException {
  return new DOMException(message, 'AbortError');
}

/** Everything that ends a run early (abort, camera lost, close), as one promise to race each wait against. */
class Interruption {
  readonly promise: Promise<never>;
  private readonly rejectPromise: (reason: unknown) => void;
  private reason: unknown = undefined;
  private interrupted = false;

  constructor() {
    let reject: (reason: unknown) => void = () => undefined;
    this.promise = new Promise<never>((_, rejectWith) => {
      reject = rejectWith;
    });
    this.rejectPromise = reject;
    this.promise.catch(() => undefined); // observed through race() and check(); never unhandled
  }

  interrupt(reason: unknown): void {
    if (this.interrupted) return;
    this.interrupted = true;
    this.reason = reason;
    this.rejectPromise(reason);
  }

  check(): void {
    if (this.interrupted) throw this.reason;
  }

  race<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.promise]);
  }
}

export class CaptureSession {
  private readonly meter = new RateMeter();
  private readonly clock: VideoFrameClock;
  private readonly analyzer: FrameAnalyzer;
  private current: Interruption | null = null;
  private closed = false;

  private constructor(
    private readonly video: HTMLVideoElement,
    private readonly camera: CameraHandle,
    private readonly detector: FaceDetector,
    private readonly options: CaptureSessionOptions,
  ) {
    this.clock = new VideoFrameClock(video);
    this.analyzer = new FrameAnalyzer(detector, {
      longSide: IMAGE_LONG_SIDES.selfie,
      ...(options.search ? { search: options.search } : {}),
      ...(options.thresholds ? { thresholds: options.thresholds } : {}),
    });
  }

  /**
   * Starts the camera and the detector together. Throws CameraError for camera problems (checked first, as
   * they are the ones a customer or the staff can fix), FaceDetectorError if the model cannot run.
   */
  static async open(video: HTMLVideoElement, options: CaptureSessionOptions = {}): Promise<CaptureSession> {
    const detector = loadFaceDetector(options.modelUrl, options.detector);
    detector.catch(() => undefined); // reported below, after the camera's own outcome
    const camera = await openCamera(video, options.camera ?? DEFAULT_CAMERA);
    try {
      return new CaptureSession(video, camera, await detector, options);
    } catch (error) {
      camera.stop();
      throw error;
    }
  }

  /** Guidance frames per second actually assessed, over the last 2 s (0 before two frames). */
  get loopRate(): number {
    return this.meter.rate;
  }

  /** The tfjs backend the detector runs on ('wasm', 'webgl' or 'cpu'), for logs and the e2e report. */
  get backend(): string {
    return this.detector.backend;
  }

  /** The picture size the camera actually delivers (it may differ from the resolution asked for). */
  get cameraSize(): { width: number; height: number } {
    return { width: this.video.videoWidth, height: this.video.videoHeight };
  }

  onCameraLost(callback: () => void): () => void {
    return this.camera.onLost(() => callback());
  }

  /**
   * Runs the guidance loop until the selfie is taken. Rejects with CameraError('unplugged') if the camera
   * goes away, with CaptureTimeoutError when `timeoutMs` passes first, with the signal's reason on abort,
   * with an AbortError after close(). May be called again (a retake, Try again) once the previous run has
   * settled; each run starts its search afresh.
   */
  async run(
    onProgress: (progress: CaptureProgress) => void,
    { signal, timeoutMs }: RunOptions = {},
  ): Promise<CaptureResult> {
    if (this.closed) throw abortError('The capture session is closed');
    if (this.current !== null) throw new Error('A capture is already running');
    signal?.throwIfAborted();

    const interruption = new Interruption();
    const onAbort = () => interruption.interrupt(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    // Also replays a loss that happened between runs, so a retake on a dead camera fails at once.
    const unsubscribe = this.camera.onLost((error) => interruption.interrupt(error));
    // A timer, not a check in the loop: it must fire even if no frame ever arrives.
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(
            () => interruption.interrupt(new CaptureTimeoutError(`No capture within ${timeoutMs} ms`)),
            timeoutMs,
          );
    this.current = interruption;
    this.meter.reset();
    this.analyzer.reset();
    try {
      return await this.loop(onProgress, interruption);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      unsubscribe();
      this.current = null;
    }
  }

  private async loop(
    onProgress: (progress: CaptureProgress) => void,
    interruption: Interruption,
  ): Promise<CaptureResult> {
    const sequence = new CaptureSequence(this.options.sequence ?? SEQUENCE_SETTINGS);
    const quality = this.options.jpegQuality ?? JPEG_QUALITY;
    const guard = <T>(work: Promise<T>) => interruption.race(work);
    let liveness: Promise<Uint8Array>[] = [];
    let selfie: Promise<Uint8Array> | null = null;
    let seenFrame = -1;

    const report = (guidance: Guidance | null, extra: Pick<CaptureProgress, 'captured' | 'restarted'> = {}) =>
      onProgress({
        prompt: sequence.prompt,
        livenessCaptured: sequence.livenessCaptured,
        livenessTotal: sequence.livenessTotal,
        fps: this.meter.rate,
        guidance,
        ...extra,
      });

    report(null);
    while (selfie === null) {
      await interruption.race(this.clock.next(seenFrame));
      interruption.check();
      seenFrame = this.clock.current;
      if (this.video.videoWidth === 0 || this.video.videoHeight === 0) continue; // no picture yet

      // The analyzer freezes the frame first; everything below works on the frozen copy.
      const frameTime = performance.now();
      const { frame, guidance } = await this.analyzer.analyze(this.video, guard);
      interruption.check();

      const action = sequence.step(frameTime, guidance);
      if (action.restart) liveness = [];
      let captured: CaptureProgress['captured'];
      if (action.capture?.kind === 'liveness') {
        // Drawn now (synchronously) from the frozen frame, encoded in the background.
        const encoding = canvasToJpeg(drawScaled(frame, IMAGE_LONG_SIDES.liveness), quality);
        // Observed only at the end: keep an early failure (or one of a discarded set) from going unhandled.
        encoding.catch(() => undefined);
        liveness[action.capture.index] = encoding;
        captured = 'liveness';
      } else if (action.capture?.kind === 'selfie') {
        selfie = canvasToJpeg(drawScaled(frame, IMAGE_LONG_SIDES.selfie), quality);
        captured = 'selfie';
      }
      this.meter.tick(performance.now());
      const extra: Pick<CaptureProgress, 'captured' | 'restarted'> = {};
      if (captured !== undefined) extra.captured = captured;
      if (action.restart === true) extra.restarted = true;
      report(guidance, extra);
    }

    const [selfieBytes, ...livenessBytes] = await interruption.race(Promise.all([selfie, ...liveness]));
    return { selfie: selfieBytes, liveness: livenessBytes };
  }

  /** Stops the camera (and any run, which rejects with an AbortError). Safe to call more than once. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.current?.interrupt(abortError('The capture session was closed'));
    this.clock.dispose();
    this.camera.stop();
  }
}
