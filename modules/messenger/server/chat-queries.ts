import { type ExpressionBuilder, sql } from 'kysely';
import { AppError, platformErrors } from '../../../platform/shared/errors.js';
import type { ChatRow, MemberRow } from './access.js';
import type { MessengerTables } from './tables.js';

/** A chat list is ordered by last activity: the newest message, or creation for a quiet chat. */
export const activity = sql<number>`coalesce(msg_chats.last_message_at, msg_chats.created_at)`;

type CursorKey = [number, string];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string): CursorKey {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // Instants are whole ms: a float or huge number would be a database error, not an empty page.
    if (Array.isArray(key) && Number.isSafeInteger(key[0]) && typeof key[1] === 'string' && key[1].length <= 40) {
      return key as CursorKey;
    }
  } catch {
    // fall through: a tampered cursor is bad input, not a server error
  }
  throw new AppError(platformErrors['request.validation_failed'], { details: [{ path: 'cursor', message: 'invalid cursor' }] });
}

/** Rows strictly after the cursor in (activity desc, id desc) order. */
export function afterCursor(cursor: string) {
  const [at, id] = decodeCursor(cursor);
  return (eb: ExpressionBuilder<MessengerTables, 'msg_chats'>) =>
    eb.or([eb(activity, '<', at), eb.and([eb(activity, '=', at), eb('msg_chats.id', '<', id)])]);
}

/** `lower(column) like %q%`, wildcards in q taken literally. */
export function nameContains(q: string) {
  const escaped = q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql<boolean>`lower(msg_chats.name) like ${`%${escaped}%`} escape '\\'`;
}

/** The member columns selected next to `msg_chats.*`, prefixed so they cannot collide. */
export const memberColumns = [
  'msg_members.user_id as m_user_id',
  'msg_members.role as m_role',
  'msg_members.joined_at as m_joined_at',
  'msg_members.visible_from_seq as m_visible_from_seq',
  'msg_members.read_seq as m_read_seq',
  'msg_members.muted as m_muted',
  'msg_members.notify_level as m_notify_level',
  'msg_members.synced as m_synced',
] as const;

type Joined = ChatRow & {
  m_user_id: string | null;
  m_role: MemberRow['role'] | null;
  m_joined_at: number | null;
  m_visible_from_seq: number | null;
  m_read_seq: number | null;
  m_muted: number | null;
  m_notify_level: MemberRow['notify_level'] | null;
  m_synced: number | null;
};

/** Splits a `msg_chats.*` + memberColumns row into the chat and the membership (null if none). */
export function splitRow(row: Joined): { chat: ChatRow; member: MemberRow | null } {
  const { m_user_id, m_role, m_joined_at, m_visible_from_seq, m_read_seq, m_muted, m_notify_level, m_synced, ...chat } = row;
  const member: MemberRow | null =
    m_user_id && m_role
      ? {
          chat_id: chat.id,
          user_id: m_user_id,
          role: m_role,
          joined_at: Number(m_joined_at),
          visible_from_seq: Number(m_visible_from_seq),
          read_seq: Number(m_read_seq),
          muted: Number(m_muted),
          notify_level: m_notify_level ?? 'all',
          synced: Number(m_synced),
        }
      : null;
  return { chat: { ...chat, last_seq: Number(chat.last_seq) } as ChatRow, member };
}
