import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // The end-to-end tests run the bundled CLI: build it once per run.
    globalSetup: ['test/global-build.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
