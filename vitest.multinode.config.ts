import { defineConfig } from 'vitest/config';

/**
 * Multi-node tests: each starts real server processes on PostgreSQL + Redis
 * (`npm run test:multinode`). Kept out of the default run, which needs neither service.
 */
export default defineConfig({
  test: {
    include: ['{apps,platform,modules}/**/*.multinode.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Every file starts its own processes; one at a time keeps the machine responsive.
    maxWorkers: 1,
    fileParallelism: false,
  },
});
