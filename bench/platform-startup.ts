import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Bench, type Measurement, median, onlySqlite } from './report.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const BARE_SERVER = "require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Polls until the URL answers 200; returns ms since `started`. */
async function firstOk(url: string, started: number, child: ChildProcess): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}) before answering ${url}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  return kb / 1024;
}

interface Sample {
  coldStartMs: number;
  idleRssMb: number;
}

/** Spawns `args` with node on a fresh port and data dir, times the first 200, then reads idle RSS. */
async function sample(args: string[], healthPath: string, settleMs: number): Promise<Sample> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skein-bench-'));
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      SKEIN_DATA_DIR: dataDir,
    },
    stdio: 'ignore',
  });
  try {
    const coldStartMs = await firstOk(`http://127.0.0.1:${port}${healthPath}`, started, child);
    await new Promise((r) => setTimeout(r, settleMs));
    return { coldStartMs, idleRssMb: rssMb(child.pid!) };
  } finally {
    child.kill('SIGKILL');
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Cold start of the built server (spawn → first 200 from /api/health, migrations on an empty
 * database included) and its idle memory, against a bare Node HTTP server in the same run.
 */
export const platformStartup: Bench = async ({ quick, db }) => {
  onlySqlite('platform.startup', db);
  // Measure what `npm start` runs: the bundle, rebuilt if the sources moved on.
  const build = spawnSync(process.execPath, ['scripts/ensure-build.mjs', '--server-only'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('building the server failed');

  const runs = quick ? 1 : 5;
  const settleMs = quick ? 200 : 2000;
  const skein: Sample[] = [];
  const bare: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    // Interleaved, so drift on a shared machine hits both alike.
    // Exactly what `npm start` runs (source maps on, default log level).
    skein.push(await sample(['--enable-source-maps', 'dist/server/main.js'], '/api/health', settleMs));
    bare.push(await sample(['-e', BARE_SERVER], '/', settleMs));
  }
  const params = { runs, settle_ms: settleMs, db: 'sqlite (fresh)', log_level: 'info' };
  const pair = (metric: string, unit: string, pick: (s: Sample) => number): Measurement => {
    const value = median(skein.map(pick));
    const baselineValue = median(bare.map(pick));
    return {
      bench: 'platform.startup',
      metric,
      value,
      unit,
      params,
      baseline: 'bare-node-http',
      baseline_value: baselineValue,
      ratio: value / baselineValue,
    };
  };
  return [pair('cold_start_ms', 'ms', (s) => s.coldStartMs), pair('idle_rss_mb', 'MB', (s) => s.idleRssMb)];
};
