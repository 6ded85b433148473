// One camera frame → one piece of guidance: freeze the frame at the processing size, find the faces, measure
// the light on the main one, assess. Shared by the capture loop (capture-session.ts) and the detection
// benchmark (test/bench/detection.ts), so the benchmark measures exactly what the customer gets.
//
// Whatever the camera's resolution (settings.camera.resolution: up to 1920×1080), everything works on the
// frozen copy at PROCESSING_LONG_SIDE: detection, light and the stored photos. A 1080p camera therefore costs
// one downscaling draw per frame and not one detector pixel more than a 640×480 one.
import type { FaceDetector } from './face-detector';
import { FaceFinder, type Guard } from './face-finder';
import { FACE_SEARCH_SETTINGS, type FaceSearchSettings } from './face-search';
import { centreSquare, faceLightRegion, rectOfSquare } from './frame-geometry';
import { type FrameSource, createCanvas, drawScaled, meanLuma } from './frame-tools';
import {
  type FaceBox,
  GUIDANCE_THRESHOLDS,
  type Guidance,
  type GuidanceThresholds,
  assessFrame,
  mainFace,
} from './guidance';

/** The selfie's long side (docs/smileid-protocol.md §6.2): the frozen frame is the selfie, unscaled. */
export const PROCESSING_LONG_SIDE = 640;

export interface FrameAnalysis {
  /** The frozen frame everything was judged on (reused: copy out of it before the next analysis). */
  readonly frame: HTMLCanvasElement;
  readonly faces: readonly FaceBox[];
  readonly faceLuma: number | null;
  readonly sceneLuma: number | null;
  readonly guidance: Guidance;
  readonly detectorRuns: number;
}

export interface FrameAnalyzerOptions {
  readonly search?: FaceSearchSettings;
  readonly thresholds?: GuidanceThresholds;
  readonly longSide?: number;
}

export class FrameAnalyzer {
  private readonly finder: FaceFinder;
  private readonly frame = createCanvas({ width: 1, height: 1 });
  private readonly thresholds: GuidanceThresholds;
  private readonly longSide: number;

  constructor(detector: FaceDetector, options: FrameAnalyzerOptions = {}) {
    this.finder = new FaceFinder(detector, options.search ?? FACE_SEARCH_SETTINGS);
    this.thresholds = options.thresholds ?? GUIDANCE_THRESHOLDS;
    this.longSide = options.longSide ?? PROCESSING_LONG_SIDE;
  }

  async analyze(source: FrameSource, guard?: Guard): Promise<FrameAnalysis> {
    // Freeze first: a later video frame must never leak into what is judged or stored.
    const frame = drawScaled(source, this.longSide, this.frame);
    const { faces, detectorRuns } = await this.finder.find(frame, guard);
    const main = mainFace(faces);
    const light = main === undefined ? null : faceLightRegion(main, frame);
    const faceLuma = light === null ? null : meanLuma(frame, light);
    // The scene's light is read only when no face was found (then the dark may be why).
    const sceneLuma = main === undefined ? meanLuma(frame, rectOfSquare(centreSquare(frame))) : null;
    const guidance = assessFrame(
      { faces, frameWidth: frame.width, frameHeight: frame.height, faceLuma, sceneLuma },
      this.thresholds,
    );
    return { frame, faces, faceLuma, sceneLuma, guidance, detectorRuns };
  }

  /** A new run: faces followed in an earlier one are forgotten. */
  reset(): void {
    this.finder.reset();
  }
}
