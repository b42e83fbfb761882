import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../../platform/server/config.js';
import { buildApp } from './app.js';
import { demoEnv, demoNotice, loadDemo } from './demo.js';

// This file runs as apps/server/main.ts (tsx) and as dist/server/main.js (the bundle): both sit two
// levels below the repository root, so paths resolve from here rather than from the working directory.
const fromRoot = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

function readVersion(): string {
  try {
    return JSON.parse(fs.readFileSync(fromRoot('package.json'), 'utf8')).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

async function main() {
  const demo = process.argv.includes('--demo');
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(demo ? demoEnv(process.env) : process.env, readVersion());
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }

  const app = await buildApp(config, { webDir: fromRoot('dist/web') });
  if (demo) {
    const outcome = await loadDemo(app.ctx);
    console.error(demoNotice(outcome, { dataDir: config.dataDir, postgres: Boolean(config.databaseUrl) }));
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.ctx.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      app.ctx.log.error('shutdown took longer than 15 s; exiting');
      process.exit(1);
    }, 15_000);
    timer.unref();
    try {
      // Stops accepting connections, waits for in-flight requests, then closes sockets and the database.
      await app.close();
    } catch (err) {
      app.ctx.log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
    app.ctx.log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.fastify.listen({ port: config.port, host: config.host });
}

main().catch((err) => {
  console.error(`Skein failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
