import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../platform/server/config.js';
import { buildApp } from './app.js';
import { loadDemo } from './demo.js';

function readVersion(): string {
  try {
    return JSON.parse(fs.readFileSync(path.resolve('package.json'), 'utf8')).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env, readVersion());
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }

  const app = await buildApp(config, { webDir: path.resolve('dist/web') });
  if (process.argv.includes('--demo')) await loadDemo(app.ctx);

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
    await app.close();
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
