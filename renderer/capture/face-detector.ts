// The on-kiosk face detector: @vladmandic/face-api's tiny face detector on TensorFlow.js. Loaded lazily, so the
// first screens never wait for tfjs (about 1.3 MB of script), and loaded from the app's own files: the weights
// come from `modelUrl` (./models) and tfjs's WebAssembly kernels from `wasmUrl` (./wasm), both copied in by
// `npm run build:renderer`. Nothing here may reach the network: the wasm backend is pointed at the app's own
// copy before it initialises, and WebGPU (which could fetch) is removed before any tensor exists.
import type * as FaceApiModule from '@vladmandic/face-api';
import { FACE_SEARCH_SETTINGS } from './face-search';
import type { FaceBox } from './guidance';

/** Type only: the module itself is imported dynamically in loadModel. */
type FaceApi = typeof FaceApiModule;

export type DetectorBackend = 'wasm' | 'webgl' | 'cpu';

export interface DetectorSettings {
  /** Tried in order; the first that initialises and survives a warm-up detection is used. */
  readonly backends: readonly DetectorBackend[];
  /**
   * The input sizes the search uses (face-search.ts): each is warmed up at load, so no customer waits for a
   * first run at a new size (WebGL compiles shaders per shape; wasm allocates).
   */
  readonly inputSizes: readonly number[];
  /** Detections below this confidence are dropped by the detector itself. */
  readonly scoreThreshold: number;
}

/**
 * The detector runs on square canvases the search draws at exactly the input size it asks for (160 for a
 * tracking crop, 224 for the whole frame, 256 for a tile: face-search.ts explains why), so face-api never
 * resizes. Cost measured in headless Chromium on the 2-core build machine with the wasm backend: about 6–16
 * ms at 160, 20 ms at 224, 25–35 ms at 256 (the tfjs CPU backend: ≈ 180–230 ms at 160).
 */
export const DETECTOR_SETTINGS: DetectorSettings = {
  // WebAssembly (SIMD) first: on kiosks without a real GPU — and on the 2-core CI machine, where WebGL falls
  // back to SwiftShader at ~3 detections/s — it is several times faster than WebGL or plain JavaScript.
  backends: ['wasm', 'webgl', 'cpu'],
  inputSizes: [
    FACE_SEARCH_SETTINGS.trackInput,
    FACE_SEARCH_SETTINGS.wholeFrameInput,
    FACE_SEARCH_SETTINGS.tileInput,
  ],
  scoreThreshold: FACE_SEARCH_SETTINGS.minScore,
};

/** Backends that could load code from elsewhere at initialisation; they must never be picked. */
const NETWORKED_BACKENDS = ['webgpu'] as const;

/** Where the app serves tfjs's .wasm files (relative, like the models: it works under app:// and http://). */
export const WASM_URL = './wasm/';

export type DetectorInput = HTMLVideoElement | HTMLCanvasElement | ImageData;

export interface FaceDetector {
  /** The tfjs backend in use: 'wasm', 'webgl' or 'cpu'. */
  readonly backend: DetectorBackend;
  /**
   * Faces in the source's own pixels, the source seen at `inputSize`² (a positive multiple of 32; pass the
   * source at that size so nothing is resized). Calls are queued: two detections never run at once.
   */
  detect(source: DetectorInput, inputSize: number): Promise<FaceBox[]>;
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

async function warmUp(faceapi: FaceApi, inputSizes: readonly number[]): Promise<void> {
  // The first run compiles WebGL shaders (seconds on a software GPU): pay it now, not on the customer's face.
  for (const inputSize of inputSizes) {
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
}

function checkInputSize(inputSize: number): void {
  if (!Number.isInteger(inputSize) || inputSize <= 0 || inputSize % 32 !== 0) {
    throw new FaceDetectorError(`inputSize ${inputSize} is not a positive multiple of 32`);
  }
}

async function loadModel(
  modelUrl: string,
  backends: readonly DetectorBackend[],
  inputSizes: readonly number[],
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
      await warmUp(faceapi, inputSizes);
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
  const { backends, inputSizes, scoreThreshold } = { ...DETECTOR_SETTINGS, ...settings };
  for (const inputSize of inputSizes) checkInputSize(inputSize);
  const key = `${modelUrl}\n${backends.join(',')}\n${inputSizes.join(',')}`;
  if (loading === null || loading.key !== key) {
    const model = loadModel(modelUrl, backends, inputSizes);
    loading = { key, model };
    // A failed load must not stick: the next attempt (Try again) loads afresh.
    model.catch(() => {
      if (loading?.model === model) loading = null;
    });
  }
  const { faceapi, backend } = await loading.model;
  const optionsBySize = new Map<number, FaceApiModule.TinyFaceDetectorOptions>();
  const optionsFor = (inputSize: number) => {
    let options = optionsBySize.get(inputSize);
    if (options === undefined) {
      checkInputSize(inputSize);
      options = new faceapi.TinyFaceDetectorOptions({ inputSize, scoreThreshold });
      optionsBySize.set(inputSize, options);
    }
    return options;
  };
  let queue: Promise<unknown> = Promise.resolve();

  const detectNow = async (source: DetectorInput, inputSize: number): Promise<FaceBox[]> => {
    const options = optionsFor(inputSize);
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
    detect(source, inputSize) {
      const result = queue.then(() => detectNow(source, inputSize));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
