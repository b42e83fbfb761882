import type { AnyDb } from '../../../platform/server/db/database.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { requireVisibleMessage } from './find-message.js';
import type { MsgDb } from './message-tables.js';
import { toMessageViews } from './message-view.js';

/** The thread a message belongs to: itself when it is a root, else its root (same visibility rules). */
async function threadRoot(db: MsgDb, caller: Caller, messageId: string) {
  const found = await requireVisibleMessage(db, caller, messageId);
  return found.message.thread_root_id ? requireVisibleMessage(db, caller, found.message.thread_root_id) : found;
}

/** A thread: its root and replies in seq order. Reading it marks the thread read for a follower. */
export async function getThreadUseCase(
  anyDb: AnyDb,
  caller: Caller,
  messageId: string,
  query: { after?: number; limit: number },
) {
  const db: MsgDb = anyDb;
  const { message: root, member } = await threadRoot(db, caller, messageId);
  const floor = Math.max(member.visible_from_seq, query.after ?? 0);
  const rows = await db
    .selectFrom('msg_messages')
    .selectAll()
    .where('thread_root_id', '=', root.id)
    .where('seq', '>', floor)
    .orderBy('seq', 'asc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const follow = await db
    .updateTable('msg_thread_follows')
    .set({ last_read_reply_at: Math.max(Date.now(), root.thread_last_reply_at ?? 0) })
    .where('user_id', '=', caller.userId)
    .where('root_message_id', '=', root.id)
    .executeTakeFirst();
  const [rootView, ...replies] = await toMessageViews(db, [root, ...page], {
    viewerId: caller.userId,
    visibleFromSeq: member.visible_from_seq,
  });
  return { root: rootView, replies, hasMore: rows.length > query.limit, following: Number(follow.numUpdatedRows) > 0 };
}

/** Follow or unfollow a thread (given its root or any reply). */
export async function setThreadFollowUseCase(anyDb: AnyDb, caller: Caller, messageId: string, following: boolean) {
  const db: MsgDb = anyDb;
  const { message: root } = await threadRoot(db, caller, messageId);
  if (following) {
    await db
      .insertInto('msg_thread_follows')
      .values({ user_id: caller.userId, root_message_id: root.id, chat_id: root.chat_id, last_read_reply_at: Date.now() })
      .onConflict((oc) => oc.columns(['user_id', 'root_message_id']).doNothing())
      .execute();
  } else {
    await db
      .deleteFrom('msg_thread_follows')
      .where('user_id', '=', caller.userId)
      .where('root_message_id', '=', root.id)
      .execute();
  }
  return { ok: true as const };
}
