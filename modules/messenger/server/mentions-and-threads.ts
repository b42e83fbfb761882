import type { AnyDb } from '../../../platform/server/db/database.js';
import type { Caller } from '../../../platform/server/permissions.js';
import type { MsgDb } from './message-tables.js';
import { toMessageViews } from './message-view.js';

interface Page {
  cursor?: string;
  limit: number;
}

/**
 * Messages that mention me or @all, in chats I am in and history I can see, newest first
 * (recalled ones drop out; my own @all messages are not "mentions of me").
 * `cursor` is the last message id of the previous page (ids sort by time).
 */
export async function listMyMentionsUseCase(anyDb: AnyDb, caller: Caller, page: Page) {
  const db: MsgDb = anyDb;
  let q = db
    .selectFrom('msg_mentions as mn')
    .innerJoin('msg_members as mem', (j) => j.onRef('mem.chat_id', '=', 'mn.chat_id').on('mem.user_id', '=', caller.userId))
    .innerJoin('msg_chats as c', 'c.id', 'mn.chat_id')
    .innerJoin('msg_messages as m', 'm.id', 'mn.message_id')
    .select('mn.message_id')
    .where('mn.user_id', 'in', [caller.userId, 'all'])
    .whereRef('mn.seq', '>', 'mem.visible_from_seq')
    .where('c.archived_at', 'is', null)
    .where('m.recalled_at', 'is', null)
    .where('m.sender_id', '!=', caller.userId)
    .groupBy('mn.message_id')
    .orderBy('mn.message_id', 'desc')
    .limit(page.limit + 1);
  if (page.cursor) q = q.where('mn.message_id', '<', page.cursor);
  const ids = (await q.execute()).map((r) => r.message_id);
  const pageIds = ids.slice(0, page.limit);
  const rows = pageIds.length
    ? await db.selectFrom('msg_messages').selectAll().where('id', 'in', pageIds).orderBy('id', 'desc').execute()
    : [];
  // Reply quotes follow each chat's visible history, as in the chat itself.
  const chatIds = [...new Set(rows.map((r) => r.chat_id))];
  const floors = chatIds.length
    ? await db
        .selectFrom('msg_members')
        .select(['chat_id', 'visible_from_seq'])
        .where('user_id', '=', caller.userId)
        .where('chat_id', 'in', chatIds)
        .execute()
    : [];
  const visibleFromSeqByChat = new Map(floors.map((f) => [f.chat_id, Number(f.visible_from_seq)]));
  return {
    items: await toMessageViews(db, rows, { viewerId: caller.userId, visibleFromSeqByChat }),
    nextCursor: ids.length > page.limit ? pageIds[pageIds.length - 1] : null,
  };
}

/**
 * Threads I follow in chats I am still in, most recent reply first, each with the number of
 * replies by others since I last read it. `cursor` is an offset (a personal, short list).
 */
export async function listMyThreadsUseCase(anyDb: AnyDb, caller: Caller, page: Page) {
  const db: MsgDb = anyDb;
  const offset = page.cursor && /^\d{1,6}$/.test(page.cursor) ? Number(page.cursor) : 0;
  const rows = await db
    .selectFrom('msg_thread_follows as f')
    .innerJoin('msg_members as mem', (j) => j.onRef('mem.chat_id', '=', 'f.chat_id').on('mem.user_id', '=', caller.userId))
    .innerJoin('msg_chats as c', 'c.id', 'f.chat_id')
    .innerJoin('msg_messages as m', 'm.id', 'f.root_message_id')
    .selectAll('m')
    .select(['mem.visible_from_seq as visible_from_seq', 'f.last_read_reply_at as last_read_reply_at'])
    .where('f.user_id', '=', caller.userId)
    .where('c.archived_at', 'is', null)
    .whereRef('m.seq', '>', 'mem.visible_from_seq')
    .orderBy((eb) => eb.fn.coalesce('m.thread_last_reply_at', 'm.created_at'), 'desc')
    .orderBy('m.id', 'desc')
    .limit(page.limit + 1)
    .offset(offset)
    .execute();
  const pageRows = rows.slice(0, page.limit);
  const unread = new Map<string, number>();
  if (pageRows.length) {
    const counts = await db
      .selectFrom('msg_messages as r')
      .innerJoin('msg_thread_follows as f', (j) =>
        j.onRef('f.root_message_id', '=', 'r.thread_root_id').on('f.user_id', '=', caller.userId),
      )
      .select(['r.thread_root_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where(
        'r.thread_root_id',
        'in',
        pageRows.map((r) => r.id),
      )
      .whereRef('r.created_at', '>', 'f.last_read_reply_at')
      .where('r.sender_id', '!=', caller.userId)
      .groupBy('r.thread_root_id')
      .execute();
    for (const c of counts) if (c.thread_root_id) unread.set(c.thread_root_id, Number(c.n));
  }
  const roots = pageRows.map(({ visible_from_seq: _v, last_read_reply_at: _l, ...m }) => m);
  const visibleFromSeqByChat = new Map(pageRows.map((r) => [r.chat_id, Number(r.visible_from_seq)]));
  const views = await toMessageViews(db, roots, { viewerId: caller.userId, visibleFromSeqByChat });
  return {
    items: views.map((root) => ({ root, unreadReplies: unread.get(root.id) ?? 0 })),
    nextCursor: rows.length > page.limit ? String(offset + page.limit) : null,
  };
}
