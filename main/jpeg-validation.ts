// Checks the JPEGs the renderer hands over before anything is written: magic bytes, real dimensions from the
// file's own header, and size caps (IMAGE_LIMITS in app/). A compromised renderer cannot make main store or
// send something that is not a plausible selfie.
import { imageSize } from 'image-size';
import { IMAGE_LIMITS } from '../app/ipc/channels';
import { KioskError } from '../app/errors';

const JPEG_MAGIC = [0xff, 0xd8, 0xff];

export interface JpegInfo {
  readonly width: number;
  readonly height: number;
}

export function checkJpeg(bytes: Uint8Array, label: string, maxBytes: number): JpegInfo {
  const reject = (why: string) =>
    new KioskError('invalid_image', `The ${label} is not usable: ${why}.`, 'Take the photos again.');
  if (bytes.length > maxBytes) throw reject(`it is larger than ${Math.round(maxBytes / 1024)} KB`);
  if (!JPEG_MAGIC.every((byte, index) => bytes[index] === byte)) throw reject('it is not a JPEG');
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(bytes);
  } catch {
    throw reject('its JPEG header cannot be read');
  }
  const { width, height } = size;
  if (size.type !== 'jpg' || width === undefined || height === undefined)
    throw reject('its size cannot be read');
  const shortSide = Math.min(width, height);
  const longSide = Math.max(width, height);
  if (shortSide < IMAGE_LIMITS.minSide || longSide > IMAGE_LIMITS.maxSide) {
    throw reject(`${width}×${height} pixels is outside ${IMAGE_LIMITS.minSide}–${IMAGE_LIMITS.maxSide}`);
  }
  return { width, height };
}

export function checkEnrollmentImages(selfie: Uint8Array, liveness: readonly Uint8Array[]): void {
  checkJpeg(selfie, 'selfie', IMAGE_LIMITS.maxSelfieBytes);
  liveness.forEach((frame, index) =>
    checkJpeg(frame, `liveness photo ${index + 1}`, IMAGE_LIMITS.maxLivenessBytes),
  );
}
