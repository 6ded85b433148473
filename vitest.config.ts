import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/unit/**/*.test.ts',
      // Renderer component tests (React, in jsdom), type-checked by tsconfig.renderer.json.
      'test/unit/**/*.test.tsx',
      'test/integration/**/*.test.ts',
      'test/security/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The suites start servers and child processes; two cores, so keep the pool small and predictable.
    maxWorkers: 2,
  },
});
