import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/fresh-dist.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
