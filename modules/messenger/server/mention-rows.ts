import type { AnyDb } from '../../../platform/server/db/database.js';
import type { MsgDb } from './message-tables.js';
import type { MessageRow } from './message-view.js';
import { chunks, ROW_BATCH } from './sql-batches.js';

/** Writes who a message mentions (the "mentions of me" index), in batches the databases accept. */
export async function insertMentions(
  anyDb: AnyDb,
  message: Pick<MessageRow, 'id' | 'chat_id' | 'seq' | 'created_at'>,
  mentions: string[],
): Promise<void> {
  const db: MsgDb = anyDb;
  for (const batch of chunks(mentions, ROW_BATCH)) {
    await db
      .insertInto('msg_mentions')
      .values(
        batch.map((user_id) => ({
          message_id: message.id,
          chat_id: message.chat_id,
          user_id,
          seq: message.seq,
          created_at: message.created_at,
        })),
      )
      .execute();
  }
}
