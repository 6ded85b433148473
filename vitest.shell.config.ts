// The Electron shell contract test: the built main.cjs and preload.cjs under a stand-in 'electron' module.
// `npm run test:shell` builds them first (npm run build).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/shell/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 1,
  },
});
