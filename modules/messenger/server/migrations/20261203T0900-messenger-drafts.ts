import type { Kysely } from 'kysely';
import { col } from '../../../../platform/server/db/schema.js';

/**
 * What a person has typed but not sent, one per (person, chat), so it follows them to another
 * device. Keyed person first: the one read is "my drafts".
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('msg_drafts')
    .addColumn('user_id', col.id, (c) => c.notNull())
    .addColumn('chat_id', col.id, (c) => c.notNull().references('msg_chats.id'))
    .addColumn('text', col.text, (c) => c.notNull())
    .addColumn('updated_at', col.ms, (c) => c.notNull())
    .addPrimaryKeyConstraint('msg_drafts_pk', ['user_id', 'chat_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('messenger_drafts cannot be undone');
}
