import type { z } from 'zod';
import type { AnyDb } from '../../../platform/server/db/database.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { newId } from '../../../platform/shared/ids.js';
import type { inboxItemView } from '../shared/types.js';
import type { MsgDb } from './message-tables.js';
import { type MessageRow, toPreview } from './message-view.js';
import { chunks, ROW_BATCH } from './sql-batches.js';

export type InboxItemView = z.infer<typeof inboxItemView>;
export type InboxKind = 'direct' | 'mention' | 'reply';

/** Writes one inbox item per recipient (inside the send transaction); returns the views to publish. */
export async function createInboxItems(
  anyDb: AnyDb,
  message: MessageRow,
  recipients: Map<string, InboxKind>,
): Promise<{ userId: string; item: InboxItemView }[]> {
  if (recipients.size === 0) return [];
  const db: MsgDb = anyDb;
  const rows = [...recipients].map(([user_id, kind]) => ({
    id: newId('ntf'),
    user_id,
    kind,
    chat_id: message.chat_id,
    message_id: message.id,
    created_at: message.created_at,
    read_at: null,
  }));
  for (const batch of chunks(rows, ROW_BATCH)) await db.insertInto('msg_inbox').values(batch).execute();
  const preview = toPreview(message);
  return rows.map((r) => ({
    userId: r.user_id,
    item: {
      id: r.id,
      kind: r.kind,
      chatId: message.chat_id as InboxItemView['chatId'],
      message: preview,
      createdAt: new Date(r.created_at).toISOString(),
      read: false,
    },
  }));
}

/** My inbox items in chats I am still in, for messages I can see (leaving a chat hides its items). */
function myInbox(db: MsgDb, userId: string) {
  return db
    .selectFrom('msg_inbox as i')
    .innerJoin('msg_members as mem', (j) => j.onRef('mem.chat_id', '=', 'i.chat_id').on('mem.user_id', '=', userId))
    .innerJoin('msg_messages as m', 'm.id', 'i.message_id')
    .where('i.user_id', '=', userId)
    .whereRef('m.seq', '>', 'mem.visible_from_seq');
}

async function unreadCount(db: MsgDb, userId: string): Promise<number> {
  const row = await myInbox(db, userId)
    .where('i.read_at', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** My notifications, newest first; `cursor` is the last item id of the previous page. */
export async function listInboxUseCase(
  anyDb: AnyDb,
  caller: Caller,
  query: { unread?: 'true' | 'false'; cursor?: string; limit: number },
) {
  const db: MsgDb = anyDb;
  let q = myInbox(db, caller.userId)
    .selectAll('m')
    .select(['i.id as inbox_id', 'i.kind as inbox_kind', 'i.created_at as inbox_created_at', 'i.read_at as inbox_read_at'])
    .orderBy('i.id', 'desc')
    .limit(query.limit + 1);
  if (query.unread === 'true') q = q.where('i.read_at', 'is', null);
  if (query.cursor) q = q.where('i.id', '<', query.cursor);
  const rows = await q.execute();
  const page = rows.slice(0, query.limit);
  const items: InboxItemView[] = page.map(({ inbox_id, inbox_kind, inbox_created_at, inbox_read_at, ...m }) => ({
    id: inbox_id,
    kind: inbox_kind,
    chatId: m.chat_id as InboxItemView['chatId'],
    message: toPreview(m),
    createdAt: new Date(inbox_created_at).toISOString(),
    read: inbox_read_at !== null,
  }));
  return {
    items,
    nextCursor: rows.length > query.limit ? page[page.length - 1].inbox_id : null,
    unreadCount: await unreadCount(db, caller.userId),
  };
}

/** Marks some (or all) of my notifications read; ids of other people's items are ignored. */
export async function markInboxReadUseCase(anyDb: AnyDb, caller: Caller, body: { ids?: string[]; all?: boolean }) {
  const db: MsgDb = anyDb;
  const now = Date.now();
  if (body.all) {
    await db
      .updateTable('msg_inbox')
      .set({ read_at: now })
      .where('user_id', '=', caller.userId)
      .where('read_at', 'is', null)
      .execute();
  } else if (body.ids?.length) {
    await db
      .updateTable('msg_inbox')
      .set({ read_at: now })
      .where('user_id', '=', caller.userId)
      .where('id', 'in', body.ids)
      .where('read_at', 'is', null)
      .execute();
  }
  return { unreadCount: await unreadCount(db, caller.userId) };
}
