import { type Migration, sql } from 'kysely';
import { type AnyDb, dialectOf } from './database.js';

/** Migrations keyed by name; names start with a UTC timestamp (`20261121T0900-org-init`). */
export type Migrations = Record<string, Migration>;

// Any constant works; it only has to be the same on every node of one installation.
const PG_MIGRATION_LOCK = 7_251_993;

/**
 * Runs every module's migrations as one history, ordered by their timestamped names, in one
 * transaction: a failing migration leaves the schema as it was and stops the boot with its name.
 *
 * Kysely's own Migrator is not used: it checks for its bookkeeping tables by introspecting every
 * table of every schema, which fails when another schema is being dropped at the same moment
 * (parallel test runs, several installations in one database). Ours touches only its own table,
 * and on PostgreSQL a transaction-scoped advisory lock makes nodes booting together take turns.
 */
export async function migrate(db: AnyDb, sets: Migrations[]): Promise<string[]> {
  const all: Migrations = {};
  for (const set of sets) {
    for (const [name, migration] of Object.entries(set)) {
      if (all[name]) throw new Error(`Two migrations are named ${name}`);
      all[name] = migration;
    }
  }
  const names = Object.keys(all).sort();
  const ran: string[] = [];
  let current = '';
  try {
    await db.transaction().execute(async (tx) => {
      if (dialectOf(db) === 'postgres') await sql`select pg_advisory_xact_lock(${sql.lit(PG_MIGRATION_LOCK)})`.execute(tx);
      await sql`create table if not exists skein_migration (name text primary key, executed_at bigint not null)`.execute(tx);
      const done = new Set(
        (await tx.selectFrom('skein_migration').select('name').execute()).map((r: { name: string }) => r.name),
      );
      for (const name of names) {
        if (done.has(name)) continue;
        current = name;
        await all[name].up(tx);
        await tx.insertInto('skein_migration').values({ name, executed_at: Date.now() }).execute();
        ran.push(name);
      }
    });
  } catch (err) {
    const cause = err instanceof Error ? err.message : String(err);
    throw new Error(current ? `Migration ${current} failed: ${cause}` : `Migrations could not run: ${cause}`);
  }
  return ran;
}
