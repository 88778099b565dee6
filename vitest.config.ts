import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The CLI's deep imports of the SDK (src/service/voice-id-sdk.ts), which the bundle needs and
    // Node cannot load (ESM files in a CommonJS package): in tests, the package's index.
    alias: [{ find: /^@aws-sdk\/client-voice-id\/dist-es\/.*$/, replacement: '@aws-sdk/client-voice-id' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ first: the tests that run the built CLI then test the current source.
    globalSetup: ['test/global-setup.ts'],
    // For a test that runs in this process or waits for one process; one that waits for more
    // sets timeoutFor(n) from test/helpers/budget.ts. Both only stop a hang.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Two files at a time, also on 2 cores (vitest's default there is one): the golden replay
    // mostly waits for its CLI processes, so the rest of the suite runs beside it. Threads and
    // one module graph per worker, not one per file: the tests share no state (no mocks, no
    // globals, no process.env writes), and a fresh worker and import for each of ~60 files
    // cost more than most of the files themselves.
    pool: 'threads',
    maxWorkers: 2,
    isolate: false,
  },
});
