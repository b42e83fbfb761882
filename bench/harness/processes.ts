import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]) / 1024;
}

/** CPU time (user + system) a process has used so far, in ms (Linux, 100 ticks/s). */
export function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Rebuilds dist/server/main.js when its sources moved on: benchmarks measure what `npm start` runs. */
export function ensureServerBuild(): void {
  const build = spawnSync(process.execPath, ['scripts/ensure-build.mjs', '--server-only'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('building the server failed');
}

/** What bench/harness/probe.mjs measured inside a server process over one window. */
export interface ProbeReport {
  wallMs: number;
  cpuUserUs: number;
  cpuSystemUs: number;
  /** Event-loop lag beyond the histogram's 5 ms resolution. */
  loopDelayP50Ms: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  loopSamples: number;
  gcCount: number;
  gcPauseMsTotal: number;
  gcPauseMaxMs: number;
  rssMb: number;
}

/** Opens and closes a measuring window inside the server process (CPU, event-loop delay, GC). */
export interface Probe {
  start(): Promise<void>;
  stop(): Promise<ProbeReport>;
}

export interface Spawned {
  child: ChildProcess;
  baseUrl: string;
  pid: number;
  probe: Probe;
  /** Bytes the server has written to its log (stdout) so far; 0 when it has no log file. */
  logBytes(): number;
  stop(): Promise<void>;
}

/** Polls until `url` answers 200. */
async function untilOk(url: string, child: ChildProcess, output: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}) before answering ${url}\n${output()}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no answer from ${url}\n${output()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function probeOf(child: ChildProcess): Probe {
  const ask = <T>(command: string, answer: string) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`probe: no answer to ${command}`)), 30_000);
      const onMessage = (msg: { benchProbe?: string; report?: T }) => {
        if (msg?.benchProbe === answer) done(undefined, msg.report as T);
      };
      const onExit = () => done(new Error(`probe: server exited before answering ${command}`));
      function done(err?: Error, value?: T) {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (err) reject(err);
        else resolve(value as T);
      }
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ benchProbe: command });
    });
  return {
    start: () => ask<void>('start', 'started'),
    stop: () => ask<ProbeReport>('stop', 'report'),
  };
}

/**
 * Spawns `node <args>` on a free port, with bench/harness/probe.mjs preloaded (an IPC channel
 * carries its windows), and waits for `healthPath` to answer. The server's stdout goes to
 * `logFile` when given (a server's log written to a file, as under a process manager), else nowhere.
 */
export async function spawnNode(
  args: string[],
  env: Record<string, string>,
  healthPath: string,
  options: { logFile?: string } = {},
): Promise<Spawned> {
  const port = await freePort();
  const logFd = options.logFile ? fs.openSync(options.logFile, 'a') : undefined;
  // `--profile DIR` (bench/run.ts): Skein's server processes write a CPU profile, which needs a
  // graceful exit, so they are stopped with SIGTERM instead of SIGKILL.
  const profileDir = process.env.SKEIN_BENCH_PROFILE_DIR;
  const profile =
    profileDir && args.some((a) => a.endsWith('main.js'))
      ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`, '--cpu-prof-interval=500']
      : [];
  const child = spawn(process.execPath, [...profile, '--import', './bench/harness/probe.mjs', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', logFd ?? 'ignore', 'pipe', 'ipc'],
  });
  if (logFd !== undefined) fs.closeSync(logFd);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (c: string) => {
    stderr = (stderr + c).slice(-8000);
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(profile.length ? 'SIGTERM' : 'SIGKILL');
    await exited;
  };
  try {
    await untilOk(`${baseUrl}${healthPath}`, child, () => stderr);
  } catch (err) {
    await stop();
    throw err;
  }
  const logBytes = () => {
    try {
      return options.logFile ? fs.statSync(options.logFile).size : 0;
    } catch {
      return 0;
    }
  };
  return { child, baseUrl, pid: child.pid!, probe: probeOf(child), logBytes, stop };
}

/**
 * The built Skein server exactly as `npm start` runs it: `node --enable-source-maps
 * dist/server/main.js`, default log level (info: a line per request), its log in `logFile`.
 * `env` says where its data lives (SKEIN_DATA_DIR, and DATABASE_URL for PostgreSQL).
 */
export function startSkein(env: Record<string, string>, logFile?: string): Promise<Spawned> {
  return spawnNode(['--enable-source-maps', 'dist/server/main.js'], env, '/api/health', { logFile });
}

/** The bare `ws` broadcast server of bench/harness/raw-ws-server.mjs, plain JavaScript under node. */
export function startRawWs(): Promise<Spawned> {
  return spawnNode(['bench/harness/raw-ws-server.mjs'], {}, '/health');
}
