import type { AppContext } from '../../../platform/server/app-context.js';
import { activeMemberIds, departmentPaths, departmentPathsOf, membersInSubtrees } from '../../org/server/index.js';
import type { DepartmentMoved, MemberDepartmentsChanged, MemberStatusChanged } from '../../org/shared/events.js';
import { orgEvents } from '../../org/shared/events.js';
import type { ChatRow } from './access.js';
import { announceMembership } from './chat-events.js';
import { parseSettings } from './chat-view.js';
import { deleteMembers, historyVisibleFrom, insertMembers } from './member-writes.js';
import { chunks } from './sql-batches.js';
import type { MessengerDb } from './tables.js';

/*
 * Department groups and announcement channels follow the organization: their `scope` names
 * departments (with subtrees) or everybody. People come and go as the org module reports
 * changes (domain events, after its commit). Only rows the sync added (synced = 1) are ever
 * removed by it, and never the owner or admins.
 */

export type ChatScope = { all: true } | { departmentIds: string[] };

export function parseScope(json: string | null): ChatScope | null {
  return json ? (JSON.parse(json) as ChatScope) : null;
}

function roleFor(chat: Pick<ChatRow, 'kind'>) {
  return chat.kind === 'channel' ? ('subscriber' as const) : ('member' as const);
}

async function scopedChats(ctx: AppContext): Promise<ChatRow[]> {
  const db: MessengerDb = ctx.db;
  return db.selectFrom('msg_chats').selectAll().where('scope', 'is not', null).where('archived_at', 'is', null).execute();
}

/** Applies one chat's additions and removals in a transaction, then tells everyone. */
async function apply(ctx: AppContext, chat: ChatRow, add: string[], remove: string[]): Promise<void> {
  if (add.length === 0 && remove.length === 0) return;
  const { added, removed } = await (ctx.db as MessengerDb).transaction().execute(async (tx) => {
    const fresh = await tx
      .selectFrom('msg_chats')
      .select(['last_seq', 'settings'])
      .where('id', '=', chat.id)
      .executeTakeFirstOrThrow();
    const added = await insertMembers(tx, chat.id, add, {
      role: roleFor(chat),
      visibleFromSeq: historyVisibleFrom(fresh, parseSettings(fresh.settings).historyVisible),
      lastSeq: fresh.last_seq,
      synced: true,
    });
    const removed = await deleteMembers(tx, chat.id, remove);
    return { added, removed };
  });
  await announceMembership(ctx, chat.id, added, removed);
}

/** Brings one scoped chat in line with its scope: adds active people missing, removes synced rows out of scope. */
export async function syncChat(ctx: AppContext, chat: ChatRow): Promise<void> {
  const scope = parseScope(chat.scope);
  if (!scope) return;
  const db: MessengerDb = ctx.db;
  const inScope = await membersInSubtrees(ctx.db, 'all' in scope ? null : scope.departmentIds);
  const wanted = new Set(inScope.map((m) => m.userId));
  const present = await db
    .selectFrom('msg_members')
    .select(['user_id', 'role', 'synced'])
    .where('chat_id', '=', chat.id)
    .execute();
  const presentIds = new Set(present.map((p) => p.user_id));
  const add = inScope.filter((m) => m.active && !presentIds.has(m.userId)).map((m) => m.userId);
  const remove = present
    .filter((p) => p.synced === 1 && (p.role === 'member' || p.role === 'subscriber') && !wanted.has(p.user_id))
    .map((p) => p.user_id);
  await apply(ctx, chat, add, remove);
}

/** Re-checks one person against every scoped chat (their departments or status changed). */
export async function syncPerson(ctx: AppContext, userId: string): Promise<void> {
  const chats = await scopedChats(ctx);
  if (chats.length === 0) return;
  const db: MessengerDb = ctx.db;
  const [paths, active, rows] = await Promise.all([
    departmentPathsOf(ctx.db, userId),
    activeMemberIds(ctx.db, [userId]),
    // One scoped chat per department at most: an org with many departments means a long list.
    Promise.all(
      chunks(chats.map((c) => c.id)).map((ids) =>
        db
          .selectFrom('msg_members')
          .select(['chat_id', 'role', 'synced'])
          .where('user_id', '=', userId)
          .where('chat_id', 'in', ids)
          .execute(),
      ),
    ).then((pages) => pages.flat()),
  ]);
  const scopes = new Map(chats.map((c) => [c.id, parseScope(c.scope)]));
  const scopeDepartments = [...scopes.values()].flatMap((s) => (s && 'departmentIds' in s ? s.departmentIds : []));
  const rootPaths = await departmentPaths(ctx.db, [...new Set(scopeDepartments)]);
  const membership = new Map(rows.map((r) => [r.chat_id, r]));
  for (const chat of chats) {
    const scope = scopes.get(chat.id);
    if (!scope) continue;
    const inScope =
      'all' in scope ||
      scope.departmentIds.some((d) => {
        const root = rootPaths.get(d);
        return root !== undefined && paths.some((p) => p.startsWith(root));
      });
    const row = membership.get(chat.id);
    if (inScope && !row && active.has(userId)) await apply(ctx, chat, [userId], []);
    else if (!inScope && row && row.synced === 1 && (row.role === 'member' || row.role === 'subscriber')) {
      await apply(ctx, chat, [], [userId]);
    }
  }
}

/** Ends a deactivated person's live chat subscriptions; their membership rows (and content) stay. */
async function revokeAll(ctx: AppContext, userId: string): Promise<void> {
  const db: MessengerDb = ctx.db;
  const rows = await db.selectFrom('msg_members').select('chat_id').where('user_id', '=', userId).execute();
  for (const r of rows) {
    try {
      await ctx.hub.revoke(`chat:${r.chat_id}`, userId as never);
    } catch (err) {
      ctx.log.error({ err, chatId: r.chat_id, userId }, 'realtime revoke failed');
    }
  }
}

/** The messenger's handlers for org events (ServerModule.events). */
export const orgEventHandlers: Record<string, (payload: unknown, ctx: AppContext) => Promise<void>> = {
  [orgEvents.memberDepartmentsChanged]: async (payload, ctx) => {
    await syncPerson(ctx, (payload as MemberDepartmentsChanged).userId);
  },
  [orgEvents.memberStatusChanged]: async (payload, ctx) => {
    const { userId, status } = payload as MemberStatusChanged;
    if (status === 'deactivated') await revokeAll(ctx, userId);
    else await syncPerson(ctx, userId);
  },
  [orgEvents.departmentMoved]: async (_payload: unknown, ctx) => {
    // A move changes which subtrees contain whom for any group above the old or new place;
    // scoped chats are few (one per department at most, plus channels), so re-check them all.
    void (_payload as DepartmentMoved);
    for (const chat of await scopedChats(ctx)) await syncChat(ctx, chat);
  },
};
