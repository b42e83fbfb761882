import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Api, createApi } from '../../shared/api-client.js';
import { buildApp, type App } from '../../../apps/server/app.js';
import { loadConfig } from '../config.js';

export interface TestClient {
  api: Api;
  /** Cookies this client holds, as a Cookie header value. */
  cookieHeader(): string;
  /** Raw fetch with this client's cookies, for non-contract requests (uploads, bad input). */
  fetch(pathname: string, init?: RequestInit): Promise<Response>;
}

export interface TestApp {
  app: App;
  baseUrl: string;
  /** A new anonymous client with its own cookie jar. */
  client(options?: { bearer?: string; locale?: string }): TestClient;
  close(): Promise<void>;
}

/**
 * Starts a real server on a free port: SQLite in a fresh temp directory, or — when
 * TEST_DATABASE_URL is set — PostgreSQL in a fresh schema dropped afterwards.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skein-test-'));
  const databaseUrl = process.env.TEST_DATABASE_URL;
  let schema: string | undefined;
  if (databaseUrl) {
    schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
  }
  const config = loadConfig(
    { SKEIN_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: databaseUrl, SKEIN_LOG_LEVEL: 'silent', ...env },
    'test',
  );
  const app = await buildApp(config, { schema, logger: false });
  await app.fastify.listen({ port: 0, host: '127.0.0.1' });
  const address = app.fastify.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;

  const client = (options: { bearer?: string; locale?: string } = {}): TestClient => {
    const jar = new Map<string, string>();
    const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const keep = (res: Response) => {
      for (const line of res.headers.getSetCookie()) {
        const [pair, ...attrs] = line.split(';');
        const eq = pair.indexOf('=');
        const name = pair.slice(0, eq).trim();
        const value = pair.slice(eq + 1).trim();
        const expired = attrs.some((a) => /expires=thu, 01 jan 1970/i.test(a.trim())) || value === '';
        if (expired) jar.delete(name);
        else jar.set(name, value);
      }
    };
    const headers = () => {
      const h: Record<string, string> = {};
      const cookie = cookieHeader();
      if (cookie) h.cookie = cookie;
      if (options.bearer) h.authorization = `Bearer ${options.bearer}`;
      if (options.locale) h['accept-language'] = options.locale;
      return h;
    };
    return {
      api: createApi({ baseUrl, headers, onResponse: keep }),
      cookieHeader,
      async fetch(pathname, init = {}) {
        const res = await fetch(`${baseUrl}${pathname}`, { ...init, headers: { ...headers(), ...(init.headers ?? {}) } });
        keep(res);
        return res;
      },
    };
  };

  return {
    app,
    baseUrl,
    client,
    async close() {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (databaseUrl && schema) {
        const admin = new pg.Client({ connectionString: databaseUrl });
        await admin.connect();
        await admin.query(`drop schema ${schema} cascade`);
        await admin.end();
      }
    },
  };
}
