// Runs the face search (face-search.ts) on real frames: draws each planned region into a canvas of the
// detector's input size, detects, maps the boxes back to frame pixels and hands them to the search.
import type { FaceDetector } from './face-detector';
import { FACE_SEARCH_SETTINGS, FaceSearch, type FaceSearchSettings, type PassResult } from './face-search';
import { boxFromSquare } from './frame-geometry';
import { createCanvas, drawRegion } from './frame-tools';
import type { FaceBox } from './guidance';

/** Lets the caller abandon a frame mid-search (an aborted capture must not wait for a detection). */
export type Guard = <T>(work: Promise<T>) => Promise<T>;

export interface FoundFaces {
  readonly faces: FaceBox[];
  /** Detector runs this frame took (1 while searching, one per followed face while tracking, +1 sometimes). */
  readonly detectorRuns: number;
}

export class FaceFinder {
  private readonly search: FaceSearch;
  /** One detector canvas per input size, reused frame after frame. */
  private readonly views = new Map<number, HTMLCanvasElement>();

  constructor(
    private readonly detector: FaceDetector,
    settings: FaceSearchSettings = FACE_SEARCH_SETTINGS,
  ) {
    this.search = new FaceSearch(settings);
  }

  /** The faces in `frame` (frame pixels) that the search has confirmed and saw in this very frame. */
  async find(frame: HTMLCanvasElement, guard: Guard = (work) => work): Promise<FoundFaces> {
    const size = { width: frame.width, height: frame.height };
    const passes = this.search.plan(size);
    const results: PassResult[] = [];
    for (const pass of passes) {
      const view = drawRegion(frame, pass.region, pass.inputSize, this.view(pass.inputSize));
      const found = await guard(this.detector.detect(view, pass.inputSize));
      results.push({ pass, faces: found.map((box) => boxFromSquare(box, pass.region, pass.inputSize)) });
    }
    return { faces: this.search.update(size, results), detectorRuns: passes.length };
  }

  /** Forgets the faces followed so far (a new run, a retake). */
  reset(): void {
    this.search.reset();
  }

  private view(inputSize: number): HTMLCanvasElement {
    let canvas = this.views.get(inputSize);
    if (canvas === undefined) {
      canvas = createCanvas({ width: inputSize, height: inputSize });
      this.views.set(inputSize, canvas);
    }
    return canvas;
  }
}
