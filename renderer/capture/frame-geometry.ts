// Sizes and coordinate mappings for the frames the capture draws. Pure arithmetic, shared by the DOM code in
// frame-tools.ts and capture-session.ts and tested on its own.
import type { FaceBox } from './guidance';

export interface Size {
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

/** A square region of a frame, in that frame's pixels. */
export interface SquareRegion {
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

/**
 * The largest centred square of a frame. The detector pads its input to a square anyway, so on a 4:3 frame a
 * quarter of its input would be padding; feeding it the centre square instead gives the face 4/3 more
 * detector pixels for the same cost. Only the outer eighths of a landscape frame are left out, where a face
 * would be off-centre anyway.
 */
export function centreSquare(frame: Size): SquareRegion {
  const size = Math.min(frame.width, frame.height);
  return { x: (frame.width - size) / 2, y: (frame.height - size) / 2, size };
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
