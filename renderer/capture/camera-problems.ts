// What can go wrong with the kiosk camera, as the customer-facing screen needs it: a small set of problems,
// each with what to do. getUserMedia's DOMException names are mapped by a table, not by if-chains. Pure (no
// DOM types), so the mapping is unit-tested.

export type CameraProblem =
  'not_found' | 'permission_denied' | 'in_use' | 'unplugged' | 'unsupported' | 'unknown';

/**
 * getUserMedia rejection names → problem. The legacy names are what older Chromium builds (and so some
 * Electron versions) still throw.
 */
export const CAMERA_ERROR_NAMES: Readonly<Record<string, CameraProblem>> = {
  NotFoundError: 'not_found',
  DevicesNotFoundError: 'not_found',
  // The kiosk asks for ideal sizes only, so an over-constrained request means no camera can serve it at all.
  OverconstrainedError: 'not_found',
  ConstraintNotSatisfiedError: 'not_found',
  NotAllowedError: 'permission_denied',
  PermissionDeniedError: 'permission_denied',
  SecurityError: 'permission_denied',
  NotReadableError: 'in_use',
  TrackStartError: 'in_use',
  // Chromium's "Timeout starting video source": the device exists but another program holds it or it hangs.
  AbortError: 'in_use',
};

/** Plain-language advice per problem, for the screen shown instead of the capture (the UI may translate it). */
export const CAMERA_PROBLEM_ADVICE: Readonly<Record<CameraProblem, { title: string; action: string }>> = {
  not_found: {
    title: 'No camera found',
    action: 'Connect the camera to the kiosk, wait a few seconds, then tap Try again.',
  },
  permission_denied: {
    title: 'The kiosk may not use the camera',
    action: 'Ask staff to allow camera access for the kiosk app in its settings, then tap Try again.',
  },
  in_use: {
    title: 'The camera is busy',
    action:
      'Close any other program that uses the camera, or unplug it and plug it back in, then tap Try again.',
  },
  unplugged: {
    title: 'The camera was disconnected',
    action: 'Plug the camera back in, wait a few seconds, then tap Try again. The photos start over.',
  },
  unsupported: {
    title: 'This screen cannot use a camera',
    action: 'Ask staff to restart the kiosk app.',
  },
  unknown: {
    title: 'The camera could not start',
    action: 'Tap Try again. If it happens again, unplug the camera, plug it back in, and ask staff for help.',
  },
};

export class CameraError extends Error {
  override readonly name = 'CameraError';

  constructor(
    readonly problem: CameraProblem,
    message: string = CAMERA_PROBLEM_ADVICE[problem].title,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('name' in error)) return undefined;
  return typeof error.name === 'string' ? error.name : undefined;
}

/** The CameraError for whatever getUserMedia (or play()) threw; a CameraError passes through unchanged. */
export function cameraErrorFrom(error: unknown): CameraError {
  if (error instanceof CameraError) return error;
  const name = errorName(error);
  const known = name !== undefined && Object.hasOwn(CAMERA_ERROR_NAMES, name);
  const problem = (known ? CAMERA_ERROR_NAMES[name] : undefined) ?? 'unknown';
  const detail = error instanceof Error && error.message ? `: ${error.message}` : '';
  return new CameraError(problem, `${CAMERA_PROBLEM_ADVICE[problem].title} (${name ?? 'error'}${detail})`, {
    cause: error,
  });
}
