// A fake webcam for Chromium (--use-file-for-fake-video-capture): a YUV4MPEG2 (C420jpeg) file made from a
// fixture PNG, letterboxed on a grey 640×480 frame, written by the test itself so no ffmpeg is needed. Also
// scripted scenes (writeSceneY4m): the astronaut's head and shoulders moving and growing frame by frame, as a
// customer walking up to the kiosk. Chromium plays the file from its first frame when the camera opens, and
// loops it.
import { mkdir, open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ASTRONAUT_FACE, FIXTURE_SIDE } from '../../support/fixture-faces';
import { readFixture, scaleToLongSide, type FixtureName, type RgbaImage } from '../../support/fixture-images';

/** A square of the source image, in its pixels; parts outside the image are grey. */
export interface Crop {
  readonly left: number;
  readonly top: number;
  readonly size: number;
}

/** Centres the astronaut's face (public-domain fixture) the way a customer stands before the kiosk. */
export const ASTRONAUT_FACE_CROP: Crop = { left: 105, top: -28, size: 280 };

export interface Y4mOptions {
  readonly crop?: Crop;
  readonly width?: number;
  readonly height?: number;
  readonly frames?: number;
  readonly fps?: number;
}

export async function writeY4m(fixture: FixtureName, file: string, options: Y4mOptions = {}): Promise<void> {
  const width = options.width ?? 640;
  const height = options.height ?? 480;
  const frames = options.frames ?? 10;
  const fps = options.fps ?? 15;
  const source = scaleToLongSide(cropSquare(readFixture(fixture), options.crop), Math.min(width, height));
  const left = Math.floor((width - source.width) / 2);
  const top = Math.floor((height - source.height) / 2);

  const rgb = (x: number, y: number): [number, number, number] => {
    const sx = x - left;
    const sy = y - top;
    if (sx < 0 || sy < 0 || sx >= source.width || sy >= source.height) return [128, 128, 128];
    const offset = (sy * source.width + sx) * 4;
    return [source.data[offset]!, source.data[offset + 1]!, source.data[offset + 2]!];
  };

  const frame = yuvFrame(width, height, rgb);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
  await writeFile(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}

type RgbAt = (x: number, y: number) => [number, number, number];

/** One y4m FRAME: BT.601 full-range conversion, chroma averaged over each 2×2 block (4:2:0). */
function yuvFrame(width: number, height: number, rgb: RgbAt): Buffer {
  const luma = Buffer.alloc(width * height);
  const cb = Buffer.alloc((width / 2) * (height / 2));
  const cr = Buffer.alloc((width / 2) * (height / 2));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = rgb(x, y);
      luma[y * width + x] = clamp(0.299 * r + 0.587 * g + 0.114 * b);
    }
  }
  for (let y = 0; y < height / 2; y++) {
    for (let x = 0; x < width / 2; x++) {
      let u = 0;
      let v = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const [r, g, b] = rgb(2 * x + dx, 2 * y + dy);
        u += 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
        v += 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
      }
      cb[y * (width / 2) + x] = clamp(u / 4);
      cr[y * (width / 2) + x] = clamp(v / 4);
    }
  }
  return Buffer.concat([Buffer.from('FRAME\n'), luma, cb, cr]);
}

/**
 * Where the customer's face is in one frame of a scripted scene: its centre as fractions of the frame's width
 * and height, its width as a fraction of the frame's width (the astronaut fixture's face box). null: nobody.
 */
export interface FacePlacement {
  readonly centreX: number;
  readonly centreY: number;
  readonly widthShare: number;
}

export interface SceneY4mOptions {
  readonly width?: number;
  readonly height?: number;
  readonly fps?: number;
  /** What stands behind the person: a no-face fixture, scaled to cover the frame; grey if not given. */
  readonly background?: FixtureName;
}

/** Moves from `from` to `to` in `frames` steps (both ends included), for scripting a walk. */
export function walk(from: FacePlacement, to: FacePlacement, frames: number): FacePlacement[] {
  return Array.from({ length: frames }, (_, index) => {
    const t = frames === 1 ? 1 : index / (frames - 1);
    return {
      centreX: from.centreX + (to.centreX - from.centreX) * t,
      centreY: from.centreY + (to.centreY - from.centreY) * t,
      widthShare: from.widthShare + (to.widthShare - from.widthShare) * t,
    };
  });
}

/**
 * A scripted scene, one placement per frame: the astronaut's head and shoulders (an ellipse cut out of the
 * fixture) placed and scaled as told, before the background. Written frame by frame, so long scenes do not
 * sit in memory whole.
 */
export async function writeSceneY4m(
  file: string,
  placements: readonly (FacePlacement | null)[],
  options: SceneY4mOptions = {},
): Promise<void> {
  const width = options.width ?? 640;
  const height = options.height ?? 480;
  const fps = options.fps ?? 10;
  const person = readFixture('face-astronaut');
  const backdrop = options.background ? coverFrame(readFixture(options.background), width, height) : null;
  const sized = new Map<number, RgbaImage>();
  const handle = await open(file, 'w');
  try {
    await handle.write(Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`));
    for (const placement of placements) {
      const background: RgbAt = (x, y) => {
        if (!backdrop) return [128, 128, 128];
        const offset = (y * width + x) * 4;
        return [backdrop.data[offset]!, backdrop.data[offset + 1]!, backdrop.data[offset + 2]!];
      };
      if (placement === null) {
        await handle.write(yuvFrame(width, height, background));
        continue;
      }
      const scale = (placement.widthShare * width) / ASTRONAUT_FACE.width;
      // Area-averaged once per size (a walk has few distinct sizes once rounded), then sampled 1:1.
      const side = Math.max(1, Math.round(FIXTURE_SIDE * scale));
      let source = sized.get(side);
      if (!source) {
        source = scaleToLongSide(person, side);
        sized.set(side, source);
      }
      const faceX = placement.centreX * width;
      const faceY = placement.centreY * height;
      const left = faceX - (ASTRONAUT_FACE.x + ASTRONAUT_FACE.width / 2) * scale;
      const top = faceY - (ASTRONAUT_FACE.y + ASTRONAUT_FACE.height / 2) * scale;
      // Head and shoulders: an ellipse around the face, reaching down to the shoulders.
      const rx = ASTRONAUT_FACE.width * scale * 1.2;
      const ry = ASTRONAUT_FACE.height * scale * 1.7;
      const ellipseY = faceY + ASTRONAUT_FACE.height * scale * 0.3;
      const image = source;
      await handle.write(
        yuvFrame(width, height, (x, y) => {
          const inside = ((x - faceX) / rx) ** 2 + ((y - ellipseY) / ry) ** 2 <= 1;
          const sx = Math.round(x - left);
          const sy = Math.round(y - top);
          if (!inside || sx < 0 || sy < 0 || sx >= image.width || sy >= image.height) return background(x, y);
          const offset = (sy * image.width + sx) * 4;
          return [image.data[offset]!, image.data[offset + 1]!, image.data[offset + 2]!];
        }),
      );
    }
  } finally {
    await handle.close();
  }
}

/** The picture scaled (area average) and centre-cropped to cover a `width`×`height` frame. */
function coverFrame(image: RgbaImage, width: number, height: number): RgbaImage {
  const factor = Math.max(width / image.width, height / image.height);
  const scaled = scaleToLongSide(image, Math.ceil(Math.max(image.width, image.height) * factor));
  const left = Math.floor((scaled.width - width) / 2);
  const top = Math.floor((scaled.height - height) / 2);
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((y + top) * scaled.width + left) * 4;
    data.set(scaled.data.subarray(from, from + width * 4), y * width * 4);
  }
  return { width, height, data };
}

function cropSquare(image: RgbaImage, crop: Crop | undefined): RgbaImage {
  if (!crop) return image;
  const data = new Uint8Array(crop.size * crop.size * 4).fill(128);
  for (let y = 0; y < crop.size; y++) {
    for (let x = 0; x < crop.size; x++) {
      const sx = crop.left + x;
      const sy = crop.top + y;
      if (sx < 0 || sy < 0 || sx >= image.width || sy >= image.height) continue;
      const from = (sy * image.width + sx) * 4;
      data.set(image.data.subarray(from, from + 4), (y * crop.size + x) * 4);
    }
  }
  return { width: crop.size, height: crop.size, data };
}

function clamp(value: number): number {
  return Math.max(0, Math.min(255, Math.round(value)));
}

/** The fake camera videos the tests and benchmarks use, written into `folder`. */
export async function makeVideos(folder: string): Promise<{ face: string; noFace: string }> {
  await mkdir(folder, { recursive: true });
  const face = path.join(folder, 'face-astronaut.y4m');
  const noFace = path.join(folder, 'no-face-cat.y4m');
  await writeY4m('face-astronaut', face, { crop: ASTRONAUT_FACE_CROP, fps: 15 });
  await writeY4m('no-face-cat', noFace, { fps: 15 });
  return { face, noFace };
}
