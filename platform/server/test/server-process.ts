import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type Api, createApi } from '../../shared/api-client.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** One JSON line the server logged (pino). */
export type LogLine = Record<string, unknown> & { msg?: string; reqId?: string };

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Every JSON log line so far, in order. */
  logs: LogLine[];
  stderr(): string;
  /** Resolves with the first log line (from `from` on) that matches. */
  waitForLog(match: (line: LogLine) => boolean, timeoutMs?: number, from?: number): Promise<LogLine>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Where a spawned server keeps its data: a temp directory, and — when TEST_DATABASE_URL is set —
 * a fresh Postgres schema chosen through the URL's `options=-c search_path=…`, as an operator would.
 */
export interface DataPlace {
  env: Record<string, string>;
  dialect: 'sqlite' | 'postgres';
  schema?: string;
  /** Tables the server created in its schema (Postgres), to prove isolation held. */
  tablesInSchema(): Promise<number>;
  remove(): Promise<void>;
}

export async function freshDataPlace(options: { databaseUrl?: string } = {}): Promise<DataPlace> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skein-proc-'));
  const testUrl = options.databaseUrl ?? process.env.TEST_DATABASE_URL;
  if (!testUrl) {
    return {
      env: { SKEIN_DATA_DIR: dataDir },
      dialect: 'sqlite',
      tablesInSchema: async () => 0,
      remove: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const schema = `p_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async <T>(fn: (c: pg.Client) => Promise<T>) => {
    const c = new pg.Client({ connectionString: testUrl });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };
  await admin((c) => c.query(`create schema ${schema}`));
  const url = `${testUrl}${testUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    env: { SKEIN_DATA_DIR: dataDir, DATABASE_URL: url },
    dialect: 'postgres',
    schema,
    tablesInSchema: () =>
      admin(async (c) => {
        const r = await c.query('select count(*)::int as n from information_schema.tables where table_schema = $1', [schema]);
        return r.rows[0].n as number;
      }),
    remove: async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await admin((c) => c.query(`drop schema ${schema} cascade`));
    },
  };
}

/** Starts `apps/server/main.ts` as its own process (through tsx), as `npm start` would run it. */
export function spawnServerProcess(env: Record<string, string>, args: string[] = []): ServerProcess & { ready: Promise<void> } {
  // Only what the server needs: the test runner's own DATABASE_URL or REDIS_URL must not leak in.
  const base: Record<string, string> = {};
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SYSTEMROOT']) if (process.env[key]) base[key] = process.env[key]!;
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/main.ts', ...args], {
    cwd: root,
    env: { ...base, PORT: '0', HOST: '127.0.0.1', SKEIN_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  const waiters = new Set<() => void>();
  let stderr = '';
  let pending = '';
  let closed = false;
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        logs.push(JSON.parse(line));
      } catch {
        logs.push({ msg: line, raw: true });
      }
    }
    for (const w of waiters) w();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    // 'close' comes after stdout is drained, so the last log lines are in `logs` by then.
    child.on('close', (code, signal) => {
      closed = true;
      resolve({ code, signal });
      for (const w of waiters) w();
    }),
  );

  const waitForLog = (match: (line: LogLine) => boolean, timeoutMs = 20_000, from = 0) =>
    new Promise<LogLine>((resolve, reject) => {
      const check = () => {
        const found = logs.slice(from).find(match);
        if (found) return done(() => resolve(found));
        if (closed) {
          return done(() => reject(new Error(`server exited before the awaited log line\n${stderr}`)));
        }
      };
      const timer = setTimeout(() => done(() => reject(new Error(`timed out waiting for a log line\n${stderr}`))), timeoutMs);
      const done = (fn: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        fn();
      };
      waiters.add(check);
      check();
    });

  const proc = {
    child,
    baseUrl: '',
    logs,
    stderr: () => stderr,
    waitForLog,
    exited,
    ready: Promise.resolve(),
  };
  proc.ready = waitForLog((l) => typeof l.msg === 'string' && l.msg.startsWith('Server listening at ')).then((l) => {
    proc.baseUrl = (l.msg as string).slice('Server listening at '.length);
  });
  // Callers that expect a failed boot never await `ready`; its rejection is not an error for them.
  proc.ready.catch(() => {});
  return proc;
}

/** Spawns the server and waits until it listens. */
export async function startServerProcess(env: Record<string, string>, args: string[] = []): Promise<ServerProcess> {
  const proc = spawnServerProcess(env, args);
  await proc.ready;
  return proc;
}

/** A contract client with its own cookie jar (seeded from `seedCookies`), against a spawned server. */
export function processClient(baseUrl: string, seedCookies = '') {
  const jar = new Map<string, string>();
  for (const pair of seedCookies.split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  /** The same client, sending `extra` headers too (an x-request-id to find its log lines). */
  const withHeaders = (extra: Record<string, string>): Api =>
    createApi({
      baseUrl,
      headers: () => ({ ...extra, ...(jar.size ? { cookie: cookieHeader() } : {}) }),
      onResponse: (res) => {
        for (const line of res.headers.getSetCookie()) {
          const [pair] = line.split(';');
          const eq = pair.indexOf('=');
          const value = pair.slice(eq + 1).trim();
          if (value) jar.set(pair.slice(0, eq).trim(), value);
          else jar.delete(pair.slice(0, eq).trim());
        }
      },
    });
  return { api: withHeaders({}), withHeaders, cookieHeader };
}

/** Ends a spawned server if it still runs (SIGKILL: tests that care about shutdown send their own signal). */
export async function stopServerProcess(proc: ServerProcess | undefined): Promise<void> {
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill('SIGKILL');
  await proc.exited;
}
