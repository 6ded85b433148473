// The detection benchmark's test scenes, as data: which fixture stands where, how large, in what light, behind
// what, seen by which camera. Generated here (Node) from a printed seed; detection-page.ts draws them in
// Chromium. Pure: no DOM, no file system.
//
// TUNING AND JUDGING DATA ARE KEPT APART. The search's numbers (face-search.ts, guidance.ts) were chosen while
// looking only at the TUNING set: the astronaut fixture as it is, pasted on the cat fixture, scenes from
// TUNING_SEED. The figures the goals are judged on come from the JUDGING set: the astronaut MIRRORED (a
// different picture to the detector: the light falls from the other side, the flag moves), pasted on
// backgrounds never used for tuning (the cameraman fixture's right half: buildings, lawn, tripod; the
// astronaut fixture's lower half: the suit and the helmet), scenes from JUDGING_SEED.
import { mulberry32 } from '../../main/smileid/simulator/faults';
import { ASTRONAUT_FACE, FIXTURE_SIDE } from '../support/fixture-faces';

export { ASTRONAUT_FACE, FIXTURE_SIDE };

export const TUNING_SEED = 20_240_601;
export const JUDGING_SEED = 77_003_101;

export type DataSet = 'tuning' | 'judging';

/** Fixture pictures the page loads (../shared/fixtures/images/NAME.png). */
export type FixtureImage = 'face-astronaut' | 'face-cameraman-gray' | 'no-face-cat';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A part of a fixture used as a background (no face in it). */
export interface BackgroundSource {
  readonly image: FixtureImage;
  readonly crop: Box;
  readonly name: string;
}

export const BACKGROUNDS: Record<DataSet, readonly BackgroundSource[]> = {
  tuning: [{ image: 'no-face-cat', crop: { x: 0, y: 0, width: 451, height: 300 }, name: 'cat' }],
  judging: [
    {
      image: 'face-cameraman-gray',
      crop: { x: 330, y: 0, width: 182, height: 512 },
      name: 'cameraman, right half (no person)',
    },
    {
      image: 'face-astronaut',
      crop: { x: 0, y: 300, width: 512, height: 212 },
      name: 'astronaut, lower part (suit, helmet)',
    },
  ],
};

export const CAMERA_SIZES = [
  { width: 640, height: 480 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
export type CameraSize = (typeof CAMERA_SIZES)[number];

/** Face-width buckets, as fractions of the frame width (the brief's 10–70 %). */
export const SIZE_BUCKETS = [
  [0.1, 0.12],
  [0.12, 0.2],
  [0.2, 0.3],
  [0.3, 0.45],
  [0.45, 0.6],
  [0.6, 0.7],
] as const;

export const POSITIONS = {
  centre: [0, 0],
  left: [-1, 0],
  right: [1, 0],
  top: [0, -1],
  bottom: [0, 1],
  'top-left': [-1, -1],
  'top-right': [1, -1],
  'bottom-left': [-1, 1],
  'bottom-right': [1, 1],
} as const satisfies Record<string, readonly [number, number]>;
export type Position = keyof typeof POSITIONS;

/** The person: the astronaut's head and shoulders, cut out with a soft-edged ellipse. */
export interface FaceLayer {
  readonly mirrored: boolean;
  /** Where the fixture's 512² square lands in the frame (camera pixels). */
  readonly x: number;
  readonly y: number;
  readonly scale: number;
  readonly brightness: number;
  /** The face's box in the frame (camera pixels): the ground truth. */
  readonly truth: Box;
  /** Per frame, how far the person sways (camera pixels), as a seeded walk. */
  readonly swayPx: number;
}

export interface BackgroundLayer {
  readonly source: BackgroundSource;
  /** The background covers the frame, scaled by this beyond "cover" and shifted by these fractions. */
  readonly zoom: number;
  readonly shiftX: number;
  readonly shiftY: number;
  readonly mirrored: boolean;
  readonly brightness: number;
}

export interface Scene {
  readonly id: number;
  readonly set: DataSet;
  readonly camera: CameraSize;
  readonly background: BackgroundLayer;
  readonly face: FaceLayer | null;
  /** Gaussian blur of the whole frame, in pixels of a 640 px wide frame (scaled to the camera). */
  readonly blur: number;
  readonly frames: number;
  readonly seed: number;
  /** What the scene is for, for the tables. */
  readonly bucket: string | null;
  readonly position: Position | null;
  /** The face's width as a fraction of the frame width. */
  readonly widthShare: number | null;
  readonly darkBackground: boolean;
}

/** Frames a face scene gets to be found in: one full search cycle (7) plus the confirmation, with slack. */
export const FACE_SCENE_FRAMES = 12;
/** Frames of a no-face scene: several search cycles and, if anything is "found", its tracking. */
export const NO_FACE_SCENE_FRAMES = 30;
/** Frames a face is followed after it is first reported (box accuracy and guidance while tracking). */
export const TRACKED_FRAMES_AFTER_FOUND = 4;

function between(random: () => number, low: number, high: number): number {
  return low + (high - low) * random();
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Largest face width share whose box still fits the frame's height with a 5 % margin. */
export function largestFittingShare(camera: CameraSize): number {
  return (camera.height / camera.width) * (ASTRONAUT_FACE.width / ASTRONAUT_FACE.height) * 0.95;
}

function faceLayer(
  random: () => number,
  camera: CameraSize,
  widthShare: number,
  position: Position,
  mirrored: boolean,
): FaceLayer {
  const { width: W, height: H } = camera;
  const scale = (widthShare * W) / ASTRONAUT_FACE.width;
  const faceW = ASTRONAUT_FACE.width * scale;
  const faceH = ASTRONAUT_FACE.height * scale;
  // Push the face towards the named side as far as it goes with a 3 % margin, at most 0.35 of the frame.
  const [dx, dy] = POSITIONS[position];
  const reachX = Math.max(0, Math.min(0.35 * W, W / 2 - faceW / 2 - 0.03 * W));
  const reachY = Math.max(0, Math.min(0.35 * H, H / 2 - faceH / 2 - 0.03 * H));
  const centreX = W / 2 + dx * reachX * between(random, 0.8, 1);
  const centreY = H / 2 + dy * reachY * between(random, 0.8, 1);
  const source = mirrored
    ? { ...ASTRONAUT_FACE, x: FIXTURE_SIDE - ASTRONAUT_FACE.x - ASTRONAUT_FACE.width }
    : ASTRONAUT_FACE;
  const x = centreX - (source.x + source.width / 2) * scale;
  const y = centreY - (source.y + source.height / 2) * scale;
  return {
    mirrored,
    x,
    y,
    scale,
    brightness: between(random, 0.55, 1.25),
    truth: { x: centreX - faceW / 2, y: centreY - faceH / 2, width: faceW, height: faceH },
    swayPx: 0.004 * W,
  };
}

function backgroundLayer(random: () => number, set: DataSet, dark: boolean): BackgroundLayer {
  return {
    source: pick(random, BACKGROUNDS[set]),
    zoom: between(random, 1, 1.6),
    shiftX: random(),
    shiftY: random(),
    mirrored: random() < 0.5,
    brightness: dark ? between(random, 0.12, 0.25) : between(random, 0.6, 1.2),
  };
}

export interface SceneCounts {
  /** Face scenes per (camera, size bucket, position). */
  readonly perCell: number;
  /** No-face scenes per camera. */
  readonly noFacePerCamera: number;
  /** Lit-face-before-a-dark-background scenes per camera. */
  readonly darkBackgroundPerCamera: number;
}

export const DEFAULT_COUNTS: SceneCounts = { perCell: 1, noFacePerCamera: 12, darkBackgroundPerCamera: 4 };

/** Every scene of one data set, reproducibly from `seed`. */
export function makeScenes(set: DataSet, seed: number, counts: SceneCounts = DEFAULT_COUNTS): Scene[] {
  const random = mulberry32(seed);
  const scenes: Scene[] = [];
  const mirrored = set === 'judging';
  const add = (scene: Omit<Scene, 'id' | 'set' | 'seed'>) =>
    scenes.push({ ...scene, id: scenes.length, set, seed: Math.floor(random() * 2 ** 31) });

  for (const camera of CAMERA_SIZES) {
    const fits = largestFittingShare(camera);
    for (const [low, high] of SIZE_BUCKETS) {
      if (low >= fits) continue; // a face this wide does not fit a frame this flat
      for (const position of Object.keys(POSITIONS) as Position[]) {
        for (let n = 0; n < counts.perCell; n++) {
          const widthShare = between(random, low, Math.min(high, fits));
          add({
            camera,
            background: backgroundLayer(random, set, false),
            face: faceLayer(random, camera, widthShare, position, mirrored),
            blur: random() < 0.5 ? 0 : between(random, 0.3, 1.2),
            frames: FACE_SCENE_FRAMES,
            bucket: bucketName(low, high),
            position,
            widthShare,
            darkBackground: false,
          });
        }
      }
    }
    for (let n = 0; n < counts.darkBackgroundPerCamera; n++) {
      const widthShare = between(random, 0.3, Math.min(0.42, fits));
      add({
        camera,
        background: backgroundLayer(random, set, true),
        face: {
          ...faceLayer(random, camera, widthShare, 'centre', mirrored),
          brightness: between(random, 0.9, 1.2),
        },
        blur: 0,
        frames: FACE_SCENE_FRAMES,
        bucket: null,
        position: 'centre',
        widthShare,
        darkBackground: true,
      });
    }
    for (let n = 0; n < counts.noFacePerCamera; n++) {
      add({
        camera,
        background: backgroundLayer(random, set, false),
        face: null,
        blur: random() < 0.5 ? 0 : between(random, 0.3, 1.2),
        frames: NO_FACE_SCENE_FRAMES,
        bucket: null,
        position: null,
        widthShare: null,
        darkBackground: false,
      });
    }
  }
  return scenes;
}

export function bucketName(low: number, high: number): string {
  return `${Math.round(low * 100)}–${Math.round(high * 100)} %`;
}

/** What the page reports for one frame of a scene. */
export interface FrameOutcome {
  /** analyze() time: downscale from the camera size, search, light, assessment. */
  readonly ms: number;
  readonly detectorRuns: number;
  /** Faces reported, in processing-frame pixels. */
  readonly faces: readonly (Box & { readonly score: number })[];
  readonly guidance: string;
  readonly faceLuma: number | null;
  readonly processing: { readonly width: number; readonly height: number };
  /** Where the face really was in this frame (processing-frame pixels), or null in a no-face scene. */
  readonly truth: Box | null;
}

export interface SceneOutcome {
  readonly id: number;
  readonly frames: readonly FrameOutcome[];
}

/** Raw detector speed at one input size. */
export interface DetectorSpeed {
  readonly inputSize: number;
  readonly runs: number;
  readonly medianMs: number;
  readonly perSecond: number;
}

/** What the page offers the bench (detection-page.ts sets it as globalThis.detectionBench). */
export interface DetectionBenchApi {
  init(): Promise<{ backend: string }>;
  runScenes(scenes: readonly Scene[]): Promise<SceneOutcome[]>;
  detectorSpeed(inputSizes: readonly number[], runs: number): Promise<DetectorSpeed[]>;
}

export interface DetectionBenchGlobal {
  detectionBench?: DetectionBenchApi;
}
