import { describe, expect, it } from 'vitest';
import {
  type FaceBox,
  type FrameAssessmentInput,
  GUIDANCE_THRESHOLDS,
  assessFrame,
  faceAreaShare,
  mainFace,
} from '../../renderer/capture/guidance';

const W = 640;
const H = 480;
const T = GUIDANCE_THRESHOLDS;
/** The tiny detector's box is about 0.9 as tall as it is wide. */
const ASPECT = 0.9;

/** A face of `width` pixels centred at (cx, cy) in frame pixels. */
function face(width: number, cx = W / 2, cy = H / 2, score = 0.9): FaceBox {
  const height = width * ASPECT;
  return { x: cx - width / 2, y: cy - height / 2, width, height, score };
}

/** The width of a face whose box covers `share` of a `w`×`h` frame. */
function widthForArea(share: number, w = W, h = H): number {
  return Math.sqrt((share * w * h) / ASPECT);
}

function frame(
  faces: FaceBox[],
  faceLuma: number | null = faces.length > 0 ? 128 : null,
  sceneLuma: number | null = 128,
  size = { frameWidth: W, frameHeight: H },
): FrameAssessmentInput {
  return { faces, ...size, faceLuma, sceneLuma };
}

const goodWidth = widthForArea((T.minFaceArea + T.maxFaceArea) / 2);

describe('assessFrame', () => {
  it('says ok for one well-lit, centred face of a good size', () => {
    expect(assessFrame(frame([face(goodWidth)]))).toBe('ok');
  });

  it('says no_face without a face, or when every detection is below the score threshold', () => {
    expect(assessFrame(frame([]))).toBe('no_face');
    expect(assessFrame(frame([face(goodWidth, W / 2, H / 2, T.minFaceScore - 0.01)], 128))).toBe('no_face');
    expect(assessFrame(frame([face(goodWidth)], 128, 128, { frameWidth: 0, frameHeight: 0 }))).toBe(
      'no_face',
    );
  });

  it('says multiple_faces for two faces above the score threshold, and ignores weak second detections', () => {
    const second = face(goodWidth * 0.5, W * 0.85, H / 2);
    expect(assessFrame(frame([face(goodWidth), second]))).toBe('multiple_faces');
    expect(assessFrame(frame([face(goodWidth), { ...second, score: T.minFaceScore }]))).toBe(
      'multiple_faces',
    );
    expect(assessFrame(frame([face(goodWidth), { ...second, score: T.minFaceScore - 0.01 }]))).toBe('ok');
  });

  it('judges the light on the face: a lit face before a dark scene is fine, a dark face is not', () => {
    expect(assessFrame(frame([face(goodWidth)], T.minFaceLuma, 5))).toBe('ok');
    expect(assessFrame(frame([face(goodWidth)], T.minFaceLuma - 0.1, 250))).toBe('too_dark');
    // Light comes before everything the customer can fix by moving: a dark face is not "off centre".
    expect(assessFrame(frame([face(goodWidth, W * 0.9)], T.minFaceLuma - 1))).toBe('too_dark');
  });

  it('with no face, blames the dark only when the scene itself is dark', () => {
    expect(assessFrame(frame([], null, T.minSceneLuma - 1))).toBe('too_dark');
    expect(assessFrame(frame([], null, T.minSceneLuma))).toBe('no_face');
    expect(assessFrame(frame([], null, null))).toBe('no_face');
  });

  it('says too_far below the minimum face area and accepts the minimum itself', () => {
    expect(assessFrame(frame([face(widthForArea(T.minFaceArea) + 0.01)]))).toBe('ok');
    expect(assessFrame(frame([face(widthForArea(T.minFaceArea) - 1)]))).toBe('too_far');
    expect(assessFrame(frame([face(0.12 * W)]))).toBe('too_far');
  });

  it('says too_close above the maximum face area and accepts the maximum itself', () => {
    expect(assessFrame(frame([face(widthForArea(T.maxFaceArea) - 0.01)]))).toBe('ok');
    expect(assessFrame(frame([face(widthForArea(T.maxFaceArea) + 1)]))).toBe('too_close');
    expect(assessFrame(frame([face(0.7 * W)]))).toBe('too_close');
  });

  it('judges distance by area, so a face fine on 4:3 is too close on a 16:9 frame of the same width', () => {
    const width = 0.43 * W;
    expect(assessFrame(frame([face(width)]))).toBe('ok');
    const wide = { frameWidth: W, frameHeight: 360 };
    expect(assessFrame(frame([face(width, W / 2, 180)], 128, 128, wide))).toBe('too_close');
  });

  it('says off_centre when the face centre is beyond the allowed offset on either axis', () => {
    const dx = T.maxCentreOffset * W;
    const dy = T.maxCentreOffset * H;
    expect(assessFrame(frame([face(goodWidth, W / 2 + dx - 1)]))).toBe('ok');
    expect(assessFrame(frame([face(goodWidth, W / 2 - dx + 1)]))).toBe('ok');
    expect(assessFrame(frame([face(goodWidth, W / 2 + dx + 1)]))).toBe('off_centre');
    expect(assessFrame(frame([face(goodWidth, W / 2 - dx - 1)]))).toBe('off_centre');
    expect(assessFrame(frame([face(goodWidth, W / 2, H / 2 + dy - 1)]))).toBe('ok');
    expect(assessFrame(frame([face(goodWidth, W / 2, H / 2 - dy - 1)]))).toBe('off_centre');
  });

  it('names the position before the size: a small face at the side is first asked to the middle', () => {
    expect(assessFrame(frame([face(0.1 * W, W * 0.9)]))).toBe('off_centre');
    expect(assessFrame(frame([face(0.1 * W)]))).toBe('too_far');
  });

  it('follows thresholds passed in instead of the defaults', () => {
    const strict = { ...T, minFaceArea: 0.2 };
    expect(assessFrame(frame([face(goodWidth)]), strict)).toBe('too_far');
    expect(assessFrame(frame([face(goodWidth)]))).toBe('ok');
  });

  it('keeps its data consistent with Smile ID capture practice (docs/smileid-protocol.md §6.2)', () => {
    expect(T.minFaceArea).toBeLessThan(T.maxFaceArea);
    // The official clients accept face areas between 10 % (Android enhanced) and 30 % (Android).
    expect(T.minFaceArea).toBeGreaterThanOrEqual(0.1);
    expect(T.maxFaceArea).toBeLessThanOrEqual(0.3);
    // The largest allowed face at the largest allowed offset still lies wholly inside a 4:3 frame.
    const widest = widthForArea(T.maxFaceArea) / W;
    expect(T.maxCentreOffset + widest / 2).toBeLessThan(0.5);
    // A scene is blamed for darkness only below the face's own limit.
    expect(T.minSceneLuma).toBeLessThanOrEqual(T.minFaceLuma);
  });
});

describe('mainFace and faceAreaShare', () => {
  it('takes the largest face (the nearest person)', () => {
    const small = face(100, 100, 100);
    const large = face(200, 400, 240);
    expect(mainFace([small, large])).toBe(large);
    expect(mainFace([large, small])).toBe(large);
    expect(mainFace([])).toBeUndefined();
  });

  it('gives the share of the frame area the box covers', () => {
    expect(faceAreaShare({ x: 0, y: 0, width: 320, height: 240, score: 1 }, W, H)).toBeCloseTo(0.25, 9);
  });
});
