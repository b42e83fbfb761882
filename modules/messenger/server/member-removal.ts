import type { AppContext } from '../../../platform/server/app-context.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { AppError } from '../../../platform/shared/errors.js';
import { messengerErrors } from '../shared/errors.js';
import { isChatAdmin, requireChatAdmin, requireMembership } from './access.js';
import { announceMembership } from './chat-events.js';
import { refuseManaged } from './chat-members.js';
import { deleteMembers } from './member-writes.js';
import type { MessengerDb } from './tables.js';

/**
 * DELETE /api/chats/:chatId/members/:userId. Yourself: leave (the owner hands the group over
 * first). Someone else: owner and admins only; admins cannot remove the owner or other admins.
 * The removed person's live subscription to the chat ends at once (hub.revoke, every node).
 */
export async function removeChatMemberUseCase(ctx: AppContext, caller: Caller, chatId: string, userId: string) {
  const { chat, member } = await requireMembership(ctx.db, caller, chatId);
  if (chat.kind === 'direct') throw new AppError(messengerErrors['chat.forbidden']);
  refuseManaged(chat);
  if (userId === caller.userId) {
    if (member.role === 'owner') throw new AppError(messengerErrors['chat.owner_cannot_leave']);
  } else {
    requireChatAdmin(member);
    const db: MessengerDb = ctx.db;
    const target = await db
      .selectFrom('msg_members')
      .select('role')
      .where('chat_id', '=', chatId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!target) throw new AppError(messengerErrors['chat.invalid_members']);
    if (target.role === 'owner' || (isChatAdmin(target) && member.role !== 'owner')) {
      throw new AppError(messengerErrors['chat.forbidden']);
    }
  }
  const removed = await deleteMembers(ctx.db, chatId, [userId]);
  await announceMembership(ctx, chatId, [], removed);
  return { ok: true as const };
}
