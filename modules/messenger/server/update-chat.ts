import type { AppContext } from '../../../platform/server/app-context.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { AppError } from '../../../platform/shared/errors.js';
import { setFileScope } from '../../files/server/index.js';
import { messengerErrors } from '../shared/errors.js';
import type { ChatSettings, ChatView } from '../shared/types.js';
import { requireChatAdmin, requireMembership } from './access.js';
import { publishQuietly } from './chat-events.js';
import { parseSettings, sharedChatView, toChatView } from './chat-view.js';
import type { MessengerDb, MessengerTables } from './tables.js';

export interface ChatChange {
  name?: string;
  description?: string;
  visibility?: 'private' | 'public';
  avatarFileId?: string | null;
  settings?: Partial<ChatSettings>;
}

/** Tells the chat's subscribers what changed, without anyone's personal state. */
async function publishUpdated(ctx: AppContext, view: ChatView): Promise<void> {
  await publishQuietly(ctx, `chat:${view.id}`, { type: 'chat.updated', chat: sharedChatView(view) });
}

async function viewAfterWrite(ctx: AppContext, caller: Caller, chatId: string): Promise<ChatView> {
  const { chat, member } = await requireMembership(ctx.db, caller, chatId);
  const view = await toChatView(ctx.db, caller.userId, chat, member);
  await publishUpdated(ctx, view);
  return view;
}

/**
 * PATCH /api/chats/:chatId (owner and admins). Direct chats have neither and so cannot be
 * changed; only groups can be made public. A new avatar must be the caller's own upload; it is
 * shared into the chat's file scope so members (and, for public groups, visitors) can load it.
 */
export async function updateChatUseCase(ctx: AppContext, caller: Caller, chatId: string, change: ChatChange): Promise<ChatView> {
  const { chat, member } = await requireMembership(ctx.db, caller, chatId);
  requireChatAdmin(member);
  if (change.visibility && change.visibility !== chat.visibility && chat.kind !== 'group') {
    throw new AppError(messengerErrors['chat.forbidden']);
  }
  await (ctx.db as MessengerDb).transaction().execute(async (tx) => {
    const set: Partial<MessengerTables['msg_chats']> = { updated_at: Date.now() };
    if (change.name !== undefined) set.name = change.name;
    if (change.description !== undefined) set.description = change.description;
    if (change.visibility !== undefined) set.visibility = change.visibility;
    if (change.settings) set.settings = JSON.stringify({ ...parseSettings(chat.settings), ...change.settings });
    if (change.avatarFileId !== undefined) {
      if (change.avatarFileId)
        await setFileScope(tx, { fileId: change.avatarFileId, ownerId: caller.userId, scope: `chat:${chatId}` });
      set.avatar_file_id = change.avatarFileId;
    }
    await tx.updateTable('msg_chats').set(set).where('id', '=', chatId).execute();
  });
  return viewAfterWrite(ctx, caller, chatId);
}

/** PUT /api/chats/:chatId/announcement (owner and admins): the pinned announcement; empty text clears it. */
export async function setAnnouncementUseCase(ctx: AppContext, caller: Caller, chatId: string, text: string): Promise<ChatView> {
  const { member } = await requireMembership(ctx.db, caller, chatId);
  requireChatAdmin(member);
  const now = Date.now();
  const announcement = text.trim() ? JSON.stringify({ text, updatedBy: caller.userId, updatedAt: now }) : null;
  await (ctx.db as MessengerDb)
    .updateTable('msg_chats')
    .set({ announcement, updated_at: now })
    .where('id', '=', chatId)
    .execute();
  return viewAfterWrite(ctx, caller, chatId);
}
