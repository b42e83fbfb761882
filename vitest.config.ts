import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{apps,platform,modules,bench,scripts}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/*.multinode.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: one worker per core keeps argon2 and SQLite from starving each other.
    maxWorkers: 2,
  },
});
