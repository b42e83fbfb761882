import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type DbHandle, openDatabase } from '../../platform/server/db/database.js';
import type { DbKind } from '../report.js';

/** The PostgreSQL server benchmarks use with `--db postgres` (override with BENCH_DATABASE_URL). */
export const BENCH_PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Where one benchmark's server keeps its data: always a temp directory (SQLite file or uploads),
 * and with PostgreSQL a fresh schema, chosen for the server through the URL's
 * `options=-c search_path=…` as an operator would, and dropped by `remove`.
 */
export interface DataPlace {
  db: DbKind;
  dataDir: string;
  /** The SQLite file (sqlite only). */
  sqliteFile?: string;
  /** The server's DATABASE_URL (postgres only): the fresh schema is its search_path. */
  databaseUrl?: string;
  schema?: string;
  /** Environment telling a spawned server where its data is. */
  serverEnv: Record<string, string>;
  /** A handle for seeding or bare baseline queries from the bench process. */
  open(poolSize?: number): DbHandle;
  remove(): Promise<void>;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: BENCH_PG_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function freshPlace(db: DbKind, label: string): Promise<DataPlace> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `skein-bench-${label}-`));
  if (db === 'sqlite') {
    return {
      db,
      dataDir,
      sqliteFile: path.join(dataDir, 'skein.db'),
      serverEnv: { SKEIN_DATA_DIR: dataDir },
      open: () => openDatabase({ dataDir }),
      remove: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const schema = `bench_${label.replace(/\W/g, '_')}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await admin((c) => c.query(`create schema ${schema}`));
  const databaseUrl = `${BENCH_PG_URL}${BENCH_PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    db,
    dataDir,
    databaseUrl,
    schema,
    serverEnv: { SKEIN_DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
    open: (poolSize) => openDatabase({ dataDir, databaseUrl: BENCH_PG_URL, schema, poolSize }),
    remove: async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await admin((c) => c.query(`drop schema if exists ${schema} cascade`));
    },
  };
}
