import { AppError } from '../../../platform/shared/errors.js';
import type { AppContext } from '../../../platform/server/app-context.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { mayPost, requireMembership } from './access.js';
import type { MessengerDb } from './tables.js';

async function isMember(ctx: AppContext, userId: string, chatId: string): Promise<boolean> {
  const db: MessengerDb = ctx.db;
  const row = await db
    .selectFrom('msg_members')
    .innerJoin('msg_chats', 'msg_chats.id', 'msg_members.chat_id')
    .select('msg_members.user_id')
    .where('msg_members.chat_id', '=', chatId)
    .where('msg_members.user_id', '=', userId)
    .where('msg_chats.archived_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** `chat:<id>` realtime topic: members of a live chat only (removal revokes it, see chat-events.ts). */
export async function authorizeChatTopic(caller: Caller, chatId: string, ctx: AppContext): Promise<boolean> {
  return isMember(ctx, caller.userId, chatId);
}

/**
 * Files shared into `chat:<id>` (the group avatar): members, and anyone for a public group,
 * which outsiders may look at before joining.
 */
export async function chatFileScope(caller: Caller, chatId: string, ctx: AppContext): Promise<boolean> {
  if (await isMember(ctx, caller.userId, chatId)) return true;
  const db: MessengerDb = ctx.db;
  const chat = await db
    .selectFrom('msg_chats')
    .select('id')
    .where('id', '=', chatId)
    .where('kind', '=', 'group')
    .where('visibility', '=', 'public')
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return chat !== undefined;
}

/**
 * Typing signals in `chat:<id>`: members who may post there (not subscribers of an
 * announcement channel, who only react and reply in threads).
 */
export async function authorizeChatSignal(caller: Caller, chatId: string, ctx: AppContext): Promise<boolean> {
  try {
    const { chat, member } = await requireMembership(ctx.db, caller, chatId);
    return mayPost(chat, member, false);
  } catch (err) {
    if (err instanceof AppError) return false;
    throw err;
  }
}
