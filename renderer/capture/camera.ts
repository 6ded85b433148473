// Opens the kiosk webcam chosen in the settings (device and resolution) into a <video> element and reports,
// as one CameraError vocabulary, everything that can go wrong: no camera, no permission, camera busy, camera
// unplugged mid-capture, no camera API at all. A chosen camera that is no longer connected is never an error:
// the default camera is opened instead.
import { DEFAULT_SETTINGS, type CameraSettings } from '../../app/settings';
import { DEVICE_GONE_ERRORS, deviceMissing, videoConstraints } from './camera-choice';
import { CAMERA_PROBLEM_ADVICE, CameraError, cameraErrorFrom } from './camera-problems';

export { CAMERA_PROBLEM_ADVICE, CameraError, type CameraProblem } from './camera-problems';

/**
 * The stored photos are 640 px on the long side whatever the camera gives; a larger stream (settings may ask
 * for up to 1920×1080, for a camera that frames better or sees further at it) costs one downscaling draw per
 * frame, not detector time (frame-analyzer.ts).
 */
export const DEFAULT_CAMERA: CameraSettings = DEFAULT_SETTINGS.camera;

/** How long a started stream may take to show its first picture before we call the camera broken. */
const FIRST_PICTURE_TIMEOUT_MS = 10_000;

export interface CameraHandle {
  readonly stream: MediaStream;
  readonly video: HTMLVideoElement;
  /** True when the chosen camera was not connected and the default one was opened instead. */
  readonly usedDefaultInstead: boolean;
  /** Calls back once if the camera stops delivering (unplugged, taken by the OS); returns an unsubscribe. */
  onLost(callback: (error: CameraError) => void): () => void;
  /** Stops every track and detaches the stream from the video element. Safe to call more than once. */
  stop(): void;
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/** Resolves once the video has a picture size (play() can resolve before the first frame is decoded). */
function whenPictureReady(video: HTMLVideoElement, timeoutMs: number): Promise<void> {
  if (video.videoWidth > 0 && video.videoHeight > 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const events = ['loadedmetadata', 'loadeddata', 'resize'] as const;
    const done = (error?: CameraError) => {
      clearTimeout(timer);
      for (const event of events) video.removeEventListener(event, check);
      if (error) reject(error);
      else resolve();
    };
    const check = () => {
      if (video.videoWidth > 0 && video.videoHeight > 0) done();
    };
    const timer = setTimeout(
      () => done(new CameraError('unknown', 'The camera started but shows no picture')),
      timeoutMs,
    );
    for (const event of events) video.addEventListener(event, check);
  });
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
}

/** The media devices API, or a CameraError when this page has none. */
export function mediaDevices(): MediaDevices {
  // Undefined outside a secure context (or in a renderer without the media stack), whatever lib.dom says.
  const devices: MediaDevices | undefined = navigator.mediaDevices;
  if (devices === undefined || typeof devices.getUserMedia !== 'function') {
    throw new CameraError('unsupported', 'This page has no camera API (navigator.mediaDevices is missing)');
  }
  return devices;
}

/**
 * The stream of the chosen camera, or of the default camera when the chosen one is gone (unplugged, swapped
 * for another model: its deviceId changes). Busy or forbidden cameras are reported, not replaced.
 */
async function requestStream(
  devices: MediaDevices,
  camera: CameraSettings,
): Promise<{ stream: MediaStream; usedDefaultInstead: boolean }> {
  const listed = await devices.enumerateDevices().catch(() => []);
  let skipChosen = deviceMissing(camera, listed) === true;
  if (camera.deviceId !== null && !skipChosen) {
    try {
      return {
        stream: await devices.getUserMedia({ video: videoConstraints(camera), audio: false }),
        usedDefaultInstead: false,
      };
    } catch (error) {
      if (!DEVICE_GONE_ERRORS.has(errorName(error))) throw cameraErrorFrom(error);
      skipChosen = true;
    }
  }
  try {
    const stream = await devices.getUserMedia({ video: videoConstraints(camera, true), audio: false });
    return { stream, usedDefaultInstead: skipChosen };
  } catch (error) {
    throw cameraErrorFrom(error);
  }
}

export async function openCamera(
  video: HTMLVideoElement,
  camera: CameraSettings = DEFAULT_CAMERA,
): Promise<CameraHandle> {
  const { stream, usedDefaultInstead } = await requestStream(mediaDevices(), camera);

  const tracks = stream.getVideoTracks();
  if (tracks.length === 0) {
    stopTracks(stream);
    throw new CameraError('not_found', 'The camera stream has no video');
  }
  if (tracks.some((track) => track.readyState === 'ended')) {
    stopTracks(stream);
    throw new CameraError('unplugged');
  }

  // Muted and inline, so autoplay rules never block the preview.
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  try {
    await video.play();
    await whenPictureReady(video, FIRST_PICTURE_TIMEOUT_MS);
  } catch (error) {
    stopTracks(stream);
    if (video.srcObject === stream) video.srcObject = null;
    // play()'s own NotAllowedError/AbortError are about playback, not camera permission: do not map by name.
    throw error instanceof CameraError
      ? error
      : new CameraError('unknown', `${CAMERA_PROBLEM_ADVICE.unknown.title} (the preview did not play)`, {
          cause: error,
        });
  }
  return new OpenCamera(stream, video, tracks, usedDefaultInstead);
}

class OpenCamera implements CameraHandle {
  private stopped = false;
  private lost: CameraError | null = null;
  private readonly lostCallbacks = new Set<(error: CameraError) => void>();
  private readonly onTrackEnded = () => {
    // track.stop() does not fire 'ended', so reaching here while running means the device went away.
    if (this.stopped || this.lost !== null) return;
    this.lost = new CameraError('unplugged');
    for (const callback of [...this.lostCallbacks]) callback(this.lost);
  };

  constructor(
    readonly stream: MediaStream,
    readonly video: HTMLVideoElement,
    private readonly tracks: readonly MediaStreamTrack[],
    readonly usedDefaultInstead: boolean,
  ) {
    for (const track of tracks) track.addEventListener('ended', this.onTrackEnded);
  }

  onLost(callback: (error: CameraError) => void): () => void {
    this.lostCallbacks.add(callback);
    const lost = this.lost;
    if (lost !== null) {
      queueMicrotask(() => {
        if (this.lostCallbacks.has(callback)) callback(lost);
      });
    }
    return () => {
      this.lostCallbacks.delete(callback);
    };
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const track of this.tracks) track.removeEventListener('ended', this.onTrackEnded);
    this.lostCallbacks.clear();
    stopTracks(this.stream);
    if (this.video.srcObject === this.stream) {
      this.video.pause();
      this.video.srcObject = null;
    }
  }
}
