import { type Kysely, sql } from 'kysely';
import { col } from '../../../../platform/server/db/schema.js';

/**
 * The chat row carries the highest visible_from_seq among its members (server/visibility.ts):
 * every live message event asks for it, and a send reads it from the row it already locks, so
 * no query runs between a send's commit and its publish (which would let a later send overtake
 * it on PostgreSQL) and none is added inside the lock either.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('msg_chats')
    .addColumn('history_floor', col.ms, (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update msg_chats set history_floor =
    (select coalesce(max(m.visible_from_seq), 0) from msg_members m where m.chat_id = msg_chats.id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('messenger_history_floor cannot be undone');
}
