import type { Kysely } from 'kysely';

/**
 * Every live message event asks "what is the highest visible_from_seq in this chat?" (see
 * server/visibility.ts); with this index that is one seek instead of a scan of the members.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('msg_members_chat_floor').on('msg_members').columns(['chat_id', 'visible_from_seq']).execute();
}

export async function down(): Promise<void> {
  throw new Error('messenger_member_floor_index cannot be undone');
}
