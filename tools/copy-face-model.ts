// Copies the tiny face detector's weights from @vladmandic/face-api into assets/public/models/, which the
// renderer build serves from the app itself: the kiosk never fetches a model from the network.
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const source = path.join(root, 'node_modules/@vladmandic/face-api/model');
const target = path.join(root, 'assets/public/models');
export const FACE_MODEL_FILES = ['tiny_face_detector_model-weights_manifest.json', 'tiny_face_detector_model.bin'];

await mkdir(target, { recursive: true });
for (const file of FACE_MODEL_FILES) await copyFile(path.join(source, file), path.join(target, file));
console.log(`face model: ${FACE_MODEL_FILES.length} files copied to ${path.relative(root, target)}`);
