import type { Kysely } from 'kysely';
import { col } from '../../../../platform/server/db/schema.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('msg_chats')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('kind', col.text, (c) => c.notNull())
    .addColumn('name', col.text, (c) => c.notNull())
    .addColumn('description', col.text, (c) => c.notNull().defaultTo(''))
    .addColumn('avatar_file_id', col.id)
    .addColumn('visibility', col.text, (c) => c.notNull())
    .addColumn('owner_id', col.id)
    .addColumn('department_id', col.id)
    .addColumn('direct_key', col.text)
    .addColumn('settings', col.json, (c) => c.notNull())
    .addColumn('announcement', col.json)
    .addColumn('last_seq', col.ms, (c) => c.notNull().defaultTo(0))
    .addColumn('last_message_at', col.ms)
    .addColumn('created_by', col.id, (c) => c.notNull())
    .addColumn('created_at', col.ms, (c) => c.notNull())
    .addColumn('updated_at', col.ms, (c) => c.notNull())
    .addColumn('archived_at', col.ms)
    .execute();
  await db.schema.createIndex('msg_chats_direct_key').on('msg_chats').column('direct_key').unique().execute();
  await db.schema.createIndex('msg_chats_department').on('msg_chats').column('department_id').execute();
  await db.schema.createIndex('msg_chats_visibility').on('msg_chats').columns(['visibility', 'kind']).execute();

  await db.schema
    .createTable('msg_members')
    .addColumn('chat_id', col.id, (c) => c.notNull().references('msg_chats.id'))
    .addColumn('user_id', col.id, (c) => c.notNull())
    .addColumn('role', col.text, (c) => c.notNull())
    .addColumn('joined_at', col.ms, (c) => c.notNull())
    .addColumn('visible_from_seq', col.ms, (c) => c.notNull().defaultTo(0))
    .addColumn('read_seq', col.ms, (c) => c.notNull().defaultTo(0))
    .addColumn('muted', col.bool, (c) => c.notNull().defaultTo(0))
    .addColumn('synced', col.bool, (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('msg_members_pk', ['chat_id', 'user_id'])
    .execute();
  await db.schema.createIndex('msg_members_user').on('msg_members').column('user_id').execute();

  await db.schema
    .createTable('msg_messages')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('chat_id', col.id, (c) => c.notNull().references('msg_chats.id'))
    .addColumn('seq', col.ms, (c) => c.notNull())
    .addColumn('sender_id', col.id, (c) => c.notNull())
    .addColumn('client_id', col.text, (c) => c.notNull())
    .addColumn('kind', col.text, (c) => c.notNull())
    .addColumn('content', col.json, (c) => c.notNull())
    .addColumn('text', col.text, (c) => c.notNull())
    .addColumn('mentions', col.json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('reply_to_id', col.id)
    .addColumn('thread_root_id', col.id)
    .addColumn('thread_reply_count', col.int, (c) => c.notNull().defaultTo(0))
    .addColumn('thread_last_reply_at', col.ms)
    .addColumn('forwarded_from', col.json)
    .addColumn('created_at', col.ms, (c) => c.notNull())
    .addColumn('edited_at', col.ms)
    .addColumn('recalled_at', col.ms)
    .execute();
  // History pages walk (chat_id, seq); the unique index is also the ordering guarantee.
  await db.schema.createIndex('msg_messages_chat_seq').on('msg_messages').columns(['chat_id', 'seq']).unique().execute();
  await db.schema
    .createIndex('msg_messages_idempotency')
    .on('msg_messages')
    .columns(['chat_id', 'sender_id', 'client_id'])
    .unique()
    .execute();
  await db.schema.createIndex('msg_messages_thread').on('msg_messages').columns(['thread_root_id', 'seq']).execute();

  await db.schema
    .createTable('msg_reactions')
    .addColumn('message_id', col.id, (c) => c.notNull().references('msg_messages.id'))
    .addColumn('user_id', col.id, (c) => c.notNull())
    .addColumn('emoji', col.text, (c) => c.notNull())
    .addColumn('created_at', col.ms, (c) => c.notNull())
    .addPrimaryKeyConstraint('msg_reactions_pk', ['message_id', 'user_id', 'emoji'])
    .execute();

  await db.schema
    .createTable('msg_pins')
    .addColumn('chat_id', col.id, (c) => c.notNull().references('msg_chats.id'))
    .addColumn('message_id', col.id, (c) => c.notNull().references('msg_messages.id'))
    .addColumn('pinned_by', col.id, (c) => c.notNull())
    .addColumn('pinned_at', col.ms, (c) => c.notNull())
    .addPrimaryKeyConstraint('msg_pins_pk', ['chat_id', 'message_id'])
    .execute();

  await db.schema
    .createTable('msg_thread_follows')
    .addColumn('user_id', col.id, (c) => c.notNull())
    .addColumn('root_message_id', col.id, (c) => c.notNull().references('msg_messages.id'))
    .addColumn('chat_id', col.id, (c) => c.notNull())
    .addColumn('last_read_reply_at', col.ms, (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('msg_thread_follows_pk', ['user_id', 'root_message_id'])
    .execute();

  await db.schema
    .createTable('msg_inbox')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('user_id', col.id, (c) => c.notNull())
    .addColumn('kind', col.text, (c) => c.notNull())
    .addColumn('chat_id', col.id, (c) => c.notNull())
    .addColumn('message_id', col.id, (c) => c.notNull())
    .addColumn('created_at', col.ms, (c) => c.notNull())
    .addColumn('read_at', col.ms)
    .execute();
  await db.schema.createIndex('msg_inbox_user').on('msg_inbox').columns(['user_id', 'id']).execute();

  await db.schema
    .createTable('msg_settings')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('edit_window_ms', col.ms, (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('messenger_init cannot be undone');
}
