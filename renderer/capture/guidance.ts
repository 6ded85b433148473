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
  /**
   * Mean Rec.601 luma (0–255) inside the main face (see `mainFace` and `faceLightRegion`), or null when no
   * face was found. The light that matters is the light on the face: a well-lit face before a dark wall is
   * fine, a face in shadow before a bright window is not.
   */
  readonly faceLuma: number | null;
  /**
   * Mean luma of the frame's centre, judged only when there is no face (then the dark may be the reason);
   * null when it was not measured.
   */
  readonly sceneLuma: number | null;
}

export interface GuidanceThresholds {
  /** Detections below this confidence are ignored: they are neither "the face" nor "a second face". */
  readonly minFaceScore: number;
  /** A face darker than this (mean luma inside it) is too dark to use. */
  readonly minFaceLuma: number;
  /** With no face found, a frame centre darker than this says "too dark" rather than "no face". */
  readonly minSceneLuma: number;
  /** Face box area as a share of the frame area: smaller is "too far". */
  readonly minFaceArea: number;
  /** …larger is "too close": the whole face, with some margin, must stay in the frame. */
  readonly maxFaceArea: number;
  /** Largest distance of the face centre from the frame centre, per axis, as a fraction of that axis. */
  readonly maxCentreOffset: number;
}

/**
 * Why these numbers (docs/smileid-protocol.md §6.2 gives the face *area* limits of Smile ID's own clients:
 * Android 15–30 %, Android enhanced 10–30 %, iOS 12.5–25 % of the frame):
 * - Distance is judged on the box's share of the frame AREA, as those clients do, not on its width: the
 *   camera may run at 4:3 or 16:9 (settings.camera.resolution), and a box 0.45 of the width, fine on 4:3,
 *   is 0.8 of a 16:9 frame's height — the chin or the forehead would be cut off. 10–25 % is the band all
 *   three official clients accept somewhere, and on 4:3 it is the 0.30–0.45 of the width the kiosk used
 *   before (the detector's box is about 0.9 as tall as it is wide). The search (face-search.ts) measures
 *   every face in a crop where it fills about 0.45 of the detector's input, so the box is measured the same
 *   way whatever the distance; that box is 10–20 % wider than the same detector's box on the full-size
 *   fixture (test/bench detection section, "box width error"), and the limits apply to it as reported.
 * - Face luma 60 lies between Android enhanced (luminance ≥ 50) and the enhanced web client (≥ 85 on the
 *   face). The scene threshold is lower (45): with no face found, only a truly dark room should be blamed.
 * - A centre offset of 0.15 keeps the face inside the UI's oval; the official clients only require the box to
 *   be inside the frame, which 0.15 plus the largest allowed face guarantees.
 * - Score 0.5 is face-api's default; the tiny detector's usual false positives (shoulders, hair, fur) score
 *   0.3–0.45, real faces at the sizes the search feeds it 0.6–0.99.
 */
export const GUIDANCE_THRESHOLDS: GuidanceThresholds = {
  minFaceScore: 0.5,
  minFaceLuma: 60,
  minSceneLuma: 45,
  minFaceArea: 0.1,
  maxFaceArea: 0.25,
  maxCentreOffset: 0.15,
};

/** The face the guidance is about: the largest (the person nearest the kiosk). */
export function mainFace(faces: readonly FaceBox[]): FaceBox | undefined {
  let main: FaceBox | undefined;
  for (const face of faces)
    if (main === undefined || face.width * face.height > main.width * main.height) main = face;
  return main;
}

/** Share of the frame's area the box covers. */
export function faceAreaShare(face: FaceBox, frameWidth: number, frameHeight: number): number {
  return (face.width * face.height) / (frameWidth * frameHeight);
}

/**
 * The first problem that applies, in the order a customer can fix them: light first (in the dark the detector
 * finds nothing, and "no face" would send them looking for the wrong fix), then presence, then position (a
 * face at the edge may be cut off, so its size is not trustworthy; and "move to the middle" is the one step
 * that also brings a person who walked in from the side in front of the camera), then distance.
 */
export function assessFrame(
  input: FrameAssessmentInput,
  thresholds: GuidanceThresholds = GUIDANCE_THRESHOLDS,
): Guidance {
  const { frameWidth, frameHeight } = input;
  if (!(frameWidth > 0 && frameHeight > 0)) return 'no_face';

  const faces = input.faces.filter((face) => face.score >= thresholds.minFaceScore);
  const face = mainFace(faces);
  if (face === undefined) {
    const dark = input.sceneLuma !== null && input.sceneLuma < thresholds.minSceneLuma;
    return dark ? 'too_dark' : 'no_face';
  }
  if (input.faceLuma !== null && input.faceLuma < thresholds.minFaceLuma) return 'too_dark';
  if (faces.length > 1) return 'multiple_faces';

  const offsetX = Math.abs((face.x + face.width / 2) / frameWidth - 0.5);
  const offsetY = Math.abs((face.y + face.height / 2) / frameHeight - 0.5);
  if (offsetX > thresholds.maxCentreOffset || offsetY > thresholds.maxCentreOffset) return 'off_centre';

  const area = faceAreaShare(face, frameWidth, frameHeight);
  if (area < thresholds.minFaceArea) return 'too_far';
  if (area > thresholds.maxFaceArea) return 'too_close';
  return 'ok';
}
