import type { AppContext } from '../../../platform/server/app-context.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { AppError } from '../../../platform/shared/errors.js';
import { messengerErrors } from '../shared/errors.js';
import { isChatAdmin, requireMembership } from './access.js';
import { announceMembership } from './chat-events.js';
import { refuseManaged } from './chat-members.js';
import { deleteMembers, roleOf } from './member-writes.js';
import { abandonNotice, type NoticeContent, type PendingNotice, publishNotice, writeNotice } from './system-notice.js';
import type { MessengerDb } from './tables.js';

/**
 * DELETE /api/chats/:chatId/members/:userId. Yourself: leave (the owner hands the group over
 * first). Someone else: owner and admins only; admins cannot remove the owner or other admins.
 * The removed person's live subscription to the chat ends at once (hub.revoke, every node).
 *
 * The roles are read again inside a transaction that first locks the chat row, which role
 * changes and ownership transfers lock too: a transfer to the leaver, or a promotion of the
 * person being removed, is either seen or waits, never slips between check and delete.
 */
export async function removeChatMemberUseCase(ctx: AppContext, caller: Caller, chatId: string, userId: string) {
  const { chat } = await requireMembership(ctx.db, caller, chatId);
  if (chat.kind === 'direct') throw new AppError(messengerErrors['chat.forbidden']);
  refuseManaged(chat);
  let notice: PendingNotice | undefined;
  const removed = await (ctx.db as MessengerDb)
    .transaction()
    .execute(async (tx) => {
      await tx.updateTable('msg_chats').set({ updated_at: Date.now() }).where('id', '=', chatId).execute();
      const mine = await roleOf(tx, chatId, caller.userId);
      if (!mine) throw new AppError(messengerErrors['chat.not_found']);
      if (userId === caller.userId) {
        if (mine === 'owner') throw new AppError(messengerErrors['chat.owner_cannot_leave']);
      } else {
        if (!isChatAdmin({ role: mine })) throw new AppError(messengerErrors['chat.forbidden']);
        const target = await roleOf(tx, chatId, userId);
        if (!target) throw new AppError(messengerErrors['chat.invalid_members']);
        if (target === 'owner' || (isChatAdmin({ role: target }) && mine !== 'owner')) {
          throw new AppError(messengerErrors['chat.forbidden']);
        }
      }
      const gone = await deleteMembers(tx, chatId, [userId]);
      if (gone.length > 0) {
        const content: NoticeContent =
          userId === caller.userId
            ? { event: 'member.left', params: { actorId: userId } }
            : { event: 'member.removed', params: { actorId: caller.userId, targetId: userId } };
        notice = await writeNotice(tx, chatId, caller.userId, content);
      }
      return gone;
    })
    .catch((err) => {
      abandonNotice(notice);
      throw err;
    });
  await announceMembership(ctx, chatId, [], removed);
  if (notice) await publishNotice(ctx, notice);
  return { ok: true as const };
}
