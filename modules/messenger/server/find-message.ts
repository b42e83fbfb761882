import type { AnyDb } from '../../../platform/server/db/database.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { AppError } from '../../../platform/shared/errors.js';
import { messengerErrors } from '../shared/errors.js';
import { type ChatRow, type MemberRow, requireMembership } from './access.js';
import type { MsgDb } from './message-tables.js';
import type { MessageRow } from './message-view.js';
import { mayReadSeq } from './visibility.js';

/**
 * A message the caller can see — in a chat they are in, above their visible_from_seq — with
 * that chat and membership. Anything else is `message.not_found`, so a member of chat A
 * learns nothing about the messages of chat B, not even that an id exists.
 */
export async function requireVisibleMessage(
  anyDb: AnyDb,
  caller: Pick<Caller, 'userId'>,
  messageId: string,
): Promise<{ message: MessageRow; chat: ChatRow; member: MemberRow }> {
  const db: MsgDb = anyDb;
  const message = await db.selectFrom('msg_messages').selectAll().where('id', '=', messageId).executeTakeFirst();
  if (!message) throw new AppError(messengerErrors['message.not_found']);
  let access: { chat: ChatRow; member: MemberRow };
  try {
    access = await requireMembership(db, caller, message.chat_id);
  } catch (err) {
    if (err instanceof AppError && err.code === 'chat.not_found') throw new AppError(messengerErrors['message.not_found']);
    throw err;
  }
  if (!mayReadSeq(access.member, message.seq)) throw new AppError(messengerErrors['message.not_found']);
  return { message, ...access };
}

/** Reloads a message row (after an update). */
export async function reloadMessage(anyDb: AnyDb, messageId: string): Promise<MessageRow> {
  const db: MsgDb = anyDb;
  return db.selectFrom('msg_messages').selectAll().where('id', '=', messageId).executeTakeFirstOrThrow();
}
