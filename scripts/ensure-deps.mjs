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

/** Runs npm with live output. */
function npm(args) {
  console.log(`[deps] npm ${args.join(' ')}`);
  return new Promise((resolve) => {
    // npm is a .cmd shim on Windows; a shell finds it everywhere.
    const child = spawn('npm', args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('close', (code) => resolve(code === 0));
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
  if (Number(process.versions.node.split('.')[0]) < 22) {
    // npm's EBADENGINE warnings below are expected on Node 20 (ADR 0012), not a failed install.
    console.log('[deps] Node 20 is past its end of life: npm will warn that some packages want Node 22 or later.');
    console.log('[deps] Skein is tested on Node 20 and 24 (README); move to Node 24 LTS when you can.');
  }
  const started = Date.now();
  // `npm ci` installs exactly the lockfile and never rewrites it: a fresh clone stays clean.
  // No fallback to `npm install`, which would rewrite the tracked lockfile behind the user's back.
  const ok = await npm(['ci', '--no-audit', '--no-fund']);
  if (!ok) {
    console.error('[deps] installing dependencies failed; see the npm output above.');
    process.exit(1);
  }
  // npm leaves the hidden lockfile alone when nothing changed; mark the check done so it is not repeated.
  const now = new Date();
  fs.utimesSync(installedMarker, now, now);
  console.log(`[deps] dependencies installed in ${Math.round((Date.now() - started) / 1000)} s`);
}
