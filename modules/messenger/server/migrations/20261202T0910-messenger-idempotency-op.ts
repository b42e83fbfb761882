import { type Kysely, sql } from 'kysely';
import { col } from '../../../../platform/server/db/schema.js';

/**
 * Idempotency keys name the operation: (chat, sender, op, client id), op being `send` or
 * `forward`. Forwards used to store `fwd:<clientId>` in client_id, so a plain send with the
 * client id `fwd:x` took the place of a later forward with `x`. Existing forwards move to the
 * `forward` op with their original client id; the old index goes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('msg_messages')
    .addColumn('client_op', col.text, (c) => c.notNull().defaultTo('send'))
    .execute();
  await sql`update msg_messages set client_op = 'forward', client_id = substr(client_id, 5)
    where forwarded_from is not null and client_id like 'fwd:%'`.execute(db);
  await db.schema.dropIndex('msg_messages_idempotency').execute();
  await db.schema
    .createIndex('msg_messages_idempotency_op')
    .on('msg_messages')
    .columns(['chat_id', 'sender_id', 'client_op', 'client_id'])
    .unique()
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('messenger_idempotency_op cannot be undone');
}
