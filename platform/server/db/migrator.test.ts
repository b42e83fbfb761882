import type { Kysely } from 'kysely';
import { afterEach, expect, test } from 'vitest';
import { freshDatabase } from '../test/fresh-database.js';
import type { DbHandle } from './database.js';
import { migrate } from './migrator.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function freshDb(): Promise<DbHandle> {
  const { handle, dispose } = await freshDatabase();
  cleanups.push(dispose);
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
