import type { Kysely } from 'kysely';
import { col } from '../../../../platform/server/db/schema.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('actor_id', col.id)
    .addColumn('action', col.text, (c) => c.notNull())
    .addColumn('target_type', col.text, (c) => c.notNull())
    .addColumn('target_id', col.text)
    .addColumn('details', col.json, (c) => c.notNull())
    .addColumn('ip', col.text)
    .addColumn('created_at', col.ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_target').on('audit_log').columns(['target_type', 'target_id']).execute();
  await db.schema.createIndex('audit_log_actor').on('audit_log').column('actor_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('audit_init cannot be undone');
}
