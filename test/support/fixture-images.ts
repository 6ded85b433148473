// Real JPEGs for tests and benchmarks, made from the public-domain PNG fixtures in ../shared/fixtures:
// decoded with pngjs, scaled (area average) and encoded with jpeg-js at the kiosk's quality.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

export const FIXTURES_DIR = path.resolve(import.meta.dirname, '../../../shared/fixtures/images');

export type FixtureName = 'face-astronaut' | 'face-cameraman-gray' | 'no-face-cat';

export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export function readFixture(name: FixtureName): RgbaImage {
  const png = PNG.sync.read(readFileSync(path.join(FIXTURES_DIR, `${name}.png`)));
  return { width: png.width, height: png.height, data: png.data };
}

/** Scales so that the long side is `longSide` pixels, averaging the source pixels under each target pixel. */
export function scaleToLongSide(image: RgbaImage, longSide: number): RgbaImage {
  const factor = longSide / Math.max(image.width, image.height);
  const width = Math.max(1, Math.round(image.width * factor));
  const height = Math.max(1, Math.round(image.height * factor));
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y / factor);
    const y1 = Math.max(y0 + 1, Math.min(image.height, Math.floor((y + 1) / factor)));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x / factor);
      const x1 = Math.max(x0 + 1, Math.min(image.width, Math.floor((x + 1) / factor)));
      const sum = [0, 0, 0, 0];
      for (let sy = y0; sy < y1; sy++) {
        for (let sx = x0; sx < x1; sx++) {
          const offset = (Math.min(sy, image.height - 1) * image.width + Math.min(sx, image.width - 1)) * 4;
          for (let c = 0; c < 4; c++) sum[c]! += image.data[offset + c]!;
        }
      }
      const count = (y1 - y0) * (x1 - x0);
      for (let c = 0; c < 4; c++) data[(y * width + x) * 4 + c] = Math.round(sum[c]! / count);
    }
  }
  return { width, height, data };
}

export function encodeJpeg(image: RgbaImage, quality = 80): Uint8Array {
  const encoded = jpeg.encode(
    { width: image.width, height: image.height, data: Buffer.from(image.data) },
    quality,
  );
  return new Uint8Array(encoded.data);
}

export interface CaptureJpegs {
  readonly selfie: Uint8Array;
  readonly liveness: Uint8Array[];
}

/**
 * A capture as the kiosk makes it: one selfie with a 640 px long side and eight liveness frames with a
 * 320 px long side. The liveness frames differ slightly (a few pixels' shift), like frames of a video.
 */
export function makeCapture(name: FixtureName = 'face-astronaut'): CaptureJpegs {
  const source = readFixture(name);
  const selfie = encodeJpeg(scaleToLongSide(source, 640));
  const small = scaleToLongSide(source, 320);
  const liveness = Array.from({ length: 8 }, (_, frame) => encodeJpeg(shiftRight(small, frame)));
  return { selfie, liveness };
}

function shiftRight(image: RgbaImage, pixels: number): RgbaImage {
  if (pixels === 0) return image;
  const data = new Uint8Array(image.data.length);
  const rowBytes = image.width * 4;
  for (let y = 0; y < image.height; y++) {
    const row = image.data.subarray(y * rowBytes, (y + 1) * rowBytes);
    data.set(row.subarray(0, rowBytes - pixels * 4), y * rowBytes + pixels * 4);
    data.set(row.subarray(0, pixels * 4), y * rowBytes);
  }
  return { width: image.width, height: image.height, data };
}
