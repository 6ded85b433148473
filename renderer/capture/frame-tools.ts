// Canvas work on camera frames: freeze a frame, cut the detector's squares out of it, measure the brightness
// of a part of it, encode it as JPEG. Every canvas asks for `willReadFrequently`, so it lives in CPU memory: the detector (on
// tfjs's CPU backend) and the luma sampler read pixels back every frame, and a GPU canvas would make each
// read a synchronous GPU round trip.
import { type Rect, type SquareRegion, type Size, regionDrawing, scaleToLongSide } from './frame-geometry';
import { meanLumaOfRgba } from './luma';

export type FrameSource = HTMLVideoElement | HTMLCanvasElement;

/** Smile ID's Android and iOS clients encode at 80 / 0.8 (docs/smileid-protocol.md §6.2): about 40–60 KB for a 640×480 selfie. */
export const JPEG_QUALITY = 0.8;

export function sourceSize(source: FrameSource): Size {
  return source instanceof HTMLVideoElement
    ? { width: source.videoWidth, height: source.videoHeight }
    : { width: source.width, height: source.height };
}

function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (context === null) throw new Error('A 2D canvas is not available');
  return context;
}

export function createCanvas(size: Size): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  return canvas;
}

/**
 * Draws the source (unmirrored: the preview may be mirrored with CSS, the stored image never is) into
 * `target`, resized to the target's size. Reuses `target` when given, so a loop allocates nothing per frame.
 */
export function drawScaled(
  source: FrameSource,
  longSide: number,
  target?: HTMLCanvasElement,
  quality: ImageSmoothingQuality = 'high',
): HTMLCanvasElement {
  const size = scaleToLongSide(sourceSize(source), longSide);
  const canvas = target ?? createCanvas(size);
  if (canvas.width !== size.width) canvas.width = size.width;
  if (canvas.height !== size.height) canvas.height = size.height;
  const context = context2d(canvas);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = quality;
  context.drawImage(source, 0, 0, size.width, size.height);
  return canvas;
}

/**
 * Draws `region` of the frame into `target` (`pixels`×`pixels`), for the face detector. Whatever of the region
 * lies outside the frame is black, as face-api pads its own inputs.
 */
export function drawRegion(
  frame: HTMLCanvasElement,
  region: SquareRegion,
  pixels: number,
  target: HTMLCanvasElement,
): HTMLCanvasElement {
  if (target.width !== pixels) target.width = pixels;
  if (target.height !== pixels) target.height = pixels;
  const context = context2d(target);
  const drawing = regionDrawing(region, frame, pixels);
  const covers =
    drawing !== null &&
    drawing.target.x <= 0 &&
    drawing.target.y <= 0 &&
    drawing.target.x + drawing.target.width >= pixels &&
    drawing.target.y + drawing.target.height >= pixels;
  if (!covers) {
    context.fillStyle = '#000';
    context.fillRect(0, 0, pixels, pixels);
  }
  if (drawing === null) return target;
  context.imageSmoothingEnabled = true;
  // 'medium' pre-filters a 2–4× reduction, so the detector is not fed aliasing, at a small cost.
  context.imageSmoothingQuality = 'medium';
  const { source, target: to } = drawing;
  context.drawImage(frame, source.x, source.y, source.width, source.height, to.x, to.y, to.width, to.height);
  return target;
}

const lumaCanvases = new Map<number, HTMLCanvasElement>();

/**
 * Mean Rec.601 luma (0–255) of `area` of the source (all of it by default), averaged over a `sampleSize`²
 * thumbnail (cheap to read back).
 */
export function meanLuma(source: FrameSource, area?: Rect, sampleSize = 24): number {
  let canvas = lumaCanvases.get(sampleSize);
  if (canvas === undefined) {
    canvas = createCanvas({ width: sampleSize, height: sampleSize });
    lumaCanvases.set(sampleSize, canvas);
  }
  const context = context2d(canvas);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'low';
  const { width, height } = sourceSize(source);
  const from = area ?? { x: 0, y: 0, width, height };
  context.drawImage(source, from.x, from.y, from.width, from.height, 0, 0, sampleSize, sampleSize);
  return meanLumaOfRgba(context.getImageData(0, 0, sampleSize, sampleSize).data);
}

/** JPEG bytes of a canvas. The canvas must not be drawn on again until this settles. */
export async function canvasToJpeg(canvas: HTMLCanvasElement, quality = JPEG_QUALITY): Promise<Uint8Array> {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
  if (blob === null)
    throw new Error(`The ${canvas.width}×${canvas.height} frame could not be encoded as JPEG`);
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * The current video frame as JPEG, scaled so its long side is exactly `longSide`. The frame is drawn
 * synchronously, so later video frames cannot leak into it while it is encoded.
 */
export function encodeJpeg(
  source: HTMLVideoElement,
  longSide: number,
  quality = JPEG_QUALITY,
): Promise<Uint8Array> {
  let frame: HTMLCanvasElement;
  try {
    frame = drawScaled(source, longSide);
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  return canvasToJpeg(frame, quality);
}
