import { sql } from 'kysely';
import type { AnyDb } from '../../../platform/server/db/database.js';
import type { FileScopeChecker } from '../../../platform/server/module.js';
import { AppError } from '../../../platform/shared/errors.js';
import { fileViewsByIds, setFileScope } from '../../files/server/index.js';
import { messengerErrors } from '../shared/errors.js';
import type { MsgDb } from './message-tables.js';
import { chunks, ROW_BATCH } from './sql-batches.js';

/*
 * Files in messages. A file posted in a chat gets the scope `msg:<fileId>`, and the messenger
 * answers the files module's question "may this caller read F" with: the caller is a member of
 * a chat in which a message they can see (above their visible_from_seq) and that is not recalled
 * carries F (table msg_message_files). The scope names the file, not a chat, so one file can be
 * in many chats (forwarding) and every one of them grants access; recalling the message or
 * leaving the chat takes it away at once, since the check runs on every download.
 */

/** The `msg` file scope checker registered in messengerModule().fileScopes. */
export const messageFileScope: FileScopeChecker = (caller, fileId, ctx) => mayReadMessageFile(ctx.db, caller.userId, fileId);

/** True when a visible, non-recalled message in one of the user's chats carries the file. */
export async function mayReadMessageFile(anyDb: AnyDb, userId: string, fileId: string): Promise<boolean> {
  const db: MsgDb = anyDb;
  const row = await db
    .selectFrom('msg_message_files as f')
    .innerJoin('msg_members as mem', (j) => j.onRef('mem.chat_id', '=', 'f.chat_id').on('mem.user_id', '=', userId))
    .innerJoin('msg_messages as m', 'm.id', 'f.message_id')
    .innerJoin('msg_chats as c', 'c.id', 'f.chat_id')
    .select(sql<number>`1`.as('one'))
    .where('f.file_id', '=', fileId)
    .where('m.recalled_at', 'is', null)
    .where('c.archived_at', 'is', null)
    .whereRef('m.seq', '>', 'mem.visible_from_seq')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Attaches files to a new message inside the send transaction. The sender must be able to read
 * each file: their own upload (which then moves into the `msg:<id>` scope) or a file already
 * posted in a chat they can see (forwarding). Anything else is `message.file_forbidden`, with
 * no hint whether the file exists.
 */
export async function attachFiles(
  anyDb: AnyDb,
  senderId: string,
  chatId: string,
  messageId: string,
  fileIds: string[],
): Promise<void> {
  if (fileIds.length === 0) return;
  const db: MsgDb = anyDb;
  const files = (await Promise.all(chunks(fileIds).map((ids) => fileViewsByIds(anyDb, ids)))).flat();
  const byId = new Map(files.map((f) => [f.id as string, f]));
  for (const fileId of fileIds) {
    const file = byId.get(fileId);
    if (!file) throw new AppError(messengerErrors['message.file_forbidden']);
    if (file.ownerId === senderId) {
      await setFileScope(anyDb, { fileId, ownerId: senderId, scope: `msg:${fileId}` });
    } else if (!(await mayReadMessageFile(anyDb, senderId, fileId))) {
      throw new AppError(messengerErrors['message.file_forbidden']);
    }
  }
  for (const batch of chunks(fileIds, ROW_BATCH)) {
    await db
      .insertInto('msg_message_files')
      .values(batch.map((file_id) => ({ message_id: messageId, chat_id: chatId, file_id })))
      .execute();
  }
}
