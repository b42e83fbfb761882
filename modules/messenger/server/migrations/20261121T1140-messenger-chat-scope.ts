import type { Kysely } from 'kysely';
import { col } from '../../../../platform/server/db/schema.js';

/**
 * Chats whose membership follows the organization: department groups and announcement
 * channels. `scope` is JSON `{"all":true}` or `{"departmentIds":[…]}` (each with its subtree);
 * null for chats whose members are chosen by people.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('msg_chats').addColumn('scope', col.json).execute();
}

export async function down(): Promise<void> {
  throw new Error('messenger_chat_scope cannot be undone');
}
