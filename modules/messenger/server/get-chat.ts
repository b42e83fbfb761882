import type { AnyDb } from '../../../platform/server/db/database.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { AppError } from '../../../platform/shared/errors.js';
import { messengerErrors } from '../shared/errors.js';
import type { ChatView } from '../shared/types.js';
import type { ChatRow, MemberRow } from './access.js';
import { toChatView } from './chat-view.js';
import type { MessengerDb } from './tables.js';

/**
 * The chat and the caller's membership; a public group is also returned to outsiders (member
 * null) so they can look before joining. Anything else answers `chat.not_found`.
 */
export async function findChatFor(anyDb: AnyDb, caller: Pick<Caller, 'userId'>, chatId: string) {
  const db: MessengerDb = anyDb;
  const chat = await db
    .selectFrom('msg_chats')
    .selectAll()
    .where('id', '=', chatId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!chat) throw new AppError(messengerErrors['chat.not_found']);
  const member = await db
    .selectFrom('msg_members')
    .selectAll()
    .where('chat_id', '=', chatId)
    .where('user_id', '=', caller.userId)
    .executeTakeFirst();
  if (!member && !(chat.kind === 'group' && chat.visibility === 'public')) throw new AppError(messengerErrors['chat.not_found']);
  return { chat: chat as ChatRow, member: (member ?? null) as MemberRow | null };
}

/** GET /api/chats/:chatId. */
export async function getChatUseCase(db: AnyDb, caller: Caller, chatId: string): Promise<ChatView> {
  const { chat, member } = await findChatFor(db, caller, chatId);
  return toChatView(db, caller.userId, chat, member);
}
