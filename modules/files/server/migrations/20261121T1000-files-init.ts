import type { Kysely } from 'kysely';
import { col } from '../../../../platform/server/db/schema.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('file_files')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('owner_id', col.id, (c) => c.notNull().references('org_members.id'))
    .addColumn('scope', col.text, (c) => c.notNull())
    .addColumn('name', col.text, (c) => c.notNull())
    .addColumn('size', col.ms, (c) => c.notNull())
    .addColumn('content_type', col.text, (c) => c.notNull())
    .addColumn('sha256', col.text, (c) => c.notNull())
    .addColumn('storage_key', col.text, (c) => c.notNull())
    .addColumn('created_at', col.ms, (c) => c.notNull())
    .addColumn('deleted_at', col.ms)
    .execute();
  await db.schema.createIndex('file_files_owner').on('file_files').columns(['owner_id', 'created_at']).execute();
  await db.schema.createIndex('file_files_scope').on('file_files').column('scope').execute();
}

export async function down(): Promise<void> {
  throw new Error('files_init cannot be undone');
}
