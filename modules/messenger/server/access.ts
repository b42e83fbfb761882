import type { Selectable } from 'kysely';
import { AppError } from '../../../platform/shared/errors.js';
import type { AnyDb } from '../../../platform/server/db/database.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { messengerErrors } from '../shared/errors.js';
import type { MessengerDb, MessengerTables } from './tables.js';

export type ChatRow = Selectable<MessengerTables['msg_chats']>;
export type MemberRow = Selectable<MessengerTables['msg_members']>;

/**
 * The chat and the caller's membership, or `chat.not_found` — for a chat that does not exist
 * and for one the caller is not in alike, so ids cannot be probed.
 */
export async function requireMembership(anyDb: AnyDb, caller: Pick<Caller, 'userId'>, chatId: string) {
  const db: MessengerDb = anyDb;
  const row = await db
    .selectFrom('msg_members')
    .innerJoin('msg_chats', 'msg_chats.id', 'msg_members.chat_id')
    .selectAll('msg_chats')
    .select([
      'msg_members.role as member_role',
      'msg_members.joined_at as member_joined_at',
      'msg_members.visible_from_seq as member_visible_from_seq',
      'msg_members.read_seq as member_read_seq',
      'msg_members.muted as member_muted',
      'msg_members.notify_level as member_notify_level',
      'msg_members.synced as member_synced',
    ])
    .where('msg_members.chat_id', '=', chatId)
    .where('msg_members.user_id', '=', caller.userId)
    .where('msg_chats.archived_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AppError(messengerErrors['chat.not_found']);
  const {
    member_role,
    member_joined_at,
    member_visible_from_seq,
    member_read_seq,
    member_muted,
    member_notify_level,
    member_synced,
    ...chat
  } = row;
  const member: MemberRow = {
    chat_id: chatId,
    user_id: caller.userId,
    role: member_role,
    joined_at: member_joined_at,
    visible_from_seq: member_visible_from_seq,
    read_seq: member_read_seq,
    muted: member_muted,
    notify_level: member_notify_level,
    synced: member_synced,
  };
  return { chat: chat as ChatRow, member };
}

export function isChatAdmin(member: Pick<MemberRow, 'role'>): boolean {
  return member.role === 'owner' || member.role === 'admin';
}

/** Throws `chat.forbidden` unless the member owns or administers the chat. */
export function requireChatAdmin(member: Pick<MemberRow, 'role'>): void {
  if (!isChatAdmin(member)) throw new AppError(messengerErrors['chat.forbidden']);
}

/** In announcement channels only the owner and admins post; subscribers react and reply in threads. */
export function mayPost(chat: Pick<ChatRow, 'kind'>, member: Pick<MemberRow, 'role'>, inThread: boolean): boolean {
  if (chat.kind !== 'channel') return true;
  return isChatAdmin(member) || inThread;
}
