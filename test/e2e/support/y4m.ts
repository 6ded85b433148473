// A fake webcam for Chromium (--use-file-for-fake-video-capture): a YUV4MPEG2 (C420jpeg) file made from a
// fixture PNG, letterboxed on a grey 640×480 frame, written by the test itself so no ffmpeg is needed.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
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

  // BT.601 full-range conversion, chroma averaged over each 2×2 block (4:2:0).
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
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, cb, cr]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
  await writeFile(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
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
