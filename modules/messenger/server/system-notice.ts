import { sql } from 'kysely';
import type { AppContext } from '../../../platform/server/app-context.js';
import type { AnyDb } from '../../../platform/server/db/database.js';
import { newId } from '../../../platform/shared/ids.js';
import { systemType } from '../shared/message-types.js';
import { messageEvent, publishChat } from './message-events.js';
import type { MsgDb } from './message-tables.js';
import { buildView, type MessageRow } from './message-view.js';
import { createdOrder, type SeqClaim } from './publish-order.js';
import { chunks } from './sql-batches.js';

/*
 * System lines ("Alice added Bob", "Dan left"): a `system` message written in the same
 * transaction as the membership change it reports, so the line exists exactly when the change
 * does. It is a message like any other — it takes the next seq and the visibility rule applies
 * (a newcomer with hidden history sees the line announcing them, nothing before it). The content
 * is structured (event + user ids) and the client words it in the reader's language.
 */

/** At most this many named people per line; the rest are counted (params stay under 200 chars). */
const MAX_NAMED = 5;

export type NoticeContent = { event: string; params: Record<string, string> };

export function membersAddedNotice(actorId: string, userIds: string[]): NoticeContent {
  const named = userIds.slice(0, MAX_NAMED);
  const params: Record<string, string> = { actorId, targetIds: named.join(',') };
  if (userIds.length > named.length) params.more = String(userIds.length - named.length);
  return { event: 'members.added', params };
}

export interface PendingNotice {
  row: MessageRow;
  floor: number;
  claim: SeqClaim;
}

/**
 * Writes a notice inside the caller's transaction. The caller must call `publishNotice` after
 * the commit, or `abandonNotice` when the transaction fails (a claim left in line would hold
 * back every later message of the chat on this node).
 */
export async function writeNotice(
  anyDb: AnyDb,
  chatId: string,
  actorId: string,
  content: NoticeContent,
  seenBy: string[] = [actorId],
): Promise<PendingNotice> {
  const db: MsgDb = anyDb;
  const checked = systemType.content.parse(content);
  const now = Date.now();
  const { last_seq, history_floor } = await db
    .updateTable('msg_chats')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1), last_message_at: now }))
    .where('id', '=', chatId)
    .returning(['last_seq', 'history_floor'])
    .executeTakeFirstOrThrow();
  const seq = Number(last_seq);
  const claim = createdOrder.claim(chatId, seq);
  const row: MessageRow = {
    id: newId('msg'),
    chat_id: chatId,
    seq,
    sender_id: actorId,
    client_id: `sys:${newId('msg')}`,
    client_op: 'send',
    kind: systemType.kind,
    content: JSON.stringify(checked),
    text: systemType.toText(checked),
    mentions: '[]',
    reply_to_id: null,
    thread_root_id: null,
    thread_reply_count: 0,
    thread_last_reply_at: null,
    forwarded_from: null,
    created_at: now,
    edited_at: null,
    recalled_at: null,
  };
  try {
    await db.insertInto('msg_messages').values(row).execute();
    // Who did it, and who was added, know: the line is not unread for them (no-op for a leaver).
    for (const ids of chunks(seenBy)) {
      await db
        .updateTable('msg_members')
        .set({ read_seq: sql<number>`case when read_seq < ${seq} then ${seq} else read_seq end` })
        .where('chat_id', '=', chatId)
        .where('user_id', 'in', ids)
        .execute();
    }
  } catch (err) {
    createdOrder.abandon(claim);
    throw err;
  }
  return { row, floor: Number(history_floor), claim };
}

export function abandonNotice(notice: PendingNotice | undefined): void {
  if (notice) createdOrder.abandon(notice.claim);
}

/** Publishes a committed notice on `chat:<id>`, in seq order with the chat's other messages. */
export async function publishNotice(ctx: AppContext, notice: PendingNotice): Promise<void> {
  const { row, floor, claim } = notice;
  const extras = { reactions: [], pinnedIds: new Set<string>(), replies: new Map() };
  const event = messageEvent(row, 'message.created', (f) => buildView(row, extras, { viewerId: null, visibleFromSeq: f }), floor);
  await new Promise<void>((resolve) => {
    createdOrder.release(claim, () => {
      void publishChat(ctx, row.chat_id, event).finally(resolve);
    });
  });
}
