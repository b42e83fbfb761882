import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

/*
 * Browser journeys against the built app. Build first (`npm run build`), then
 * `npm run test:e2e`. The server starts on its own port with a fresh data directory, so
 * every run begins at "needs setup". Chromium is Debian's (`apt-get install -y chromium
 * fonts-noto-cjk`); never `npx playwright install`.
 */
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.E2E_PORT ?? 3999);
const baseURL = `http://127.0.0.1:${port}`;

if (!fs.existsSync(path.join(repo, 'dist/web/index.html'))) {
  throw new Error('dist/web is missing: run `npm run build` (or `npx vite build --config apps/web/vite.config.ts`) first.');
}

// The bundled server when it has been built; the sources otherwise (or with E2E_SERVER=source).
const useBundle = process.env.E2E_SERVER !== 'source' && fs.existsSync(path.join(repo, 'dist/server/main.js'));
const server = useBundle ? 'node dist/server/main.js' : 'npx tsx apps/server/main.ts';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? 'line' : 'list',
  outputDir: path.join(repo, 'test-results/e2e'),
  use: {
    baseURL,
    locale: 'en-US',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // foundation.spec.ts begins at "needs setup", so it runs before every other journey (which
  // set up the organization themselves only when they run alone on a fresh server).
  projects: [
    { name: 'foundation', testMatch: 'foundation.spec.ts', use: { browserName: 'chromium' } },
    { name: 'chromium', testIgnore: 'foundation.spec.ts', dependencies: ['foundation'], use: { browserName: 'chromium' } },
  ],
  webServer: {
    // The launcher gives the server a fresh temporary data directory and deletes it afterwards.
    command: `node e2e/start-server.mjs ${server}`,
    cwd: repo,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    // SIGTERM (not SIGKILL) so the launcher can remove the data directory.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      SKEIN_LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      REDIS_URL: '',
      SKEIN_PUBLIC_URL: '',
    },
  },
});
