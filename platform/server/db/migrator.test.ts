import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterEach, expect, test } from 'vitest';
import { type DbHandle, openDatabase } from './database.js';
import { migrate } from './migrator.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** A fresh database of the dialect under test (SQLite, or a new Postgres schema). */
async function freshDb(): Promise<DbHandle> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skein-migrate-'));
  const url = process.env.TEST_DATABASE_URL;
  const schema = url ? `m_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}` : undefined;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  if (schema) await admin(`create schema ${schema}`);
  const handle = openDatabase({ databaseUrl: url, dataDir, schema });
  cleanups.push(async () => {
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (schema) await admin(`drop schema ${schema} cascade`);
  });
  return handle;
}

const createNotes = {
  up: async (db: Kysely<unknown>) => {
    await db.schema
      .createTable('t_notes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .execute();
  },
};

test('migrations from several modules run once, in timestamp order, across boots', async () => {
  const { db } = await freshDb();
  const order: string[] = [];
  const track = (name: string) => ({ up: async () => void order.push(name) });
  const first = await migrate(db, [{ '20261121T0902-b': track('b') }, { '20261121T0901-a': track('a') }]);
  expect(first).toEqual(['20261121T0901-a', '20261121T0902-b']);
  expect(order).toEqual(['a', 'b']);
  // A later boot with one new migration runs only that one.
  const second = await migrate(db, [
    { '20261121T0902-b': track('b'), '20261121T0903-c': track('c') },
    { '20261121T0901-a': track('a') },
  ]);
  expect(second).toEqual(['20261121T0903-c']);
  expect(order).toEqual(['a', 'b', 'c']);
});

test('a failing migration names itself and leaves the schema as it was', async () => {
  const { db } = await freshDb();
  const broken = { up: async () => Promise.reject(new Error('column "x" does not exist')) };
  await expect(migrate(db, [{ '20261121T0901-notes': createNotes, '20261121T0902-broken': broken }])).rejects.toThrow(
    'Migration 20261121T0902-broken failed: column "x" does not exist',
  );
  // The earlier migration of the same boot was rolled back with it: fixing the broken one and booting again works.
  const ran = await migrate(db, [{ '20261121T0901-notes': createNotes, '20261121T0902-broken': { up: async () => {} } }]);
  expect(ran).toEqual(['20261121T0901-notes', '20261121T0902-broken']);
});
