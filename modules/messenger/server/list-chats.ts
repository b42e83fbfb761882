import type { AppContext } from '../../../platform/server/app-context.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { findMembers } from '../../org/server/index.js';
import type { ChatView } from '../shared/types.js';
import { activity, afterCursor, encodeCursor, memberColumns, nameContains, splitRow } from './chat-queries.js';
import { toChatViews } from './chat-view.js';
import type { MessengerDb } from './tables.js';
import { totalUnread } from './unread.js';

interface Page {
  q?: string;
  cursor?: string;
  limit: number;
}

/** People whose names match q (pinyin and romaji included), for finding direct chats by the other person. */
async function matchingPeople(ctx: AppContext, caller: Caller, q: string): Promise<string[]> {
  const page = await findMembers(ctx.db, { q, status: 'all', limit: 100 });
  return page.items.map((m) => m.id as string).filter((id) => id !== caller.userId);
}

function pageOf(views: ChatView[], rows: Array<{ id: string; at: number }>, limit: number) {
  const more = rows.length > limit;
  const last = rows[limit - 1];
  return { items: views.slice(0, limit), nextCursor: more && last ? encodeCursor([last.at, last.id]) : null };
}

/**
 * GET /api/chats: my chats, the most recently active first, with unread counts and the newest
 * message. `q` matches group names and, for direct chats, the other person's name.
 */
export async function listMyChatsUseCase(ctx: AppContext, caller: Caller, query: Page) {
  const db: MessengerDb = ctx.db;
  const q = query.q?.trim();
  const people = q ? await matchingPeople(ctx, caller, q) : [];
  let select = db
    .selectFrom('msg_members')
    .innerJoin('msg_chats', 'msg_chats.id', 'msg_members.chat_id')
    .selectAll('msg_chats')
    .select(memberColumns)
    .select(activity.as('at'))
    .where('msg_members.user_id', '=', caller.userId)
    .where('msg_chats.archived_at', 'is', null);
  if (q) {
    select = select.where((eb) => {
      const byName = nameContains(q);
      if (people.length === 0) return byName;
      const byPeer = eb.and([
        eb('msg_chats.kind', '=', 'direct'),
        eb('msg_chats.id', 'in', eb.selectFrom('msg_members as peer').select('peer.chat_id').where('peer.user_id', 'in', people)),
      ]);
      return eb.or([byName, byPeer]);
    });
  }
  if (query.cursor) select = select.where(afterCursor(query.cursor));
  const rows = await select
    .orderBy(activity, 'desc')
    .orderBy('msg_chats.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const entries = rows.slice(0, query.limit).map(({ at: _at, ...r }) => splitRow(r));
  const views = await toChatViews(ctx.db, caller.userId, entries);
  const keys = rows.map((r) => ({ id: r.id, at: Number(r.at) }));
  return { ...pageOf(views, keys, query.limit), totalUnread: await totalUnread(ctx.db, caller.userId) };
}

/** GET /api/chats/public: public groups anybody may find and join (with my role where I am in). */
export async function listPublicChatsUseCase(ctx: AppContext, caller: Caller, query: Page) {
  const db: MessengerDb = ctx.db;
  const q = query.q?.trim();
  let select = db
    .selectFrom('msg_chats')
    .leftJoin('msg_members', (j) =>
      j.onRef('msg_members.chat_id', '=', 'msg_chats.id').on('msg_members.user_id', '=', caller.userId),
    )
    .selectAll('msg_chats')
    .select(memberColumns)
    .select(activity.as('at'))
    .where('msg_chats.kind', '=', 'group')
    .where('msg_chats.visibility', '=', 'public')
    .where('msg_chats.archived_at', 'is', null);
  if (q) select = select.where(nameContains(q));
  if (query.cursor) select = select.where(afterCursor(query.cursor));
  const rows = await select
    .orderBy(activity, 'desc')
    .orderBy('msg_chats.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const entries = rows.slice(0, query.limit).map(({ at: _at, ...r }) => splitRow(r));
  const views = await toChatViews(ctx.db, caller.userId, entries);
  return pageOf(
    views,
    rows.map((r) => ({ id: r.id, at: Number(r.at) })),
    query.limit,
  );
}
