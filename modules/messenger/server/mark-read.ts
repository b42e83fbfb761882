import type { AppContext } from '../../../platform/server/app-context.js';
import type { AnyDb } from '../../../platform/server/db/database.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { MAX_RECEIPT_MEMBERS } from '../shared/types.js';
import { requireMembership } from './access.js';
import { publishQuietly } from './chat-events.js';
import { unreadOf } from './chat-view.js';
import type { MessengerDb } from './tables.js';
import { totalUnread } from './unread.js';

/**
 * Moves a member's read position up to `seq`, never backwards (one guarded UPDATE, so two
 * devices racing cannot move it back). Returns whether it moved. Send calls this for the
 * sender, so one's own messages are never unread.
 */
export async function advanceReadSeq(anyDb: AnyDb, chatId: string, userId: string, seq: number): Promise<boolean> {
  const db: MessengerDb = anyDb;
  const result = await db
    .updateTable('msg_members')
    .set({ read_seq: seq })
    .where('chat_id', '=', chatId)
    .where('user_id', '=', userId)
    .where('read_seq', '<', seq)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** How many people are in the chat (receipts and live read events stop above 200). */
export async function memberCountOf(anyDb: AnyDb, chatId: string): Promise<number> {
  const db: MessengerDb = anyDb;
  const row = await db
    .selectFrom('msg_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('chat_id', '=', chatId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * POST /api/chats/:chatId/read. Clamped to the chat's newest seq. When it moves: chats of up
 * to 200 members hear `read` (receipts update live), and the reader's other devices hear the
 * new counts on `user:<id>`.
 */
export async function markReadUseCase(ctx: AppContext, caller: Caller, chatId: string, seq: number) {
  const { chat, member } = await requireMembership(ctx.db, caller, chatId);
  const target = Math.min(seq, chat.last_seq);
  const moved = await advanceReadSeq(ctx.db, chatId, caller.userId, target);
  if (moved) await markInboxReadUpTo(ctx.db, chatId, caller.userId, target);
  const readSeq = Math.max(member.read_seq, target, member.visible_from_seq);
  const unread = unreadOf(chat, { read_seq: readSeq, visible_from_seq: member.visible_from_seq });
  const total = await totalUnread(ctx.db, caller.userId);
  if (moved) {
    if ((await memberCountOf(ctx.db, chatId)) <= MAX_RECEIPT_MEMBERS) {
      await publishQuietly(ctx, `chat:${chatId}`, { type: 'read', chatId, userId: caller.userId, readSeq });
    }
    await publishQuietly(ctx, `user:${caller.userId}`, { type: 'messenger.unread', chatId, unread, total });
  }
  return { readSeq, unread, totalUnread: total };
}

/** Notifications about messages the reader has now seen in the chat itself are read too. */
async function markInboxReadUpTo(anyDb: AnyDb, chatId: string, userId: string, seq: number): Promise<void> {
  const db: MessengerDb = anyDb;
  await db
    .updateTable('msg_inbox')
    .set({ read_at: Date.now() })
    .where('user_id', '=', userId)
    .where('chat_id', '=', chatId)
    .where('read_at', 'is', null)
    .where('message_id', 'in', (eb) =>
      eb.selectFrom('msg_messages').select('id').where('chat_id', '=', chatId).where('seq', '<=', seq),
    )
    .execute();
}
