import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, test } from 'vitest';
import { type DbHandle, openDatabase } from './database.js';
import { openSqlite } from './sqlite-driver.js';

const PAGE = 4096;
let handle: DbHandle | undefined;
let dir: string;

afterEach(async () => {
  await handle?.close();
  handle = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

async function open(checkpointIntervalMs: number): Promise<DbHandle> {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skein-ckpt-'));
  handle = openDatabase({ dataDir: dir, checkpointIntervalMs });
  await sql`create table notes (id integer primary key, body text not null)`.execute(handle.db);
  return handle;
}

async function writeNotes(db: DbHandle['db'], count: number, bytes: number) {
  for (let i = 0; i < count; i++) await sql`insert into notes (body) values (${'x'.repeat(bytes)})`.execute(db);
}

/** Rows in the database file alone, without its WAL: what a checkpoint has copied back. */
function rowsInMainFile(): number {
  const copy = path.join(dir, 'copy.db');
  fs.copyFileSync(path.join(dir, 'skein.db'), copy);
  const db = openSqlite(copy, { readonly: true });
  try {
    return (db.prepare('select count(*) as n from notes').get() as { n: number }).n;
  } catch {
    return 0; // the table itself is not in the file yet
  } finally {
    db.close();
  }
}

describe('SQLite checkpoints run beside the server, not inside its commits', () => {
  test('a commit that grows the WAL past SQLite’s 1,000-page threshold does not checkpoint on the request path', async () => {
    const { db } = await open(60_000);
    // ~1,500 pages of 4 KB notes in separate commits: SQLite's automatic checkpoint would run
    // inside one of them and start the WAL over, keeping the file near 1,000 pages.
    await writeNotes(db, 1500, 3000);
    const walBytes = fs.statSync(path.join(dir, 'skein.db-wal')).size;
    expect(walBytes).toBeGreaterThan(1200 * PAGE);
  });

  test('committed writes reach the database file itself within seconds', async () => {
    const { db } = await open(200);
    await writeNotes(db, 20, 100);
    const deadline = Date.now() + 5000;
    while (rowsInMainFile() < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(rowsInMainFile()).toBe(20);
  });
});
