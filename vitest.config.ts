import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/fresh-dist.ts'],
    // Generous: on a shared 2-core machine under load a bot child process can take 10 s to start. A
    // timeout only says how long a failing test takes to fail; no test asserts on elapsed time.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Child processes (not threads): tests send signals, spawn bots and load native modules.
    pool: 'forks',
    // vitest's default on a 2-core machine is one worker, which leaves a core idle while a test
    // waits on a child process or a socket. Three keep both cores busy.
    maxWorkers: 3,
    // Files share their worker's module cache instead of each importing Bolt, the engine and the
    // store again (imports were a third of the suite's time), and test/helpers/seeds-engine.ts
    // builds the seeds engine once per worker. The price: a file must leave no global state behind
    // (nock interceptors are cleaned after each test, process listeners removed in afterAll).
    isolate: false,
  },
});
