import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // An empty config folder: no test, in process or in a child, reads the user's config file.
    env: { XDG_CONFIG_HOME: mkdtempSync(path.join(tmpdir(), 'newsreader-test-xdg-config-')) },
  },
});
