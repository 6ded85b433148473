// The face search and tracker (renderer/capture/face-search.ts), driven by a model of the tiny face detector:
// it finds a face when the face lies wholly inside the pass's region and is 48 px or more (and at most 95 %)
// of the detector's input — what was measured on the fixtures (0/20 at 32 px, 17/20 at 40 px, 20/20 from
// 48 px). No DOM, no clock, no randomness: each test is a scripted sequence of frames.
import { describe, expect, it } from 'vitest';
import {
  FACE_SEARCH_SETTINGS,
  FaceSearch,
  type PassResult,
  type SearchPass,
  acquisitionPasses,
  tileStarts,
} from '../../renderer/capture/face-search';
import { intersectionOverUnion, type Size } from '../../renderer/capture/frame-geometry';
import type { FaceBox } from '../../renderer/capture/guidance';

const S = FACE_SEARCH_SETTINGS;
const FRAME: Size = { width: 640, height: 480 };
const WIDE: Size = { width: 640, height: 360 };
const SMALLEST_SEEN_PX = 48;

/** A face `share` of the frame width wide (box 0.9 as tall), centred at (cx, cy) in frame pixels. */
function face(share: number, cx: number, cy: number, frame: Size = FRAME): FaceBox {
  const width = share * frame.width;
  const height = width * 0.9;
  return { x: cx - width / 2, y: cy - height / 2, width, height, score: 0.85 };
}

function inputPixels(box: FaceBox, pass: SearchPass): number {
  return (box.width * pass.inputSize) / pass.region.size;
}

function inside(box: FaceBox, pass: SearchPass): boolean {
  const { x, y, size } = pass.region;
  return box.x >= x && box.y >= y && box.x + box.width <= x + size && box.y + box.height <= y + size;
}

/** The detector model: what one pass finds of the faces really in the frame. */
function detect(pass: SearchPass, truth: readonly FaceBox[]): FaceBox[] {
  return truth.filter((box) => {
    const pixels = inputPixels(box, pass);
    return inside(box, pass) && pixels >= SMALLEST_SEEN_PX && pixels <= 0.95 * pass.inputSize;
  });
}

/** One frame: plan, detect (the model, plus any extra detections per pass), update. */
function frame(
  search: FaceSearch,
  truth: readonly FaceBox[],
  size: Size = FRAME,
  extra: (pass: SearchPass) => FaceBox[] = () => [],
): { passes: SearchPass[]; reported: FaceBox[] } {
  const passes = search.plan(size);
  const results: PassResult[] = passes.map((pass) => ({
    pass,
    faces: [...detect(pass, truth), ...extra(pass)],
  }));
  return { passes, reported: search.update(size, results) };
}

function matches(reported: readonly FaceBox[], truth: FaceBox): boolean {
  return reported.some((box) => intersectionOverUnion(box, truth) > 0.5);
}

/** Frames until the face is first reported (null: not within `limit`). */
function framesToReport(search: FaceSearch, truth: FaceBox, size: Size = FRAME, limit = 20): number | null {
  for (let index = 1; index <= limit; index++) {
    if (matches(frame(search, [truth], size).reported, truth)) return index;
  }
  return null;
}

describe('tileStarts', () => {
  it('centres a tile longer than the axis (the rest is padding)', () => {
    expect(tileStarts(360, 400, 100)).toEqual([-20]);
  });

  it('spreads tiles evenly from edge to edge with at least the requested overlap', () => {
    const starts = tileStarts(640, 340, 170);
    expect(starts[0]).toBe(0);
    expect(starts.at(-1)).toBe(300);
    for (let index = 1; index < starts.length; index++) {
      expect(starts[index - 1]! + 340 - starts[index]!).toBeGreaterThanOrEqual(170);
    }
  });
});

describe('acquisitionPasses', () => {
  it('starts with the whole frame, then tiles from the centre outwards', () => {
    const passes = acquisitionPasses(FRAME);
    expect(passes[0]).toEqual({
      kind: 'whole',
      region: { x: 0, y: -80, size: 640 },
      inputSize: S.wholeFrameInput,
    });
    const tiles = passes.slice(1);
    expect(tiles.length).toBeGreaterThanOrEqual(2);
    expect(tiles.every((pass) => pass.kind === 'tile' && pass.inputSize === S.tileInput)).toBe(true);
    const distance = (pass: SearchPass) =>
      Math.hypot(pass.region.x + pass.region.size / 2 - 320, pass.region.y + pass.region.size / 2 - 240);
    const distances = tiles.map(distance);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
  });

  // The search's promise, checked on a grid of positions: every face from 10 % to 70 % of the frame width
  // that fits in the frame is, in some pass of one cycle, whole and large enough for the detector to see.
  for (const size of [FRAME, WIDE]) {
    it(`sees every face 10–70 % wide anywhere in a ${size.width}×${size.height} frame within one cycle`, () => {
      const passes = acquisitionPasses(size);
      const unseen: string[] = [];
      for (let share = 0.1; share <= 0.7001; share += 0.02) {
        const probe = face(share, 0, 0, size);
        if (probe.height > size.height) continue;
        for (let fx = 0; fx <= 1; fx += 0.1) {
          for (let fy = 0; fy <= 1; fy += 0.1) {
            const cx = probe.width / 2 + fx * (size.width - probe.width);
            const cy = probe.height / 2 + fy * (size.height - probe.height);
            const truth = face(share, cx, cy, size);
            if (!passes.some((pass) => detect(pass, [truth]).length > 0)) {
              unseen.push(`${share.toFixed(2)} at (${cx.toFixed(0)}, ${cy.toFixed(0)})`);
            }
          }
        }
      }
      expect(unseen).toEqual([]);
    });
  }
});

describe('FaceSearch while searching', () => {
  it('runs one pass per frame, cycling through the whole frame and every tile', () => {
    const search = new FaceSearch();
    const cycle = acquisitionPasses(FRAME);
    const seen: SearchPass[] = [];
    for (let index = 0; index < cycle.length * 2; index++) {
      const { passes, reported } = frame(search, []);
      expect(passes).toHaveLength(1);
      expect(reported).toEqual([]);
      seen.push(passes[0]!);
    }
    expect(seen).toEqual([...cycle, ...cycle]);
  });

  it('plan() alone changes nothing: the same passes until update() is called', () => {
    const search = new FaceSearch();
    expect(search.plan(FRAME)).toEqual(search.plan(FRAME));
  });

  it('reports a face only once a second, independent pass has found it again', () => {
    const search = new FaceSearch();
    const truth = face(0.35, 320, 240);
    const first = frame(search, [truth]);
    expect(first.passes[0]!.kind).toBe('whole');
    expect(first.reported).toEqual([]); // found, not yet confirmed
    const second = frame(search, [truth]);
    expect(second.passes.map((pass) => pass.kind)).toEqual(['track']);
    expect(matches(second.reported, truth)).toBe(true);
  });

  it('finds a small face in a corner within one search cycle plus its confirmation', () => {
    const cycle = acquisitionPasses(FRAME).length;
    for (const [cx, cy] of [
      [50, 50],
      [590, 50],
      [50, 430],
      [590, 430],
      [320, 240],
    ] as const) {
      const search = new FaceSearch();
      const found = framesToReport(search, face(0.11, cx, cy));
      expect(found, `face at (${cx}, ${cy})`).not.toBeNull();
      expect(found!).toBeLessThanOrEqual(cycle + 1);
    }
  });

  it('never reports what a single pass found once (a false positive)', () => {
    const search = new FaceSearch();
    const ghost = face(0.2, 200, 200);
    let passes = 0;
    for (let index = 0; index < 40; index++) {
      // The ghost shows up in every search pass that could see it, but never in a second look at it.
      const { reported } = frame(search, [], FRAME, (pass) =>
        pass.kind === 'track' ? [] : detect(pass, [ghost]),
      );
      passes += 1;
      expect(reported).toEqual([]);
    }
    expect(passes).toBe(40);
  });

  it('ignores detections below the score threshold or too small for the detector to mean', () => {
    const search = new FaceSearch();
    const weak = { ...face(0.3, 320, 240), score: S.minScore - 0.01 };
    const tiny = face(0.3, 320, 240);
    for (let index = 0; index < 10; index++) {
      const { reported } = frame(search, [], FRAME, (pass) => {
        if (pass.kind === 'whole') return [weak];
        // 20 px in a tile's input: below minInputPixels.
        const pixels = (20 * pass.region.size) / pass.inputSize;
        return [{ ...tiny, width: pixels, height: pixels }];
      });
      expect(reported).toEqual([]);
    }
    expect(search.tracking).toBe(false);
  });
});

describe('FaceSearch while tracking', () => {
  it('follows the face with a crop centred on it, the face at trackFaceShare of a trackInput² input', () => {
    const search = new FaceSearch();
    const truth = face(0.15, 150, 120);
    expect(framesToReport(search, truth)).not.toBeNull();
    const [pass] = search.plan(FRAME);
    expect(pass!.kind).toBe('track');
    expect(pass!.inputSize).toBe(S.trackInput);
    expect(pass!.region.x + pass!.region.size / 2).toBeCloseTo(truth.x + truth.width / 2, 6);
    expect(pass!.region.y + pass!.region.size / 2).toBeCloseTo(truth.y + truth.height / 2, 6);
    expect(truth.width / pass!.region.size).toBeCloseTo(S.trackFaceShare, 6);
  });

  it('keeps a person who walks in from the side and comes closer, reporting them on every frame', () => {
    const search = new FaceSearch();
    const steps = 40;
    const path = Array.from({ length: steps }, (_, index) => {
      const t = index / (steps - 1);
      return face(0.1 + 0.28 * t, 60 + (320 - 60) * t, 240);
    });
    const firstSeen = framesToReport(search, path[0]!);
    expect(firstSeen).not.toBeNull();
    for (const truth of path) expect(matches(frame(search, [truth]).reported, truth)).toBe(true);
  });

  it('searches the whole frame again every discoverEvery frames, and so sees a second person walk in', () => {
    const search = new FaceSearch();
    const first = face(0.3, 220, 240);
    expect(framesToReport(search, first)).not.toBeNull();
    const kinds: string[][] = [];
    for (let index = 0; index < S.discoverEvery; index++) {
      kinds.push(frame(search, [first]).passes.map((pass) => pass.kind));
    }
    expect(kinds.filter((passes) => passes.includes('whole'))).toHaveLength(1);

    const second = face(0.25, 500, 240);
    let both = false;
    for (let index = 0; index < S.discoverEvery * 2 && !both; index++) {
      const { reported } = frame(search, [first, second]);
      both = reported.length === 2 && matches(reported, first) && matches(reported, second);
    }
    expect(both).toBe(true);
  });

  it('reports one face when overlapping passes find it twice', () => {
    const search = new FaceSearch();
    const truth = face(0.4, 320, 240);
    expect(framesToReport(search, truth)).not.toBeNull();
    for (let index = 0; index < S.discoverEvery * 2; index++) {
      expect(frame(search, [truth]).reported).toHaveLength(1);
    }
  });

  it('reports nothing on a frame the face was not seen in, widens the crop, then starts over', () => {
    const search = new FaceSearch();
    const truth = face(0.3, 320, 240);
    expect(framesToReport(search, truth)).not.toBeNull();
    const before = search.plan(FRAME)[0]!.region.size;
    const missed = frame(search, []);
    expect(missed.reported).toEqual([]);
    expect(search.plan(FRAME)[0]!.region.size).toBeCloseTo(before * S.trackGrowthPerMiss, 6);
    for (let index = 1; index < S.maxMisses; index++) frame(search, []);
    expect(search.tracking).toBe(true);
    frame(search, []);
    expect(search.tracking).toBe(false);
    expect(search.plan(FRAME)[0]!.kind).toBe('whole');
  });

  it('a face seen again within maxMisses frames is reported again at once, without a new confirmation', () => {
    const search = new FaceSearch();
    const truth = face(0.3, 320, 240);
    expect(framesToReport(search, truth)).not.toBeNull();
    frame(search, []);
    expect(matches(frame(search, [truth]).reported, truth)).toBe(true);
  });

  it('reset() forgets every face', () => {
    const search = new FaceSearch();
    expect(framesToReport(search, face(0.3, 320, 240))).not.toBeNull();
    search.reset();
    expect(search.tracking).toBe(false);
    expect(search.plan(FRAME)[0]!.kind).toBe('whole');
  });
});
