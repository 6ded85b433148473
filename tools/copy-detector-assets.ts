// Copies what the on-kiosk face detector loads into assets/public/, which the renderer build serves from the
// app itself — the kiosk never fetches a model or a binary from the network:
//   models/  the tiny face detector's weights (@vladmandic/face-api)
//   wasm/    TensorFlow.js's WebAssembly kernels (the version bundled inside face-api), the fast CPU path
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

const ASSETS = [
  {
    from: 'node_modules/@vladmandic/face-api/model',
    to: 'assets/public/models',
    files: ['tiny_face_detector_model-weights_manifest.json', 'tiny_face_detector_model.bin'],
  },
  {
    from: 'node_modules/@tensorflow/tfjs-backend-wasm/dist',
    to: 'assets/public/wasm',
    // The threaded build needs cross-origin isolation (SharedArrayBuffer); the kiosk uses the SIMD build.
    files: ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'],
  },
];

for (const asset of ASSETS) {
  await mkdir(path.join(root, asset.to), { recursive: true });
  for (const file of asset.files)
    await copyFile(path.join(root, asset.from, file), path.join(root, asset.to, file));
  console.log(`detector assets: ${asset.files.length} files copied to ${asset.to}`);
}
