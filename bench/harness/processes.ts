import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
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

export interface Spawned {
  child: ChildProcess;
  baseUrl: string;
  pid: number;
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

/** Spawns `node <args>` on a free port and waits for `healthPath` to answer. */
export async function spawnNode(args: string[], env: Record<string, string>, healthPath: string): Promise<Spawned> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (c: string) => {
    stderr = (stderr + c).slice(-8000);
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  };
  try {
    await untilOk(`${baseUrl}${healthPath}`, child, () => stderr);
  } catch (err) {
    await stop();
    throw err;
  }
  return { child, baseUrl, pid: child.pid!, stop };
}

/** The built Skein server (dist/server/main.js) on SQLite in `dataDir`. */
export function startSkein(dataDir: string): Promise<Spawned> {
  return spawnNode(['dist/server/main.js'], { SKEIN_DATA_DIR: dataDir, SKEIN_LOG_LEVEL: 'warn' }, '/api/health');
}

/** The bare `ws` broadcast server of bench/harness/raw-ws-server.ts. */
export function startRawWs(): Promise<Spawned> {
  return spawnNode(['--import', 'tsx', 'bench/harness/raw-ws-server.ts'], {}, '/health');
}
