import { defineConfig } from 'vitest/config';

// Browser workflows: one Chromium at a time on a 2-core machine.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    environment: 'node',
    testTimeout: 120_000,
    // A page's answer (a PDF rendered, a pack sealed) can take seconds when the machine is busy;
    // a poll that gives up after the default second fails a correct workflow.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
