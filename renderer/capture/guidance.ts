// Turns one camera frame's face detections and brightness into one piece of guidance for the customer.
// Pure: no DOM, no clock, so the rules can be tested with numbers and tuned as data.

/** A detected face, in the pixels of the frame it was found in. */
export interface FaceBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The detector's confidence, 0–1. */
  readonly score: number;
}

export type Guidance =
  'no_face' | 'multiple_faces' | 'too_dark' | 'too_far' | 'too_close' | 'off_centre' | 'ok';

export interface FrameAssessmentInput {
  readonly faces: readonly FaceBox[];
  readonly frameWidth: number;
  readonly frameHeight: number;
  /** Mean Rec.601 luma of the frame (or of its centre, where the face should be), 0–255. */
  readonly meanLuma: number;
}

export interface GuidanceThresholds {
  /** Detections below this confidence are ignored: they are neither "the face" nor "a second face". */
  readonly minFaceScore: number;
  /** Darker than this and the face is too dark to use (and the detector is unreliable). */
  readonly minMeanLuma: number;
  /** Face box width as a fraction of the frame width: narrower is "too far". */
  readonly minFaceWidth: number;
  /** …wider is "too close": the whole face, with some margin, must stay in the frame. */
  readonly maxFaceWidth: number;
  /** Largest distance of the face centre from the frame centre, per axis, as a fraction of that axis. */
  readonly maxCentreOffset: number;
}

/**
 * Why these numbers (docs/smileid-protocol.md §6.2 gives face *area* limits of Smile ID's own clients: Android
 * 15–30 %, Android enhanced 10–30 %, iOS 12.5–25 % of the frame). Widths are of the tiny face detector's box,
 * measured on the astronaut fixture framed at known sizes in a 640×480 frame (inputSize 160, centre square):
 * - The box is about as tall, as a fraction of the frame height, as it is wide as a fraction of the width, so
 *   width 0.30 ≈ 9–10 % of the frame's area: the lower end of what the official clients accept. (The first
 *   guess, 0.22, is ≈ 5 %: smaller than any of them allows.)
 * - Up to width 0.40 the box matches the face; beyond, it falls behind (a face 0.50 wide measures 0.40–0.43,
 *   0.55 measures 0.45–0.48, 0.60 measures 0.48–0.51). So 0.45 on the box means a face ≈ 0.55 wide, ≈ 30 %
 *   of the area: Android's upper limit. 0.55 on the box would let faces ≈ 0.65 wide (≈ 45 %) through.
 * - Luma 60 lies between Android enhanced (luminance ≥ 50) and the web client (≥ 85, measured on the face).
 * - A centre offset of 0.15 keeps the face inside the UI's oval; the official clients only require the box to
 *   be inside the frame, which 0.15 plus the largest allowed face guarantees horizontally.
 * - Score 0.5 is face-api's default; it drops the tiny detector's usual false positives (0.3–0.45 on
 *   shoulders and hair) while real faces at the sizes above score 0.7–0.95.
 */
export const GUIDANCE_THRESHOLDS: GuidanceThresholds = {
  minFaceScore: 0.5,
  minMeanLuma: 60,
  minFaceWidth: 0.3,
  maxFaceWidth: 0.45,
  maxCentreOffset: 0.15,
};

/**
 * The first problem that applies, in the order a customer can fix them: light first (in the dark the detector
 * finds nothing, and "no face" would send them looking for the wrong fix), then presence, then position (a
 * face at the edge is cut off, so its size is not trustworthy), then distance.
 */
export function assessFrame(
  input: FrameAssessmentInput,
  thresholds: GuidanceThresholds = GUIDANCE_THRESHOLDS,
): Guidance {
  const { frameWidth, frameHeight } = input;
  if (!(frameWidth > 0 && frameHeight > 0)) return 'no_face';
  if (input.meanLuma < thresholds.minMeanLuma) return 'too_dark';

  const faces = input.faces.filter((face) => face.score >= thresholds.minFaceScore);
  const face = faces[0];
  if (face === undefined) return 'no_face';
  if (faces.length > 1) return 'multiple_faces';

  const offsetX = Math.abs((face.x + face.width / 2) / frameWidth - 0.5);
  const offsetY = Math.abs((face.y + face.height / 2) / frameHeight - 0.5);
  if (offsetX > thresholds.maxCentreOffset || offsetY > thresholds.maxCentreOffset) return 'off_centre';

  const widthFraction = face.width / frameWidth;
  if (widthFraction < thresholds.minFaceWidth) return 'too_far';
  if (widthFraction > thresholds.maxFaceWidth) return 'too_close';
  return 'ok';
}
