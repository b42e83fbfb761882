// Builds what `npm start` runs: the server bundle (dist/server/main.js) and the web app (dist/web).
// `node scripts/build.mjs [--server] [--web]` builds only the named parts; no flag builds both.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const viteConfig = path.join(root, 'apps/web/vite.config.ts');

/** Bundles the server's own code; node_modules stay external so native modules (better-sqlite3) load as installed. */
export async function buildServer() {
  const started = Date.now();
  const outfile = path.join(root, 'dist/server/main.js');
  console.log('[build] server: bundling apps/server/main.ts -> dist/server/main.js');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['apps/server/main.ts'],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: 'linked',
    write: false,
    outfile,
    logLevel: 'warning',
    // Some CommonJS-minded code calls require(); an ES module has none unless we make one.
    banner: {
      js: "import { createRequire as __skeinCreateRequire } from 'node:module'; const require = __skeinCreateRequire(import.meta.url);",
    },
  });
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  // Write beside, then rename: a server starting meanwhile never loads half a bundle.
  for (const file of result.outputFiles) {
    fs.writeFileSync(`${file.path}.tmp`, file.contents);
    fs.renameSync(`${file.path}.tmp`, file.path);
  }
  const kb = Math.round(fs.statSync(outfile).size / 1024);
  console.log(`[build] server: done in ${Date.now() - started} ms (${kb} KB)`);
}

/** Builds the web app with Vite (its config decides the output directory, dist/web). */
export function buildWeb() {
  if (!fs.existsSync(viteConfig)) {
    console.warn('[build] web: SKIPPED — apps/web/vite.config.ts does not exist yet; the server will run without the web app.');
    return;
  }
  const started = Date.now();
  console.log('[build] web: vite build --config apps/web/vite.config.ts');
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const run = spawnSync(process.execPath, [vite, 'build', '--config', viteConfig], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`vite build failed (exit ${run.status ?? run.signal})`);
  console.log(`[build] web: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const all = !args.includes('--server') && !args.includes('--web');
  try {
    if (all || args.includes('--server')) await buildServer();
    if (all || args.includes('--web')) buildWeb();
  } catch (err) {
    console.error(`[build] failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
