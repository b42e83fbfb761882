import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { startCheckpointer } from './sqlite-checkpointer.js';
import { openSqlite, type SqliteDatabase, type SqliteStatement } from './sqlite-driver.js';

/**
 * Each module types the database as the tables it owns (`Kysely<OrgTables>`); the
 * composition root holds the untyped handle, which is assignable to every module's view.
 * This keeps "a module never reads another module's tables" visible in the types.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above — the root handle is deliberately untyped.
export type AnyDb = Kysely<any>;
export type Dialect = 'sqlite' | 'postgres';

export interface DbHandle {
  db: AnyDb;
  dialect: Dialect;
  close(): Promise<void>;
}

const dialects = new WeakMap<object, Dialect>();

/** Which SQL dialect a handle speaks, for the rare query that must differ. */
export function dialectOf(db: Kysely<unknown>): Dialect {
  return dialects.get(db) ?? 'sqlite';
}

// int8 columns (millisecond timestamps, counts) come back as numbers, like on SQLite.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
// numeric stays a string in pg by default; we use it only for scores, where a number is wanted.
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

export interface DbOptions {
  /** postgres:// URL; SQLite under dataDir otherwise. */
  databaseUrl?: string;
  dataDir: string;
  /** Postgres schema to use (tests isolate each run in its own). */
  schema?: string;
  poolSize?: number;
  /** Told about failures of background work (SQLite's checkpointer); ignored otherwise. */
  onBackgroundError?: (message: string) => void;
  /** How often SQLite's WAL is checkpointed in the background (tests lengthen it). */
  checkpointIntervalMs?: number;
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every query anew; preparing costs about as much as running a
 * small query. The same SQL text (parameters are bound separately) reuses its statement.
 * better-sqlite3 re-prepares a cached statement by itself after a schema change.
 */
function withStatementCache(sqlite: SqliteDatabase) {
  const cache = new Map<string, SqliteStatement>();
  return {
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (!stmt) {
        // Queries with variable-length IN lists produce many texts: keep the cache bounded.
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        stmt = sqlite.prepare(sql);
        cache.set(sql, stmt);
      }
      return stmt;
    },
    close() {
      cache.clear();
      sqlite.close();
    },
  };
}

export function openDatabase(options: DbOptions): DbHandle {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
    dialects.set(db, 'postgres');
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, 'skein.db');
  const sqlite = openSqlite(file);
  // WAL: readers never block the single writer. synchronous=NORMAL in WAL mode keeps every
  // committed transaction across a process crash (kill -9); only an OS crash can drop the
  // last commits. foreign_keys is off by default in SQLite and must be turned on per connection.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const checkpointer = startCheckpointer(sqlite, file, {
    onError: options.onBackgroundError,
    intervalMs: options.checkpointIntervalMs,
  });
  const db = new Kysely({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  dialects.set(db, 'sqlite');
  return {
    db,
    dialect: 'sqlite',
    async close() {
      await checkpointer.stop();
      await db.destroy();
    },
  };
}
