import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type DbHandle, openDatabase } from '../db/database.js';

/**
 * An empty database of the dialect under test: SQLite in a new temp directory, or a new
 * PostgreSQL schema when TEST_DATABASE_URL is set (CI's PostgreSQL leg). For tests of migrations
 * and of the data layer itself; HTTP tests use startTestApp. `dispose` closes and removes it.
 */
export async function freshDatabase(): Promise<{ handle: DbHandle; dispose(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skein-db-'));
  const url = process.env.TEST_DATABASE_URL;
  const schema = url ? `d_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}` : undefined;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  if (schema) await admin(`create schema ${schema}`);
  const handle = openDatabase({ databaseUrl: url, dataDir, schema });
  return {
    handle,
    async dispose() {
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (schema) await admin(`drop schema ${schema} cascade`);
    },
  };
}
