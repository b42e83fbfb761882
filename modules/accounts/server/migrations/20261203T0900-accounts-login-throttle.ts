import type { Kysely } from 'kysely';
import { col } from '../../../../platform/server/db/schema.js';

/**
 * Sign-in throttling keyed by account-and-address, account and address (see ADR 0009) instead
 * of by account alone. The old per-account counters are only minutes of state: dropping them is
 * the same as their lock expiring.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('acc_login_attempts').execute();
  await db.schema
    .createTable('acc_login_throttle')
    .addColumn('key', col.text, (c) => c.primaryKey())
    .addColumn('failures', col.int, (c) => c.notNull())
    .addColumn('last_failure_at', col.ms, (c) => c.notNull())
    .addColumn('locked_until', col.ms)
    .execute();
  await db.schema.createIndex('acc_login_throttle_last').on('acc_login_throttle').column('last_failure_at').execute();
}

export async function down(): Promise<void> {
  throw new Error('accounts_login_throttle cannot be undone');
}
