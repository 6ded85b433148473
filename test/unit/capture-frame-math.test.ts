import { describe, expect, it } from 'vitest';
import {
  boxFromSquare,
  centreSquare,
  enclosingSquare,
  faceLightRegion,
  intersectionOverUnion,
  regionDrawing,
  scaleToLongSide,
  squareAround,
} from '../../renderer/capture/frame-geometry';
import { meanLumaOfRgba } from '../../renderer/capture/luma';
import { RateMeter } from '../../renderer/capture/rate-meter';

describe('scaleToLongSide', () => {
  it('makes the long side exactly the requested size and keeps the aspect ratio', () => {
    expect(scaleToLongSide({ width: 640, height: 480 }, 320)).toEqual({ width: 320, height: 240 });
    expect(scaleToLongSide({ width: 1280, height: 720 }, 640)).toEqual({ width: 640, height: 360 });
    expect(scaleToLongSide({ width: 480, height: 640 }, 320)).toEqual({ width: 240, height: 320 });
    expect(scaleToLongSide({ width: 640, height: 480 }, 640)).toEqual({ width: 640, height: 480 });
    expect(scaleToLongSide({ width: 320, height: 240 }, 640)).toEqual({ width: 640, height: 480 });
    expect(scaleToLongSide({ width: 500, height: 500 }, 320)).toEqual({ width: 320, height: 320 });
  });

  it('rounds the short side and never makes it zero', () => {
    expect(scaleToLongSide({ width: 1000, height: 333 }, 320)).toEqual({ width: 320, height: 107 });
    expect(scaleToLongSide({ width: 4000, height: 1 }, 320)).toEqual({ width: 320, height: 1 });
  });

  it('refuses a source without pixels', () => {
    expect(() => scaleToLongSide({ width: 0, height: 0 }, 320)).toThrow(RangeError);
    expect(() => scaleToLongSide({ width: 640, height: 480 }, 0)).toThrow(RangeError);
  });
});

describe('centreSquare and boxFromSquare', () => {
  it('takes the largest centred square of a landscape or portrait frame', () => {
    expect(centreSquare({ width: 640, height: 480 })).toEqual({ x: 80, y: 0, size: 480 });
    expect(centreSquare({ width: 480, height: 640 })).toEqual({ x: 0, y: 80, size: 480 });
  });

  it('maps a box found in the downscaled square back to frame pixels', () => {
    const region = centreSquare({ width: 640, height: 480 });
    const box = boxFromSquare({ x: 40, y: 20, width: 80, height: 88, score: 0.8 }, region, 160);
    expect(box).toEqual({ x: 80 + 120, y: 60, width: 240, height: 264, score: 0.8 });
  });
});

describe('enclosingSquare, squareAround and regionDrawing', () => {
  it('pads the short side of the frame to a square of the long side, centred', () => {
    expect(enclosingSquare({ width: 640, height: 480 })).toEqual({ x: 0, y: -80, size: 640 });
    expect(enclosingSquare({ width: 360, height: 640 })).toEqual({ x: -140, y: 0, size: 640 });
    expect(squareAround(100, 50, 40)).toEqual({ x: 80, y: 30, size: 40 });
  });

  it('copies a region inside the frame whole, scaled to the canvas', () => {
    expect(regionDrawing({ x: 100, y: 50, size: 200 }, { width: 640, height: 480 }, 100)).toEqual({
      source: { x: 100, y: 50, width: 200, height: 200 },
      target: { x: 0, y: 0, width: 100, height: 100 },
    });
  });

  it('copies only the part inside the frame of a region that reaches beyond it, in the right place', () => {
    // The whole of a 640×480 frame in a 640 square: 80 px of padding above and below, scaled to 160.
    expect(regionDrawing({ x: 0, y: -80, size: 640 }, { width: 640, height: 480 }, 160)).toEqual({
      source: { x: 0, y: 0, width: 640, height: 480 },
      target: { x: 0, y: 20, width: 160, height: 120 },
    });
    // A tracking crop around a face at the left edge.
    expect(regionDrawing({ x: -50, y: 100, size: 200 }, { width: 640, height: 480 }, 200)).toEqual({
      source: { x: 0, y: 100, width: 150, height: 200 },
      target: { x: 50, y: 0, width: 150, height: 200 },
    });
  });

  it('gives nothing for a region wholly outside the frame', () => {
    expect(regionDrawing({ x: 700, y: 0, size: 100 }, { width: 640, height: 480 }, 160)).toBeNull();
  });
});

describe('intersectionOverUnion', () => {
  it('is 1 for the same box, 0 for boxes apart, and the overlap share otherwise', () => {
    const a = { x: 0, y: 0, width: 10, height: 10 };
    expect(intersectionOverUnion(a, a)).toBe(1);
    expect(intersectionOverUnion(a, { x: 20, y: 0, width: 10, height: 10 })).toBe(0);
    expect(intersectionOverUnion(a, { x: 5, y: 0, width: 10, height: 10 })).toBeCloseTo(50 / 150, 9);
  });
});

describe('faceLightRegion', () => {
  it('is the middle 60 % of the face box each way', () => {
    expect(faceLightRegion({ x: 100, y: 100, width: 100, height: 200 }, { width: 640, height: 480 })).toEqual(
      {
        x: 120,
        y: 140,
        width: 60,
        height: 120,
      },
    );
  });

  it('is clipped to the frame, and null when none of it is in the frame', () => {
    expect(faceLightRegion({ x: -100, y: 0, width: 200, height: 100 }, { width: 640, height: 480 })).toEqual({
      x: 0,
      y: 20,
      width: 60,
      height: 60,
    });
    expect(
      faceLightRegion({ x: -300, y: 0, width: 200, height: 100 }, { width: 640, height: 480 }),
    ).toBeNull();
  });
});

describe('meanLumaOfRgba', () => {
  it('averages Rec.601 luma and ignores alpha', () => {
    expect(meanLumaOfRgba([255, 255, 255, 0])).toBeCloseTo(255, 6);
    expect(meanLumaOfRgba([0, 0, 0, 255, 255, 255, 255, 255])).toBeCloseTo(127.5, 6);
    expect(meanLumaOfRgba([255, 0, 0, 255])).toBeCloseTo(0.299 * 255, 6);
    expect(meanLumaOfRgba([0, 255, 0, 255])).toBeCloseTo(0.587 * 255, 6);
    expect(meanLumaOfRgba([0, 0, 255, 255])).toBeCloseTo(0.114 * 255, 6);
  });

  it('works on typed arrays and gives 0 for no pixels', () => {
    expect(meanLumaOfRgba(new Uint8ClampedArray([100, 100, 100, 255]))).toBeCloseTo(100, 6);
    expect(meanLumaOfRgba([])).toBe(0);
  });
});

describe('RateMeter', () => {
  it('reports 0 until it has an interval, then events per second', () => {
    const meter = new RateMeter();
    expect(meter.rate).toBe(0);
    meter.tick(0);
    expect(meter.rate).toBe(0);
    for (let at = 100; at <= 1000; at += 100) meter.tick(at);
    expect(meter.rate).toBeCloseTo(10, 6);
  });

  it('follows a change of pace within its window', () => {
    const meter = new RateMeter(1000);
    for (let at = 0; at <= 2000; at += 100) meter.tick(at);
    for (let at = 2200; at <= 5000; at += 200) meter.tick(at);
    expect(meter.rate).toBeCloseTo(5, 6);
    meter.reset();
    expect(meter.rate).toBe(0);
  });
});
