// The on-kiosk face detector: @vladmandic/face-api's tiny face detector on TensorFlow.js. Loaded lazily, so the
// first screens never wait for tfjs (about 1.3 MB of script), and loaded from the app's own files: the weights
// come from `modelUrl` (./models) and tfjs's WebAssembly kernels from `wasmUrl` (./wasm), both copied in by
// `npm run build:renderer`. Nothing here may reach the network: the wasm backend is pointed at the app's own
// copy before it initialises, and WebGPU (which could fetch) is removed before any tensor exists.
import type * as FaceApiModule from '@vladmandic/face-api';
import type { FaceBox } from './guidance';

/** Type only: the module itself is imported dynamically in loadModel. */
type FaceApi = typeof FaceApiModule;

export type DetectorBackend = 'wasm' | 'webgl' | 'cpu';

export interface DetectorSettings {
  /** Tried in order; the first that initialises and survives a warm-up detection is used. */
  readonly backends: readonly DetectorBackend[];
  /** Side of the square the network sees (a multiple of 32). Cost grows with its square. */
  readonly inputSize: number;
  /** Detections below this confidence are dropped by the detector itself. */
  readonly scoreThreshold: number;
}

/**
 * inputSize 160, fed the frame's centre square (see frame-geometry.ts `centreSquare`). Measured on the
 * astronaut fixture with tfjs's CPU backend: 160 on the centre square found the face at every width from 0.20
 * to 0.70 of a 640×480 frame, scoring 0.70–0.95, with box widths within ±0.05 up to 0.45 (smaller beyond: see
 * GUIDANCE_THRESHOLDS). 128 missed faces narrower than 0.26–0.33 of the frame (the "too far" boundary is
 * 0.30) and scored only 0.36–0.5 near it.
 * Cost on the CPU backend (2 busy cores): ≈ 180–230 ms per detection at 160, ≈ 115–125 ms at 128, ≈ 60–110
 * ms at 96. So on CPU the loop cannot reach 10/s at any size that still sees a face at the "too far"
 * boundary; WebGL is expected to do much better. Callers can trade accuracy for rate with `inputSize`.
 */
export const DETECTOR_SETTINGS: DetectorSettings = {
  // WebAssembly (SIMD) first: on kiosks without a real GPU — and on the 2-core CI machine, where WebGL falls
  // back to SwiftShader at ~3 detections/s — it is several times faster than WebGL or plain JavaScript.
  backends: ['wasm', 'webgl', 'cpu'],
  inputSize: 160,
  scoreThreshold: 0.5,
};

/** Backends that could load code from elsewhere at initialisation; they must never be picked. */
const NETWORKED_BACKENDS = ['webgpu'] as const;

/** Where the app serves tfjs's .wasm files (relative, like the models: it works under app:// and http://). */
export const WASM_URL = './wasm/';

export type DetectorInput = HTMLVideoElement | HTMLCanvasElement | ImageData;

export interface FaceDetector {
  /** The tfjs backend in use: 'wasm', 'webgl' or 'cpu'. */
  readonly backend: DetectorBackend;
  readonly inputSize: number;
  /** Faces in the source's own pixels. Calls are queued: two detections never run at once. */
  detect(source: DetectorInput): Promise<FaceBox[]>;
}

export class FaceDetectorError extends Error {
  override readonly name = 'FaceDetectorError';
}

/** The part of tfjs's API face-api's typings leave out; checked at run time rather than assumed. */
interface TfBackendControl {
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  getBackend(): string;
  setWasmPaths(prefix: string): void;
  findBackendFactory(name: string): unknown;
  removeBackend(name: string): void;
}

function backendControl(tf: FaceApi['tf']): TfBackendControl {
  const candidate = tf as unknown as Partial<Record<keyof TfBackendControl, unknown>>;
  const names: (keyof TfBackendControl)[] = [
    'setBackend',
    'ready',
    'getBackend',
    'setWasmPaths',
    'findBackendFactory',
    'removeBackend',
  ];
  const missing = names.filter((name) => typeof candidate[name] !== 'function');
  if (missing.length > 0) throw new FaceDetectorError(`face-api's tfjs lacks ${missing.join(', ')}`);
  return tf as unknown as TfBackendControl;
}

interface LoadedModel {
  readonly faceapi: FaceApi;
  readonly backend: DetectorBackend;
}

// One model per page: tfjs's backend is global, and a retake or the next customer reuses the loaded weights.
let loading: { key: string; model: Promise<LoadedModel> } | null = null;

async function warmUp(faceapi: FaceApi, inputSize: number): Promise<void> {
  // The first run compiles WebGL shaders (seconds on a software GPU): pay it now, not on the customer's face.
  const blank = faceapi.tf.tensor3d(
    new Int32Array(inputSize * inputSize * 3),
    [inputSize, inputSize, 3],
    'int32',
  );
  try {
    await faceapi.detectAllFaces(
      blank,
      new faceapi.TinyFaceDetectorOptions({ inputSize, scoreThreshold: 0.5 }),
    );
  } finally {
    blank.dispose();
  }
}

async function loadModel(
  modelUrl: string,
  backends: readonly DetectorBackend[],
  inputSize: number,
): Promise<LoadedModel> {
  let faceapi: FaceApi;
  try {
    faceapi = await import('@vladmandic/face-api');
  } catch (error) {
    throw new FaceDetectorError('The face detector could not be loaded', { cause: error });
  }
  const tf = backendControl(faceapi.tf);
  // Before anything creates a tensor: an unset backend makes tfjs initialise the best registered one itself.
  for (const name of NETWORKED_BACKENDS) {
    if (tf.findBackendFactory(name) !== null) tf.removeBackend(name);
  }
  // Must precede the wasm backend's initialisation: without it tfjs would look for the binaries elsewhere.
  tf.setWasmPaths(WASM_URL);

  const failures: string[] = [];
  for (const backend of backends) {
    try {
      if (!(await tf.setBackend(backend))) {
        failures.push(`${backend}: did not initialise`);
        continue;
      }
      await tf.ready();
      // Loaded per backend: weights created on a backend that then fails must not be carried over.
      await faceapi.nets.tinyFaceDetector.loadFromUri(modelUrl);
      await warmUp(faceapi, inputSize);
      return { faceapi, backend };
    } catch (error) {
      failures.push(`${backend}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new FaceDetectorError(`The face detector could not start from ${modelUrl} (${failures.join('; ')})`);
}

/**
 * On the CPU backend tfjs reads pixels by drawing the element into a canvas of its own and reading that back;
 * our detector canvas is already CPU-side (willReadFrequently), so hand over its pixels directly. WebGL
 * uploads an element straight into a texture, so it gets the element.
 */
function readablePixels(source: DetectorInput): DetectorInput {
  if (typeof HTMLCanvasElement === 'undefined' || !(source instanceof HTMLCanvasElement)) return source;
  const context = source.getContext('2d', { willReadFrequently: true });
  return context === null ? source : context.getImageData(0, 0, source.width, source.height);
}

/**
 * Loads (once per page) and returns the face detector. `modelUrl` is relative to the page (the default works
 * under the dev host and Electron's app:// alike) or an http(s) URL of the app's own origin.
 */
export async function loadFaceDetector(
  modelUrl = './models',
  settings: Partial<DetectorSettings> = {},
): Promise<FaceDetector> {
  const { backends, inputSize, scoreThreshold } = { ...DETECTOR_SETTINGS, ...settings };
  if (!Number.isInteger(inputSize) || inputSize <= 0 || inputSize % 32 !== 0) {
    throw new FaceDetectorError(`inputSize ${inputSize} is not a positive multiple of 32`);
  }
  const key = `${modelUrl}\n${backends.join(',')}`;
  if (loading === null || loading.key !== key) {
    const model = loadModel(modelUrl, backends, inputSize);
    loading = { key, model };
    // A failed load must not stick: the next attempt (Try again) loads afresh.
    model.catch(() => {
      if (loading?.model === model) loading = null;
    });
  }
  const { faceapi, backend } = await loading.model;
  const options = new faceapi.TinyFaceDetectorOptions({ inputSize, scoreThreshold });
  let queue: Promise<unknown> = Promise.resolve();

  const detectNow = async (source: DetectorInput): Promise<FaceBox[]> => {
    // Our own tensor rather than the element: face-api would copy an element into two fresh (GPU) canvases
    // per call and read them back.
    const pixels = faceapi.tf.browser.fromPixels(backend === 'cpu' ? readablePixels(source) : source);
    try {
      const detections = await faceapi.detectAllFaces(pixels, options);
      return detections.map(({ box, score }) => ({
        x: box.x,
        y: box.y,
        width: box.width,
        height: box.height,
        score,
      }));
    } finally {
      pixels.dispose();
    }
  };

  return {
    backend,
    inputSize,
    detect(source) {
      const result = queue.then(() => detectNow(source));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
