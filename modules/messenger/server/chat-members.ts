import type { AppContext } from '../../../platform/server/app-context.js';
import type { AnyDb } from '../../../platform/server/db/database.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { AppError } from '../../../platform/shared/errors.js';
import { messengerErrors } from '../shared/errors.js';
import type { ChatView } from '../shared/types.js';
import { type ChatRow, requireChatAdmin, requireMembership } from './access.js';
import { announceMembership } from './chat-events.js';
import { parseSettings, toChatView } from './chat-view.js';
import { requireActiveMembers } from './create-chat.js';
import { findChatFor } from './get-chat.js';
import { historyVisibleFrom, insertMembers } from './member-writes.js';
import { abandonNotice, membersAddedNotice, type PendingNotice, publishNotice, writeNotice } from './system-notice.js';
import type { MessengerDb } from './tables.js';

/** GET /api/chats/:chatId/members (members only), in user id order. */
export async function listChatMembersUseCase(
  anyDb: AnyDb,
  caller: Caller,
  chatId: string,
  query: { cursor?: string; limit: number },
) {
  await requireMembership(anyDb, caller, chatId);
  const db: MessengerDb = anyDb;
  let select = db.selectFrom('msg_members').selectAll().where('chat_id', '=', chatId);
  if (query.cursor) select = select.where('user_id', '>', query.cursor);
  const rows = await select
    .orderBy('user_id')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      userId: r.user_id as never,
      role: r.role,
      joinedAt: new Date(Number(r.joined_at)).toISOString(),
      readSeq: Math.max(Number(r.read_seq), Number(r.visible_from_seq)),
    })),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.user_id ?? null) : null,
  };
}

/** Department groups follow the org chart; nobody changes their members by hand. */
export function refuseManaged(chat: Pick<ChatRow, 'kind'>): void {
  if (chat.kind === 'department') throw new AppError(messengerErrors['chat.department_managed']);
}

/**
 * Adds people to a chat in a transaction that re-reads last_seq and writes the system line
 * ("Alice added Bob", "Eve joined") for whoever was actually added, then announces them.
 */
async function addPeople(ctx: AppContext, chat: ChatRow, actorId: string, userIds: string[]): Promise<string[]> {
  let notice: PendingNotice | undefined;
  const added = await (ctx.db as MessengerDb)
    .transaction()
    .execute(async (tx) => {
      // The settings as of now, not as of the request's start: history hidden a moment ago stays hidden.
      const fresh = await tx
        .selectFrom('msg_chats')
        .select(['last_seq', 'settings'])
        .where('id', '=', chat.id)
        .executeTakeFirstOrThrow();
      const inserted = await insertMembers(tx, chat.id, userIds, {
        role: chat.kind === 'channel' ? 'subscriber' : 'member',
        visibleFromSeq: historyVisibleFrom(fresh, parseSettings(fresh.settings).historyVisible),
        lastSeq: Number(fresh.last_seq),
      });
      if (inserted.length > 0) {
        const joined = inserted.length === 1 && inserted[0] === actorId;
        const content = joined ? { event: 'member.joined', params: { actorId } } : membersAddedNotice(actorId, inserted);
        notice = await writeNotice(tx, chat.id, actorId, content, [actorId, ...inserted]);
      }
      return inserted;
    })
    .catch((err) => {
      abandonNotice(notice);
      throw err;
    });
  await announceMembership(ctx, chat.id, added, []);
  if (notice) await publishNotice(ctx, notice);
  return added;
}

/**
 * POST /api/chats/:chatId/members. Who may add follows the group's whoMayAdd setting;
 * newcomers see the history before they joined only when historyVisible is on.
 */
export async function addChatMembersUseCase(ctx: AppContext, caller: Caller, chatId: string, userIds: string[]) {
  const { chat, member } = await requireMembership(ctx.db, caller, chatId);
  if (chat.kind === 'direct') throw new AppError(messengerErrors['chat.forbidden']);
  refuseManaged(chat);
  if (chat.kind === 'channel' || parseSettings(chat.settings).whoMayAdd === 'admins') requireChatAdmin(member);
  const ids = [...new Set(userIds)];
  await requireActiveMembers(ctx, ids);
  await addPeople(ctx, chat, caller.userId, ids);
  return { ok: true as const };
}

/** POST /api/chats/:chatId/join: anybody may join a public group; a private one stays invisible. */
export async function joinChatUseCase(ctx: AppContext, caller: Caller, chatId: string): Promise<ChatView> {
  const { chat, member } = await findChatFor(ctx.db, caller, chatId);
  if (!member) await addPeople(ctx, chat, caller.userId, [caller.userId]);
  const after = await requireMembership(ctx.db, caller, chatId);
  return toChatView(ctx.db, caller.userId, after.chat, after.member);
}
