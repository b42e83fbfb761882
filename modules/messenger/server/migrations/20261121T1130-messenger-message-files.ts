import type { Kysely } from 'kysely';
import { col } from '../../../../platform/server/db/schema.js';

/** Files carried by messages (download access for chat members) and mentions (the "mentions of me" list). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('msg_message_files')
    .addColumn('message_id', col.id, (c) => c.notNull().references('msg_messages.id'))
    .addColumn('chat_id', col.id, (c) => c.notNull())
    .addColumn('file_id', col.id, (c) => c.notNull())
    .addPrimaryKeyConstraint('msg_message_files_pk', ['message_id', 'file_id'])
    .execute();
  // The files module asks "may this caller read file F" on every download: look up by file.
  await db.schema.createIndex('msg_message_files_file').on('msg_message_files').columns(['file_id', 'chat_id']).execute();

  await db.schema
    .createTable('msg_mentions')
    .addColumn('message_id', col.id, (c) => c.notNull().references('msg_messages.id'))
    .addColumn('chat_id', col.id, (c) => c.notNull())
    .addColumn('user_id', col.text, (c) => c.notNull())
    .addColumn('seq', col.ms, (c) => c.notNull())
    .addColumn('created_at', col.ms, (c) => c.notNull())
    .addPrimaryKeyConstraint('msg_mentions_pk', ['message_id', 'user_id'])
    .execute();
  await db.schema.createIndex('msg_mentions_user').on('msg_mentions').columns(['user_id', 'message_id']).execute();
  await db.schema
    .createIndex('msg_mentions_chat_user')
    .on('msg_mentions')
    .columns(['chat_id', 'user_id', 'message_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('messenger_message_files cannot be undone');
}
