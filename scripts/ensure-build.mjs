// Rebuilds dist/ when it is missing or older than its sources, so `npm start` always runs the
// code in the working tree. `--server-only` checks just the server bundle (benchmarks need no web app).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const abs = (p) => path.join(root, p);

/** Newest modification time among the files under `dirs`, skipping tests (they are not built). */
function newest(dirs, skip = () => false) {
  let latest = 0;
  const visit = (p) => {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      const name = path.basename(p);
      if (name === 'node_modules' || name === 'dist' || skip(p)) return;
      for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    } else if (!/\.test\.tsx?$/.test(p)) {
      latest = Math.max(latest, stat.mtimeMs);
    }
  };
  for (const d of dirs) visit(abs(d));
  return latest;
}

function mtime(file) {
  try {
    return fs.statSync(abs(file)).mtimeMs;
  } catch {
    return 0;
  }
}

const buildInputs = ['package-lock.json', 'scripts/build.mjs'];
const isClientDir = (p) => path.basename(p) === 'client' || p === abs('apps/web');
const isTestDir = (p) => path.basename(p) === 'test';

// The server bundles everything but the browser code.
const serverSources = newest(['apps/server', 'platform', 'modules', ...buildInputs], (p) => isClientDir(p) || isTestDir(p));
// The web app is built from apps/web plus the shared and client code of platform and modules.
const webSources = Math.max(
  newest(['apps/web', 'platform/shared', 'platform/client', ...buildInputs], isTestDir),
  ...fs.readdirSync(abs('modules')).map((m) => newest([`modules/${m}/shared`, `modules/${m}/client`], isTestDir)),
);

const serverOnly = process.argv.includes('--server-only');
const serverStale = mtime('dist/server/main.js') < serverSources;
const webStale = !serverOnly && fs.existsSync(abs('apps/web/vite.config.ts')) && mtime('dist/web/index.html') < webSources;

if (serverStale || webStale) {
  const { buildServer, buildWeb } = await import('./build.mjs');
  try {
    if (serverStale) await buildServer();
    if (webStale) buildWeb();
  } catch (err) {
    console.error(`[build] failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
} else if (!serverOnly && !fs.existsSync(abs('apps/web/vite.config.ts'))) {
  console.warn('[build] web: apps/web/vite.config.ts does not exist yet; the server runs without the web app.');
}
