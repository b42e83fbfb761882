import type { AppContext } from '../../../platform/server/app-context.js';
import type { Caller } from '../../../platform/server/permissions.js';
import type { NotifyLevel } from '../shared/types.js';
import { requireMembership } from './access.js';
import { publishQuietly } from './chat-events.js';
import { unreadOf } from './chat-view.js';
import type { MessengerDb } from './tables.js';
import { totalUnread } from './unread.js';

/**
 * PUT /api/chats/:chatId/notify-level. Only `all` chats count in the badge total; the others
 * keep their own row's count. `muted` is written with it so the old flag never disagrees.
 */
export async function setNotifyLevelUseCase(ctx: AppContext, caller: Caller, chatId: string, level: NotifyLevel) {
  const { chat, member } = await requireMembership(ctx.db, caller, chatId);
  const db: MessengerDb = ctx.db;
  await db
    .updateTable('msg_members')
    .set({ notify_level: level, muted: level === 'nothing' ? 1 : 0 })
    .where('chat_id', '=', chatId)
    .where('user_id', '=', caller.userId)
    .execute();
  const total = await totalUnread(ctx.db, caller.userId);
  await publishQuietly(ctx, `user:${caller.userId}`, { type: 'messenger.unread', chatId, unread: unreadOf(chat, member), total });
  return { ok: true as const };
}

/** PUT /api/chats/:chatId/mute, for older clients: muted is level `nothing`, unmuted is `all`. */
export function setMutedUseCase(ctx: AppContext, caller: Caller, chatId: string, muted: boolean) {
  return setNotifyLevelUseCase(ctx, caller, chatId, muted ? 'nothing' : 'all');
}
