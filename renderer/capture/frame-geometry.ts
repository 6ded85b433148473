// Sizes, regions and coordinate mappings for the frames the capture draws. Pure arithmetic, shared by the DOM
// code in frame-tools.ts, face-finder.ts and capture-session.ts and tested on its own.
import type { FaceBox } from './guidance';

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** An axis-aligned rectangle in some picture's pixels. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The size whose long side is exactly `longSide`, keeping the aspect ratio (short side rounded, ≥ 1). */
export function scaleToLongSide(source: Size, longSide: number): Size {
  if (!(source.width > 0 && source.height > 0)) throw new RangeError('the source has no pixels');
  if (!(longSide >= 1)) throw new RangeError(`long side ${longSide} is not a positive size`);
  const target = Math.round(longSide);
  const landscape = source.width >= source.height;
  const short = Math.max(
    1,
    Math.round((target * Math.min(source.width, source.height)) / Math.max(source.width, source.height)),
  );
  return landscape ? { width: target, height: short } : { width: short, height: target };
}

/**
 * A square region of a frame, in that frame's pixels. It may reach beyond the frame (a tracking crop around a
 * face near the edge, the whole of a landscape frame): what lies outside is drawn as padding.
 */
export interface SquareRegion {
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

/** The largest centred square of a frame (where a well-placed face is; its brightness is the scene's). */
export function centreSquare(frame: Size): SquareRegion {
  const size = Math.min(frame.width, frame.height);
  return { x: (frame.width - size) / 2, y: (frame.height - size) / 2, size };
}

/** The smallest centred square holding the whole frame: the short side is padded, as the detector would. */
export function enclosingSquare(frame: Size): SquareRegion {
  const size = Math.max(frame.width, frame.height);
  return { x: (frame.width - size) / 2, y: (frame.height - size) / 2, size };
}

export function rectOfSquare(square: SquareRegion): Rect {
  return { x: square.x, y: square.y, width: square.size, height: square.size };
}

/** The square of side `size` centred on a point. */
export function squareAround(centreX: number, centreY: number, size: number): SquareRegion {
  return { x: centreX - size / 2, y: centreY - size / 2, size };
}

/** Maps a box found in a `pixels`×`pixels` drawing of `region` back to the frame's pixels. */
export function boxFromSquare(box: FaceBox, region: SquareRegion, pixels: number): FaceBox {
  const scale = region.size / pixels;
  return {
    x: region.x + box.x * scale,
    y: region.y + box.y * scale,
    width: box.width * scale,
    height: box.height * scale,
    score: box.score,
  };
}

/**
 * What to copy when `region` is drawn into a `pixels`×`pixels` canvas: the part of the region inside the
 * frame (`source`, in frame pixels) and where it lands (`target`, in canvas pixels). Null when the region
 * lies wholly outside the frame. Computed here rather than left to drawImage, whose handling of source
 * rectangles beyond the image has differed between browsers.
 */
export function regionDrawing(
  region: SquareRegion,
  frame: Size,
  pixels: number,
): { source: Rect; target: Rect } | null {
  const left = Math.max(0, region.x);
  const top = Math.max(0, region.y);
  const right = Math.min(frame.width, region.x + region.size);
  const bottom = Math.min(frame.height, region.y + region.size);
  if (!(right > left && bottom > top && region.size > 0)) return null;
  const scale = pixels / region.size;
  return {
    source: { x: left, y: top, width: right - left, height: bottom - top },
    target: {
      x: (left - region.x) * scale,
      y: (top - region.y) * scale,
      width: (right - left) * scale,
      height: (bottom - top) * scale,
    },
  };
}

/** Intersection over union of two boxes (0 when they do not touch). */
export function intersectionOverUnion(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (width <= 0 || height <= 0) return 0;
  const overlap = width * height;
  return overlap / (a.width * a.height + b.width * b.height - overlap);
}

/**
 * Where the light on a face is measured: the middle 60 % of the box each way (forehead to mouth, cheek to
 * cheek), clipped to the frame, so hair, background and the box's slack do not count. Null if nothing of it
 * lies in the frame.
 */
export const FACE_LIGHT_SHARE = 0.6;

export function faceLightRegion(face: Rect, frame: Size): Rect | null {
  const inset = (1 - FACE_LIGHT_SHARE) / 2;
  const left = Math.max(0, face.x + face.width * inset);
  const top = Math.max(0, face.y + face.height * inset);
  const right = Math.min(frame.width, face.x + face.width * (1 - inset));
  const bottom = Math.min(frame.height, face.y + face.height * (1 - inset));
  if (!(right > left && bottom > top)) return null;
  return { x: left, y: top, width: right - left, height: bottom - top };
}
