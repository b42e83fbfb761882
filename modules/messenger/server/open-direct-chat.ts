import type { AppContext } from '../../../platform/server/app-context.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { AppError } from '../../../platform/shared/errors.js';
import { newId } from '../../../platform/shared/ids.js';
import { messengerErrors } from '../shared/errors.js';
import { type ChatView, DEFAULT_CHAT_SETTINGS } from '../shared/types.js';
import { requireMembership } from './access.js';
import { announceMembership } from './chat-events.js';
import { toChatView } from './chat-view.js';
import { requireActiveMembers } from './create-chat.js';
import { insertMembers } from './member-writes.js';
import type { MessengerDb } from './tables.js';

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * POST /api/chats/direct. A pair of people has exactly one direct chat (`direct_key`, unique):
 * the first call creates it, every later one (from either side) returns it. Two first calls at
 * once both land on the same chat because the loser of the unique index re-reads.
 */
export async function openDirectChatUseCase(ctx: AppContext, caller: Caller, peerId: string): Promise<ChatView> {
  if (peerId === caller.userId) throw new AppError(messengerErrors['chat.direct_self']);
  const db: MessengerDb = ctx.db;
  const key = [caller.userId, peerId].sort().join(':');
  const existing = await db.selectFrom('msg_chats').select('id').where('direct_key', '=', key).executeTakeFirst();
  let chatId = existing?.id;
  if (!chatId) {
    await requireActiveMembers(ctx, [peerId]);
    const id = newId('chat');
    const now = Date.now();
    try {
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('msg_chats')
          .values({
            id,
            kind: 'direct',
            name: '',
            description: '',
            avatar_file_id: null,
            visibility: 'private',
            owner_id: null,
            department_id: null,
            direct_key: key,
            settings: JSON.stringify(DEFAULT_CHAT_SETTINGS),
            scope: null,
            announcement: null,
            last_seq: 0,
            history_floor: 0,
            last_message_at: null,
            created_by: caller.userId,
            created_at: now,
            updated_at: now,
            archived_at: null,
          })
          .execute();
        await insertMembers(tx, id, [caller.userId, peerId], { role: 'member', visibleFromSeq: 0, lastSeq: 0, now });
      });
      chatId = id;
      await announceMembership(ctx, id, [caller.userId, peerId], []);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const row = await db.selectFrom('msg_chats').select('id').where('direct_key', '=', key).executeTakeFirstOrThrow();
      chatId = row.id;
    }
  }
  const { chat, member } = await requireMembership(ctx.db, caller, chatId);
  return toChatView(ctx.db, caller.userId, chat, member);
}
