// Where in a frame to look for faces, and which detections are faces the customer has: a search that finds a
// face anywhere in view, then a tracker that follows it. Pure (no DOM, no clock): fed frame sizes and the
// detector's answers, it plans the next frame's detector passes — so the logic is unit-tested with numbers
// and the DOM half (face-finder.ts) only draws and detects.
//
// Why search and track: the tiny face detector sees a face only when it is about 45 px or more of its input
// (measured on the fixtures: 0/20 found at 32 px, 17/20 at 40 px, 20/20 from 48 px up to nearly the whole
// input). One pass over the whole frame at an affordable input size (224 px for a 640 px frame) therefore
// only sees faces at least about a fifth of the frame wide. So:
// - SEARCHING (no face yet): each frame runs ONE pass, in turn: the whole frame (faces ≥ ~0.21 of the long
//   side), then tiles of about half the long side at input 256 (faces from ~0.10), centre tiles first. A
//   full cycle is 7 frames (< 1 s); no frame costs more than one 256 px detection, so the guidance keeps its
//   rate while nobody is found.
// - TRACKING: each face found is followed by a crop centred on it where it fills about 0.45 of a 160 px
//   input — the size at which the detector is surest and its box truest — whatever the face's size or place
//   in the frame. A face must be found twice in a row (the search's pass, then its own crop: two views at
//   different scales) before it is reported, which is what keeps textures that fool one pass from becoming
//   "a face". Every few frames the whole frame is searched again, so a second person walking in is seen.
import {
  type Size,
  type SquareRegion,
  enclosingSquare,
  intersectionOverUnion,
  squareAround,
} from './frame-geometry';
import type { FaceBox } from './guidance';

export interface FaceSearchSettings {
  /** Detector input for the whole-frame pass (the frame padded to a square of its long side). */
  readonly wholeFrameInput: number;
  /** Tile side, as a fraction of the frame's long side. */
  readonly tileSide: number;
  /** Detector input for a tile. */
  readonly tileInput: number;
  /** Least overlap of neighbouring tiles, as a fraction of the long side: a face this wide fits in one. */
  readonly tileOverlap: number;
  /** Detector input for a tracking crop. */
  readonly trackInput: number;
  /** The tracked face's width as a share of its crop's side. */
  readonly trackFaceShare: number;
  /** After a miss the crop grows by this factor, to find a face that moved or came closer. */
  readonly trackGrowthPerMiss: number;
  /** A confirmed face missed this many frames in a row is dropped (and the search starts again). */
  readonly maxMisses: number;
  /** Consecutive detections before a face is reported (1 would report a single pass's false positive). */
  readonly hitsToConfirm: number;
  /** While tracking, the whole frame is searched again every this many frames (new or second faces). */
  readonly discoverEvery: number;
  /** Faces followed at once; two are enough to say "only one person, please". */
  readonly maxTracks: number;
  /** Detections below this confidence are ignored. */
  readonly minScore: number;
  /** Detections narrower than this in the detector's input are ignored: it cannot see faces that small. */
  readonly minInputPixels: number;
  /** Two detections overlapping at least this much (IoU) are one face. */
  readonly duplicateIou: number;
  /** A detection belongs to a track if its centre is within this many track-widths of the track's centre… */
  readonly maxMatchDistance: number;
  /** …and its width is within this factor of the track's (either way). */
  readonly maxMatchScale: number;
}

/**
 * The numbers, and where they come from (test/bench/detection.ts reports recall on held-out data):
 * - wholeFrameInput 224: 48 px faces need a fifth of the frame at 224; at 160 only faces over 0.3 are seen.
 * - tiles of 0.53 at 256: a face 0.10 of the long side is 48 px there; 3×2 tiles with an overlap of 0.27
 *   hold every face up to 0.27 of the long side whole in one tile, well past the 0.21 where the whole-frame
 *   pass takes over. Input 256 costs about 25–35 ms with the wasm backend on 2 cores: one per frame keeps
 *   the search above 10 frames/s.
 * - tracking at 160 with the face 0.45 of the crop: the face is ~72 px there, in the middle of what the
 *   detector sees well (48–144 px), so it may shrink by a third or double between two frames and still be
 *   found; each crop costs one 160 px detection (~10–16 ms).
 * - score 0.5: face-api's default; false positives seen on the fixtures' backgrounds score 0.3–0.45.
 * - minInputPixels 32: below that the detector gives nothing reliable (0/20 faces found at 32 px).
 */
export const FACE_SEARCH_SETTINGS: FaceSearchSettings = {
  wholeFrameInput: 224,
  tileSide: 0.53,
  tileInput: 256,
  tileOverlap: 0.27,
  trackInput: 160,
  trackFaceShare: 0.45,
  trackGrowthPerMiss: 1.4,
  maxMisses: 2,
  hitsToConfirm: 2,
  discoverEvery: 6,
  maxTracks: 2,
  minScore: 0.5,
  minInputPixels: 32,
  duplicateIou: 0.4,
  maxMatchDistance: 0.8,
  maxMatchScale: 2,
};

export type PassKind = 'whole' | 'tile' | 'track';

/** One detector run: `region` of the frame drawn into an `inputSize`² canvas. */
export interface SearchPass {
  readonly kind: PassKind;
  readonly region: SquareRegion;
  readonly inputSize: number;
  /** For a tracking pass: the track it follows. */
  readonly trackId?: number;
}

/** What one pass found, already mapped back to frame pixels (frame-geometry.ts `boxFromSquare`). */
export interface PassResult {
  readonly pass: SearchPass;
  readonly faces: readonly FaceBox[];
}

/**
 * Start positions of tiles of length `tile` along an axis of length `length`, evenly spread, overlapping by at
 * least `overlap`. A tile longer than the axis is centred on it (the rest is padding).
 */
export function tileStarts(length: number, tile: number, overlap: number): number[] {
  if (tile >= length) return [(length - tile) / 2];
  const step = tile - overlap;
  const count = step > 0 ? Math.ceil((length - overlap) / step) : 1;
  if (count <= 1) return [(length - tile) / 2];
  return Array.from({ length: count }, (_, index) => ((length - tile) * index) / (count - 1));
}

/** The search's passes for one full cycle, in the order it runs them: whole frame, then tiles centre-out. */
export function acquisitionPasses(
  frame: Size,
  settings: FaceSearchSettings = FACE_SEARCH_SETTINGS,
): SearchPass[] {
  const longSide = Math.max(frame.width, frame.height);
  const side = settings.tileSide * longSide;
  const overlap = settings.tileOverlap * longSide;
  const tiles: SquareRegion[] = [];
  for (const y of tileStarts(frame.height, side, overlap)) {
    for (const x of tileStarts(frame.width, side, overlap)) tiles.push({ x, y, size: side });
  }
  const distance = (tile: SquareRegion) =>
    Math.hypot(tile.x + tile.size / 2 - frame.width / 2, tile.y + tile.size / 2 - frame.height / 2);
  tiles.sort((a, b) => distance(a) - distance(b) || a.y - b.y || a.x - b.x);
  return [
    { kind: 'whole', region: enclosingSquare(frame), inputSize: settings.wholeFrameInput },
    ...tiles.map((region): SearchPass => ({ kind: 'tile', region, inputSize: settings.tileInput })),
  ];
}

interface Track {
  readonly id: number;
  box: FaceBox;
  /** Frames it was detected in (consecutively until confirmed: an unconfirmed face is dropped at its first miss). */
  hits: number;
  /** Consecutive frames it was not. */
  misses: number;
}

function centreDistance(a: FaceBox, b: FaceBox): number {
  return Math.hypot(a.x + a.width / 2 - (b.x + b.width / 2), a.y + a.height / 2 - (b.y + b.height / 2));
}

interface Candidate {
  readonly box: FaceBox;
  /** Found by a tracking crop: the face at the detector's best size, so its box is preferred. */
  readonly fromTrack: boolean;
}

/**
 * The search-and-track state of one capture run. Each frame: `plan(frameSize)` says which passes to run,
 * `update(frameSize, results)` takes what they found and returns the faces to report for that frame.
 */
export class FaceSearch {
  private tracks: Track[] = [];
  /** Index of the next acquisition pass while searching. */
  private cursor = 0;
  /** Frames tracked since the whole frame was last searched. */
  private sinceDiscovery = 0;
  private nextId = 1;

  constructor(private readonly settings: FaceSearchSettings = FACE_SEARCH_SETTINGS) {}

  /** True while at least one face (confirmed or not) is being followed. */
  get tracking(): boolean {
    return this.tracks.length > 0;
  }

  /** The passes to run on the next frame. Has no effect on the state: calling it twice gives the same. */
  plan(frame: Size): SearchPass[] {
    const s = this.settings;
    if (this.tracks.length === 0) {
      const cycle = acquisitionPasses(frame, s);
      const pass = cycle[this.cursor % cycle.length];
      return pass === undefined ? [] : [pass];
    }
    const passes: SearchPass[] = this.tracks.map((track) => ({
      kind: 'track',
      region: this.trackRegion(track),
      inputSize: s.trackInput,
      trackId: track.id,
    }));
    if (this.sinceDiscovery + 1 >= s.discoverEvery) {
      passes.push({ kind: 'whole', region: enclosingSquare(frame), inputSize: s.wholeFrameInput });
    }
    return passes;
  }

  private trackRegion(track: Track): SquareRegion {
    const s = this.settings;
    const { box } = track;
    const side = (Math.max(box.width, box.height) / s.trackFaceShare) * s.trackGrowthPerMiss ** track.misses;
    return squareAround(box.x + box.width / 2, box.y + box.height / 2, side);
  }

  /**
   * Takes the results of the passes `plan` gave for this frame; returns the confirmed faces seen in it, in
   * frame pixels. A face is reported only on frames where the detector actually found it: a photo is taken
   * only of a frame in which the face was seen.
   */
  update(frame: Size, results: readonly PassResult[]): FaceBox[] {
    const s = this.settings;
    const wasTracking = this.tracks.length > 0;
    const candidates = this.candidates(results);

    // Each track takes the nearest candidate that fits it; confirmed, long-lived tracks choose first.
    const order = [...this.tracks].sort((a, b) => b.hits - a.hits || a.id - b.id);
    const taken = new Set<Candidate>();
    const matched = new Set<Track>();
    for (const track of order) {
      let best: Candidate | undefined;
      let bestDistance = Number.POSITIVE_INFINITY;
      for (const candidate of candidates) {
        if (taken.has(candidate)) continue;
        const scale = candidate.box.width / track.box.width;
        if (scale > s.maxMatchScale || scale < 1 / s.maxMatchScale) continue;
        const distance = centreDistance(candidate.box, track.box);
        if (distance > s.maxMatchDistance * track.box.width || distance >= bestDistance) continue;
        best = candidate;
        bestDistance = distance;
      }
      if (best === undefined) continue;
      taken.add(best);
      matched.add(track);
      track.box = best.box;
      track.hits += 1;
      track.misses = 0;
    }

    this.tracks = this.tracks.filter((track) => {
      if (matched.has(track)) return true;
      track.misses += 1;
      // An unconfirmed face gets no second chance: that is most of what keeps false positives out.
      return track.hits >= s.hitsToConfirm && track.misses <= s.maxMisses;
    });
    this.dropDuplicateTracks();

    for (const candidate of candidates) {
      if (taken.has(candidate) || this.tracks.length >= s.maxTracks) continue;
      if (this.tracks.some((track) => intersectionOverUnion(track.box, candidate.box) >= s.duplicateIou))
        continue;
      this.tracks.push({ id: this.nextId++, box: candidate.box, hits: 1, misses: 0 });
    }

    this.advance(results, wasTracking);
    return this.tracks
      .filter((track) => track.misses === 0 && track.hits >= s.hitsToConfirm)
      .map((track) => track.box);
  }

  /** Usable detections of this frame, one per face: duplicates from overlapping passes merged. */
  private candidates(results: readonly PassResult[]): Candidate[] {
    const s = this.settings;
    const all: Candidate[] = [];
    for (const { pass, faces } of results) {
      const inputScale = pass.inputSize / pass.region.size;
      for (const box of faces) {
        if (box.score < s.minScore || box.width * inputScale < s.minInputPixels) continue;
        all.push({ box, fromTrack: pass.kind === 'track' });
      }
    }
    all.sort((a, b) => Number(b.fromTrack) - Number(a.fromTrack) || b.box.score - a.box.score);
    const kept: Candidate[] = [];
    for (const candidate of all) {
      if (kept.some((other) => intersectionOverUnion(other.box, candidate.box) >= s.duplicateIou)) continue;
      kept.push(candidate);
    }
    return kept;
  }

  /** Two tracks that ended up on one face: keep the older. */
  private dropDuplicateTracks(): void {
    const kept: Track[] = [];
    for (const track of [...this.tracks].sort((a, b) => a.id - b.id)) {
      const duplicate = kept.some(
        (other) => intersectionOverUnion(other.box, track.box) >= this.settings.duplicateIou,
      );
      if (!duplicate) kept.push(track);
    }
    this.tracks = this.tracks.filter((track) => kept.includes(track));
  }

  private advance(results: readonly PassResult[], wasTracking: boolean): void {
    if (!wasTracking) {
      // Found something: the next search (if it is lost) starts over with the whole frame.
      this.cursor = this.tracks.length > 0 ? 0 : this.cursor + 1;
      this.sinceDiscovery = 0;
      return;
    }
    const discovered = results.some((result) => result.pass.kind === 'whole');
    this.sinceDiscovery = discovered ? 0 : this.sinceDiscovery + 1;
    if (this.tracks.length === 0) this.cursor = 0;
  }

  /** Forgets every face: the next frame starts a new search with the whole frame. */
  reset(): void {
    this.tracks = [];
    this.cursor = 0;
    this.sinceDiscovery = 0;
  }
}
