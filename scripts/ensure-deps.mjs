// Installs dependencies when they are missing or older than package-lock.json, so `npm start` and
// `npm test` work on a fresh clone with nothing run before. Node built-ins only: it runs before
// anything is installed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lockfile = path.join(root, 'package-lock.json');
// npm rewrites this hidden lockfile on every install, so its age tells when node_modules was last synced.
const installedMarker = path.join(root, 'node_modules', '.package-lock.json');

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Runs npm with live output, minus the long usage text npm prints after a refused `npm ci`. */
function npm(args) {
  console.log(`[deps] npm ${args.join(' ')}`);
  return new Promise((resolve) => {
    // npm is a .cmd shim on Windows; a shell finds it everywhere.
    const child = spawn('npm', args, { cwd: root, stdio: ['inherit', 'inherit', 'pipe'], shell: process.platform === 'win32' });
    let usage = false;
    let pending = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (/^npm error (Clean install a project|Usage:)/.test(line)) usage = true;
        if (!usage || /^npm error A complete log/.test(line)) process.stderr.write(`${line}\n`);
      }
    });
    child.on('close', (code) => {
      if (pending) process.stderr.write(pending);
      resolve(code === 0);
    });
  });
}

const installed = mtime(installedMarker);
const locked = mtime(lockfile);
const reason =
  installed === undefined
    ? 'node_modules is missing'
    : locked !== undefined && locked > installed
      ? 'package-lock.json changed'
      : undefined;

if (reason) {
  console.log(`[deps] ${reason}: installing dependencies (a minute or two on a fresh clone)...`);
  const started = Date.now();
  // `npm ci` installs exactly the lockfile. It refuses a lockfile that lacks optional
  // platform packages the registry does not carry (e.g. a mirror without Biome's macOS
  // builds); `npm install` then still installs the locked versions.
  let ok = await npm(['ci', '--no-audit', '--no-fund']);
  if (!ok) {
    console.log('[deps] `npm ci` failed (above); retrying with `npm install`, which keeps the locked versions');
    ok = await npm(['install', '--no-audit', '--no-fund']);
  }
  if (!ok) {
    console.error('[deps] installing dependencies failed; see the npm output above.');
    process.exit(1);
  }
  // npm leaves the hidden lockfile alone when nothing changed; mark the check done so it is not repeated.
  const now = new Date();
  fs.utimesSync(installedMarker, now, now);
  console.log(`[deps] dependencies installed in ${Math.round((Date.now() - started) / 1000)} s`);
}
