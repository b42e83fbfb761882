import type { Kysely } from 'kysely';
import { col } from '../../../../platform/server/db/schema.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('prs_settings')
    .addColumn('user_id', col.id, (c) => c.primaryKey())
    .addColumn('dnd_on', col.bool, (c) => c.notNull().defaultTo(0))
    .addColumn('dnd_until', col.ms)
    .addColumn('schedule_start', col.text)
    .addColumn('schedule_end', col.text)
    .addColumn('updated_at', col.ms, (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('presence_settings cannot be undone');
}
