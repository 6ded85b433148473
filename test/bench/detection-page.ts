// The detection benchmark's page (runs in Chromium; bundled by detection.ts with esbuild): draws each scene
// of detection-scenes.ts frame by frame at the camera's size and runs the kiosk's own FrameAnalyzer on it —
// the very code the capture loop runs (downscale to the processing size, search and track, light on the
// face, guidance) — with the kiosk's detector on the wasm backend. It reports what was found and how long
// each frame took; detection.ts turns that into figures.
import { loadFaceDetector, type FaceDetector } from '../../renderer/capture/face-detector';
import { FrameAnalyzer } from '../../renderer/capture/frame-analyzer';
import { mulberry32 } from '../../main/smileid/simulator/faults';
import {
  FIXTURE_SIDE,
  type Box,
  type DetectionBenchApi,
  type DetectionBenchGlobal,
  type DetectorSpeed,
  type FixtureImage,
  type FrameOutcome,
  type Scene,
  type SceneOutcome,
  TRACKED_FRAMES_AFTER_FOUND,
} from './detection-scenes';

const images = new Map<FixtureImage, HTMLImageElement>();
let detector: FaceDetector | null = null;

function loadImage(name: FixtureImage): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error(`fixture ${name} did not load`));
    image.src = `./fixtures/${name}.png`;
  });
}

function image(name: FixtureImage): HTMLImageElement {
  const found = images.get(name);
  if (!found) throw new Error(`fixture ${name} is not loaded`);
  return found;
}

function context(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const context2d = canvas.getContext('2d', { willReadFrequently: true });
  if (!context2d) throw new Error('no 2D canvas');
  return context2d;
}

/** Draws frame `index` of the scene; returns where the face is in it (camera pixels). */
function drawScene(canvas: HTMLCanvasElement, scene: Scene, sway: { x: number; y: number }): Box | null {
  const { width: W, height: H } = scene.camera;
  if (canvas.width !== W) canvas.width = W;
  if (canvas.height !== H) canvas.height = H;
  const g = context(canvas);
  const blur = (scene.blur * W) / 640;
  const filter = (brightness: number) =>
    `brightness(${brightness.toFixed(3)})${blur > 0 ? ` blur(${blur.toFixed(2)}px)` : ''}`;

  const { background } = scene;
  const crop = background.source.crop;
  const cover = Math.max(W / crop.width, H / crop.height) * background.zoom;
  const drawnW = crop.width * cover;
  const drawnH = crop.height * cover;
  g.save();
  g.filter = filter(background.brightness);
  if (background.mirrored) {
    g.translate(W, 0);
    g.scale(-1, 1);
  }
  g.drawImage(
    image(background.source.image),
    crop.x,
    crop.y,
    crop.width,
    crop.height,
    -(drawnW - W) * background.shiftX,
    -(drawnH - H) * background.shiftY,
    drawnW,
    drawnH,
  );
  g.restore();

  const face = scene.face;
  if (face === null) return null;
  const truth = { ...face.truth, x: face.truth.x + sway.x, y: face.truth.y + sway.y };
  const side = FIXTURE_SIDE * face.scale;
  g.save();
  // Head and shoulders, cut out of the fixture with an ellipse: a person in front of the background.
  g.beginPath();
  g.ellipse(
    truth.x + truth.width / 2,
    truth.y + truth.height * 0.8,
    truth.width * 1.2,
    truth.height * 1.7,
    0,
    0,
    Math.PI * 2,
  );
  g.clip();
  g.filter = filter(face.brightness);
  const x = face.x + sway.x;
  const y = face.y + sway.y;
  if (face.mirrored) {
    g.translate(x + side, y);
    g.scale(-1, 1);
    g.drawImage(image('face-astronaut'), 0, 0, side, side);
  } else {
    g.drawImage(image('face-astronaut'), x, y, side, side);
  }
  g.restore();
  return truth;
}

async function runScene(
  analyzer: FrameAnalyzer,
  canvas: HTMLCanvasElement,
  scene: Scene,
): Promise<SceneOutcome> {
  analyzer.reset();
  const random = mulberry32(scene.seed);
  const sway = { x: 0, y: 0 };
  const frames: FrameOutcome[] = [];
  let framesWithFace = 0;
  for (let index = 0; index < scene.frames; index++) {
    if (scene.face) {
      sway.x += (random() * 2 - 1) * scene.face.swayPx;
      sway.y += (random() * 2 - 1) * scene.face.swayPx;
    }
    const truth = drawScene(canvas, scene, sway);
    // Canvas drawing is deferred until something reads it: read one pixel so the scene's own drawing (its
    // blur at 1080p is costly) is done before the clock starts, as a camera frame is decoded before the loop.
    context(canvas).getImageData(0, 0, 1, 1);
    const started = performance.now();
    const analysis = await analyzer.analyze(canvas);
    const ms = performance.now() - started;
    const toProcessing = analysis.frame.width / scene.camera.width;
    frames.push({
      ms,
      detectorRuns: analysis.detectorRuns,
      faces: analysis.faces.map((box) => ({ ...box })),
      guidance: analysis.guidance,
      faceLuma: analysis.faceLuma,
      processing: { width: analysis.frame.width, height: analysis.frame.height },
      truth:
        truth === null
          ? null
          : {
              x: truth.x * toProcessing,
              y: truth.y * toProcessing,
              width: truth.width * toProcessing,
              height: truth.height * toProcessing,
            },
    });
    if (analysis.faces.length > 0) framesWithFace += 1;
    if (scene.face && framesWithFace > TRACKED_FRAMES_AFTER_FOUND) break;
  }
  return { id: scene.id, frames };
}

async function detectorSpeed(inputSizes: readonly number[], runs: number): Promise<DetectorSpeed[]> {
  if (!detector) throw new Error('init() first');
  const canvas = document.createElement('canvas');
  const speeds: DetectorSpeed[] = [];
  for (const inputSize of inputSizes) {
    canvas.width = inputSize;
    canvas.height = inputSize;
    // A real picture, so the detector's post-processing has boxes to handle.
    context(canvas).drawImage(image('face-astronaut'), 0, 0, inputSize, inputSize);
    await detector.detect(canvas, inputSize);
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      await detector.detect(canvas, inputSize);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const medianMs = times[Math.floor(times.length / 2)] ?? Number.NaN;
    speeds.push({ inputSize, runs, medianMs, perSecond: 1000 / medianMs });
  }
  return speeds;
}

const bench: DetectionBenchApi = {
  async init() {
    for (const name of ['face-astronaut', 'face-cameraman-gray', 'no-face-cat'] as const) {
      images.set(name, await loadImage(name));
    }
    detector = await loadFaceDetector('./models');
    return { backend: detector.backend };
  },
  async runScenes(scenes) {
    if (!detector) throw new Error('init() first');
    const analyzer = new FrameAnalyzer(detector);
    const canvas = document.createElement('canvas');
    const outcomes: SceneOutcome[] = [];
    for (const scene of scenes) outcomes.push(await runScene(analyzer, canvas, scene));
    return outcomes;
  },
  detectorSpeed,
};

(globalThis as DetectionBenchGlobal).detectionBench = bench;
