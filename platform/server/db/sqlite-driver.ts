import { createRequire } from 'node:module';
import type SQLiteType from 'better-sqlite3';

const require = createRequire(import.meta.url);

/**
 * better-sqlite3 for the running Node. Version 13 (Node-API, prebuilt) is the one for Node 22
 * and later; on Node 24, version 12's statements abort the process when the garbage collector
 * finalizes them outside a JavaScript context (`Assertion failed: (env) != nullptr`). Version 13
 * segfaults on Node 20, which keeps version 12 under the alias `better-sqlite3-node20` until
 * Node 20 support ends (ADR 0012). Both expose the same API.
 */
export function sqliteDriver(): typeof SQLiteType {
  return require(sqliteDriverName()) as typeof SQLiteType;
}

/** The package name of the driver for the running Node (a worker thread loads the same one). */
export function sqliteDriverName(): string {
  const major = Number(process.versions.node.split('.')[0]);
  return major >= 22 ? 'better-sqlite3' : 'better-sqlite3-node20';
}

export type SqliteDatabase = SQLiteType.Database;
export type SqliteStatement = SQLiteType.Statement;

/** Opens a SQLite file with the driver that suits this Node. */
export function openSqlite(file: string, options?: SQLiteType.Options): SqliteDatabase {
  const SQLite = sqliteDriver();
  return new SQLite(file, options);
}
