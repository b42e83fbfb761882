import type { AnyDb } from '../../../platform/server/db/database.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { AppError } from '../../../platform/shared/errors.js';
import { messengerErrors } from '../shared/errors.js';
import { MAX_RECEIPT_MEMBERS } from '../shared/types.js';
import { requireVisibleMessage } from './find-message.js';
import { memberCountOf } from './mark-read.js';
import type { MessengerDb } from './tables.js';

/**
 * GET /api/messages/:messageId/receipts: "read by 3 of 5" and who. Only for members who can
 * see the message, in chats of up to 200 people. The sender is not counted; neither is anyone
 * whose visible history starts after the message.
 */
export async function getReceiptsUseCase(anyDb: AnyDb, caller: Caller, messageId: string) {
  const db: MessengerDb = anyDb;
  // The same lookup as every other message endpoint: a message of another chat and a made-up id
  // both answer message.not_found, so receipts cannot probe which ids exist.
  const { message } = await requireVisibleMessage(db, caller, messageId);
  if ((await memberCountOf(db, message.chat_id)) > MAX_RECEIPT_MEMBERS) {
    throw new AppError(messengerErrors['message.receipts_unavailable'], { params: { max: MAX_RECEIPT_MEMBERS } });
  }
  const rows = await db
    .selectFrom('msg_members')
    .select(['user_id', 'read_seq'])
    .where('chat_id', '=', message.chat_id)
    .where('user_id', '!=', message.sender_id)
    .where('visible_from_seq', '<', message.seq)
    .orderBy('user_id')
    .execute();
  const readBy = rows.filter((r) => Number(r.read_seq) >= message.seq).map((r) => r.user_id as never);
  const unreadBy = rows.filter((r) => Number(r.read_seq) < message.seq).map((r) => r.user_id as never);
  return { readCount: readBy.length, memberCount: rows.length, readBy, unreadBy };
}
