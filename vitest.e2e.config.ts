// Browser end-to-end tests: the built renderer in Debian's Chromium (playwright-core) against the dev host.
// One file at a time: each test runs a browser, a dev host and sometimes a simulator on a 2-core machine.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
