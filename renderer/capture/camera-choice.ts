// Which camera to open and how, from settings.camera: the getUserMedia constraints, and the choices the
// camera picker lists. Pure (no DOM types beyond plain data), so it is unit-tested.
import type { CameraResolution, CameraSettings } from '../../app/settings';

export interface Resolution {
  readonly width: number;
  readonly height: number;
}

/** '1280x720' → { width: 1280, height: 720 }. */
export function parseResolution(resolution: CameraResolution): Resolution {
  const [width, height] = resolution.split('x').map(Number);
  if (!width || !height) throw new RangeError(`"${resolution}" is not WIDTHxHEIGHT`);
  return { width, height };
}

/** Just what this module reads of a MediaDeviceInfo. */
export interface DeviceInfo {
  readonly kind: string;
  readonly deviceId: string;
  readonly label: string;
}

/** The part of MediaTrackConstraints this module sets (its own type: unit tests run without the DOM's). */
export interface VideoConstraints {
  readonly width: { readonly ideal: number };
  readonly height: { readonly ideal: number };
  readonly deviceId?: { readonly exact: string };
  readonly facingMode?: { readonly ideal: 'user' };
}

/**
 * The video constraints for the chosen camera. Sizes are `ideal`, never `exact`, so a camera that cannot give
 * the chosen resolution still opens at its nearest. The device is `exact` when one is named, so that a named
 * camera is really the one used; `openCamera` falls back to `withoutDevice` when it is gone. Without a named
 * device the front-facing camera is preferred (`ideal`, so a kiosk webcam that does not say which way it
 * faces is still taken).
 */
export function videoConstraints(camera: CameraSettings, withoutDevice = false): VideoConstraints {
  const { width, height } = parseResolution(camera.resolution);
  const size = { width: { ideal: width }, height: { ideal: height } };
  if (camera.deviceId !== null && !withoutDevice) return { ...size, deviceId: { exact: camera.deviceId } };
  return { ...size, facingMode: { ideal: 'user' } };
}

/**
 * getUserMedia's answers that mean "the named camera is not there" (rather than "busy" or "not allowed"):
 * the cue to open the default camera instead of failing.
 */
export const DEVICE_GONE_ERRORS: ReadonlySet<string> = new Set([
  'OverconstrainedError',
  'ConstraintNotSatisfiedError',
  'NotFoundError',
  'DevicesNotFoundError',
]);

/**
 * Whether the named camera is known to be absent from `devices` — only when the list can tell: before the
 * camera permission is granted the browser lists devices without ids, and then we cannot know (undefined).
 */
export function deviceMissing(camera: CameraSettings, devices: readonly DeviceInfo[]): boolean | undefined {
  if (camera.deviceId === null) return false;
  const cameras = devices.filter((device) => device.kind === 'videoinput');
  if (cameras.length === 0 || cameras.some((device) => device.deviceId === '')) return undefined;
  return !cameras.some((device) => device.deviceId === camera.deviceId);
}

export interface CameraChoice {
  /** null: the default camera. */
  readonly deviceId: string | null;
  /** The browser's label, or '' when it gives none (the UI then numbers it). */
  readonly label: string;
  /** The saved camera is not connected now (still listed so the operator sees what is set). */
  readonly missing: boolean;
}

/** The picker's list: the default camera, each video input, and the saved one if it is not connected. */
export function cameraChoices(devices: readonly DeviceInfo[], selected: string | null): CameraChoice[] {
  const choices: CameraChoice[] = [{ deviceId: null, label: '', missing: false }];
  const seen = new Set<string>();
  for (const device of devices) {
    if (device.kind !== 'videoinput' || device.deviceId === '' || seen.has(device.deviceId)) continue;
    seen.add(device.deviceId);
    choices.push({ deviceId: device.deviceId, label: device.label, missing: false });
  }
  if (selected !== null && !seen.has(selected))
    choices.push({ deviceId: selected, label: '', missing: true });
  return choices;
}
