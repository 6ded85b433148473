// Opens the kiosk webcam into a <video> element and reports, as one CameraError vocabulary, everything that
// can go wrong: no camera, no permission, camera busy, camera unplugged mid-capture, no camera API at all.
import { CAMERA_PROBLEM_ADVICE, CameraError, cameraErrorFrom } from './camera-problems';

export { CAMERA_PROBLEM_ADVICE, CameraError, type CameraProblem } from './camera-problems';

/**
 * 640×480 is what the selfie needs (long side 640) and no more: a larger stream costs decode and draw time
 * on a 2-core kiosk for nothing. `ideal`, never `exact`, so that any webcam is accepted.
 */
export const CAMERA_CONSTRAINTS = {
  video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' },
  audio: false,
} as const satisfies MediaStreamConstraints;

/** How long a started stream may take to show its first picture before we call the camera broken. */
const FIRST_PICTURE_TIMEOUT_MS = 10_000;

export interface CameraHandle {
  readonly stream: MediaStream;
  readonly video: HTMLVideoElement;
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

export async function openCamera(video: HTMLVideoElement): Promise<CameraHandle> {
  // Undefined outside a secure context (or in a renderer without the media stack), whatever lib.dom says.
  const devices: MediaDevices | undefined = navigator.mediaDevices;
  if (devices === undefined || typeof devices.getUserMedia !== 'function') {
    throw new CameraError('unsupported', 'This page has no camera API (navigator.mediaDevices is missing)');
  }

  let stream: MediaStream;
  try {
    stream = await devices.getUserMedia(CAMERA_CONSTRAINTS);
  } catch (error) {
    throw cameraErrorFrom(error);
  }

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
  return new OpenCamera(stream, video, tracks);
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
