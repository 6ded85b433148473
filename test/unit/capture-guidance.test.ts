import { describe, expect, it } from 'vitest';
import {
  type FaceBox,
  type FrameAssessmentInput,
  GUIDANCE_THRESHOLDS,
  assessFrame,
} from '../../renderer/capture/guidance';

const W = 640;
const H = 480;
const T = GUIDANCE_THRESHOLDS;

/** A face of `width` pixels (square-ish box) centred at (cx, cy) in frame pixels. */
function face(width: number, cx = W / 2, cy = H / 2, score = 0.9): FaceBox {
  const height = width * 1.1;
  return { x: cx - width / 2, y: cy - height / 2, width, height, score };
}

function frame(faces: FaceBox[], meanLuma = 128): FrameAssessmentInput {
  return { faces, frameWidth: W, frameHeight: H, meanLuma };
}

const goodWidth = ((T.minFaceWidth + T.maxFaceWidth) / 2) * W;

describe('assessFrame', () => {
  it('says ok for one well-lit, centred face of a good size', () => {
    expect(assessFrame(frame([face(goodWidth)]))).toBe('ok');
  });

  it('says no_face without a face, or when every detection is below the score threshold', () => {
    expect(assessFrame(frame([]))).toBe('no_face');
    expect(assessFrame(frame([face(goodWidth, W / 2, H / 2, T.minFaceScore - 0.01)]))).toBe('no_face');
    expect(assessFrame({ faces: [face(goodWidth)], frameWidth: 0, frameHeight: 0, meanLuma: 128 })).toBe(
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

  it('says too_dark below the luma threshold, before anything else (the dark also hides the face)', () => {
    expect(assessFrame(frame([face(goodWidth)], T.minMeanLuma - 0.1))).toBe('too_dark');
    expect(assessFrame(frame([], T.minMeanLuma - 1))).toBe('too_dark');
    expect(assessFrame(frame([face(goodWidth)], T.minMeanLuma))).toBe('ok');
  });

  it('says too_far below the minimum face width and accepts the minimum itself', () => {
    expect(assessFrame(frame([face(T.minFaceWidth * W)]))).toBe('ok');
    expect(assessFrame(frame([face(T.minFaceWidth * W - 1)]))).toBe('too_far');
    expect(assessFrame(frame([face(0.1 * W)]))).toBe('too_far');
  });

  it('says too_close above the maximum face width and accepts the maximum itself', () => {
    expect(assessFrame(frame([face(T.maxFaceWidth * W)]))).toBe('ok');
    expect(assessFrame(frame([face(T.maxFaceWidth * W + 1)]))).toBe('too_close');
    expect(assessFrame(frame([face(0.8 * W)]))).toBe('too_close');
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

  it('names the position before the size: a face at the edge is cut off, so its width is not trustworthy', () => {
    expect(assessFrame(frame([face(0.1 * W, W * 0.9)]))).toBe('off_centre');
  });

  it('follows thresholds passed in instead of the defaults', () => {
    const strict = { ...T, minFaceWidth: 0.45 };
    expect(assessFrame(frame([face(0.4 * W)]), strict)).toBe('too_far');
    expect(assessFrame(frame([face(0.4 * W)]))).toBe('ok');
  });

  it('keeps its data consistent with Smile ID capture practice (docs/smileid-protocol.md §6.2)', () => {
    expect(T.minFaceWidth).toBeLessThan(T.maxFaceWidth);
    // Largest allowed face at the largest allowed offset still lies wholly inside the frame, horizontally.
    expect(T.maxCentreOffset + T.maxFaceWidth / 2).toBeLessThan(0.5);
    // The official clients accept face areas of 10–30 % of the frame; with the detector's box about as tall
    // (as a fraction of a 4:3 frame's height) as it is wide, the width limits map into that range.
    const area = (widthFraction: number) => widthFraction * widthFraction;
    expect(area(T.minFaceWidth)).toBeGreaterThanOrEqual(0.09);
    expect(area(T.maxFaceWidth)).toBeLessThanOrEqual(0.3);
  });
});
