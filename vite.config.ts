// Builds the renderer (React UI) into dist/renderer. The same bundle runs under Electron (app:// protocol)
// and in Chromium through the dev host; it reaches main only through window.kiosk.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: '../assets/public',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    chunkSizeWarningLimit: 2_000,
  },
});
