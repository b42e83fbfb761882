import { type Migration, Migrator, sql } from 'kysely';
import { type AnyDb, dialectOf } from './database.js';

/** Migrations keyed by name; names start with a UTC timestamp (`20261121T0900_org_init`). */
export type Migrations = Record<string, Migration>;

/**
 * Runs every module's migrations as one history, ordered by their timestamped names.
 * Throws with the failing migration's name so the boot stops with a clear message.
 */
export async function migrate(db: AnyDb, sets: Migrations[]): Promise<string[]> {
  const all: Migrations = {};
  for (const set of sets) {
    for (const [name, migration] of Object.entries(set)) {
      if (all[name]) throw new Error(`Two migrations are named ${name}`);
      all[name] = migration;
    }
  }
  // Kysely looks for its bookkeeping tables in every schema unless told which one: with two
  // Postgres schemas in one database (parallel test runs) it would find the other's and fail.
  const schema =
    dialectOf(db) === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db,
    migrationTableSchema: schema,
    provider: { getMigrations: async () => all },
    migrationTableName: 'skein_migration',
    migrationLockTableName: 'skein_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}
