import type { AppContext } from '../../../platform/server/app-context.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { AppError } from '../../../platform/shared/errors.js';
import { messengerErrors } from '../shared/errors.js';
import { type ChatView, MAX_CHAT_ADMINS } from '../shared/types.js';
import { type ChatRow, requireMembership } from './access.js';
import { publishQuietly } from './chat-events.js';
import { sharedChatView, toChatView } from './chat-view.js';
import { roleOf } from './member-writes.js';
import type { MessengerDb } from './tables.js';

async function requireOwner(ctx: AppContext, caller: Caller, chatId: string) {
  const found = await requireMembership(ctx.db, caller, chatId);
  if (found.member.role !== 'owner') throw new AppError(messengerErrors['chat.forbidden']);
  return found;
}

async function targetRole(db: MessengerDb, chatId: string, userId: string) {
  const role = await roleOf(db, chatId, userId);
  if (!role) throw new AppError(messengerErrors['chat.invalid_members']);
  return role;
}

async function adminCount(db: MessengerDb, chatId: string): Promise<number> {
  const row = await db
    .selectFrom('msg_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('chat_id', '=', chatId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Serializes role changes of one chat: the update takes the chat row's lock on PostgreSQL (SQLite
 * has one writer anyway), so two promotions cannot both count nine admins. Re-checks inside the
 * lock that the caller still owns the chat (a transfer may have just happened).
 */
async function lockAsOwner(tx: MessengerDb, chatId: string, callerId: string): Promise<void> {
  await tx.updateTable('msg_chats').set({ updated_at: Date.now() }).where('id', '=', chatId).execute();
  if ((await targetRole(tx, chatId, callerId)) !== 'owner') throw new AppError(messengerErrors['chat.forbidden']);
}

/** A plain member of a channel is a subscriber; of any other chat, a member. */
function plainRole(chat: Pick<ChatRow, 'kind'>) {
  return chat.kind === 'channel' ? ('subscriber' as const) : ('member' as const);
}

/** PUT /api/chats/:chatId/members/:userId/role (owner): make an admin (at most 10) or a plain member again. */
export async function setMemberRoleUseCase(
  ctx: AppContext,
  caller: Caller,
  chatId: string,
  userId: string,
  role: 'admin' | 'member',
) {
  const { chat } = await requireOwner(ctx, caller, chatId);
  await (ctx.db as MessengerDb).transaction().execute(async (tx) => {
    await lockAsOwner(tx, chatId, caller.userId);
    const current = await targetRole(tx, chatId, userId);
    if (current === 'owner') throw new AppError(messengerErrors['chat.forbidden']);
    if (role === 'admin' && current !== 'admin' && (await adminCount(tx, chatId)) >= MAX_CHAT_ADMINS) {
      throw new AppError(messengerErrors['chat.too_many_admins'], { params: { max: MAX_CHAT_ADMINS } });
    }
    await tx
      .updateTable('msg_members')
      .set({ role: role === 'admin' ? 'admin' : plainRole(chat) })
      .where('chat_id', '=', chatId)
      .where('user_id', '=', userId)
      .execute();
  });
  await publishQuietly(ctx, `chat:${chatId}`, { type: 'members.changed', chatId, added: [], removed: [] });
  return { ok: true as const };
}

/**
 * POST /api/chats/:chatId/transfer (owner): another member becomes the owner; the former
 * owner stays as an admin (or a plain member when the group already has 10 admins).
 */
export async function transferOwnershipUseCase(
  ctx: AppContext,
  caller: Caller,
  chatId: string,
  userId: string,
): Promise<ChatView> {
  const { chat } = await requireOwner(ctx, caller, chatId);
  if (userId === caller.userId) throw new AppError(messengerErrors['chat.forbidden']);
  await (ctx.db as MessengerDb).transaction().execute(async (tx) => {
    // The chat row first, as every membership and role change does: a leave or a removal of
    // the new owner runs entirely before or after this transfer (see member-removal.ts).
    await tx.updateTable('msg_chats').set({ updated_at: Date.now() }).where('id', '=', chatId).execute();
    const current = await targetRole(tx, chatId, userId);
    const admins = (await adminCount(tx, chatId)) - (current === 'admin' ? 1 : 0);
    // Step down first, guarded on still being the owner: of two transfers at once, the second
    // waits for the first's row lock (Postgres) and then finds no owner row to update.
    const stepped = await tx
      .updateTable('msg_members')
      .set({ role: admins < MAX_CHAT_ADMINS ? 'admin' : plainRole(chat) })
      .where('chat_id', '=', chatId)
      .where('user_id', '=', caller.userId)
      .where('role', '=', 'owner')
      .executeTakeFirst();
    if (Number(stepped.numUpdatedRows) === 0) throw new AppError(messengerErrors['chat.forbidden']);
    await tx
      .updateTable('msg_members')
      .set({ role: 'owner' })
      .where('chat_id', '=', chatId)
      .where('user_id', '=', userId)
      .execute();
    await tx.updateTable('msg_chats').set({ owner_id: userId, updated_at: Date.now() }).where('id', '=', chatId).execute();
  });
  const after = await requireMembership(ctx.db, caller, chatId);
  const view = await toChatView(ctx.db, caller.userId, after.chat, after.member);
  await publishQuietly(ctx, `chat:${chatId}`, { type: 'chat.updated', chat: sharedChatView(view) });
  await publishQuietly(ctx, `chat:${chatId}`, { type: 'members.changed', chatId, added: [], removed: [] });
  return view;
}
