import { sql } from 'kysely';
import type { AnyDb } from '../../../platform/server/db/database.js';
import type { Caller } from '../../../platform/server/permissions.js';
import type { MessengerDb } from './tables.js';

/**
 * Per membership: messages after both the read position and the visible-history start.
 * Written with CASE so it reads the same on SQLite and Postgres.
 */
const unreadExpr = sql<number>`case
  when msg_chats.last_seq > msg_members.read_seq and msg_chats.last_seq > msg_members.visible_from_seq
  then msg_chats.last_seq - (case when msg_members.read_seq > msg_members.visible_from_seq then msg_members.read_seq else msg_members.visible_from_seq end)
  else 0 end`;

function unreadRows(anyDb: AnyDb, userId: string) {
  const db: MessengerDb = anyDb;
  return db
    .selectFrom('msg_members')
    .innerJoin('msg_chats', 'msg_chats.id', 'msg_members.chat_id')
    .where('msg_members.user_id', '=', userId)
    .where('msg_chats.archived_at', 'is', null);
}

/** The badge: unread messages over the chats at level `all` (the others count on their own row). */
export async function totalUnread(anyDb: AnyDb, userId: string): Promise<number> {
  const row = await unreadRows(anyDb, userId)
    .where('msg_members.notify_level', '=', 'all')
    .select(sql<number>`coalesce(sum(${unreadExpr}), 0)`.as('total'))
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

/** GET /api/me/unread: the badge (only `all` chats) and every chat with something unread. */
export async function getUnreadUseCase(db: AnyDb, caller: Caller) {
  const rows = await unreadRows(db, caller.userId)
    .select(['msg_members.chat_id', unreadExpr.as('unread')])
    .where(unreadExpr, '>', 0)
    .execute();
  const chats: Record<string, number> = {};
  for (const r of rows) chats[r.chat_id] = Number(r.unread);
  return { total: await totalUnread(db, caller.userId), chats };
}
