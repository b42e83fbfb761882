import type { AnyDb } from '../../../platform/server/db/database.js';
import { displayNames } from '../../org/server/index.js';
import { type ChatSettings, type ChatView, chatSettings, DEFAULT_CHAT_SETTINGS } from '../shared/types.js';
import type { ChatRow, MemberRow } from './access.js';
import type { MessengerDb } from './tables.js';
import { unreadMentionsByChat } from './unread-mentions.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** The stored settings, with defaults for keys added after the chat was created. */
export function parseSettings(json: string): ChatSettings {
  const parsed = chatSettings.partial().safeParse(JSON.parse(json));
  return { ...DEFAULT_CHAT_SETTINGS, ...(parsed.success ? parsed.data : {}) };
}

/** Messages a member has not read: those after both their read position and what they may see. */
export function unreadOf(chat: Pick<ChatRow, 'last_seq'>, member: Pick<MemberRow, 'read_seq' | 'visible_from_seq'>): number {
  return Math.max(0, chat.last_seq - Math.max(member.read_seq, member.visible_from_seq));
}

/**
 * Shapes chats for one viewer: member counts, the newest visible message as a preview, the
 * viewer's unread count, and for direct chats the other person as name and avatar. `member`
 * is null when the viewer only sees a public group from outside.
 */
export async function toChatViews(
  anyDb: AnyDb,
  viewerId: string,
  entries: Array<{ chat: ChatRow; member: MemberRow | null }>,
): Promise<ChatView[]> {
  const db: MessengerDb = anyDb;
  if (entries.length === 0) return [];
  const ids = entries.map((e) => e.chat.id);
  const directIds = entries.filter((e) => e.chat.kind === 'direct').map((e) => e.chat.id);
  const memberOf = entries.filter((e) => e.member).map((e) => e.chat.id);
  const [counts, lastMessages, peers, mentions] = await Promise.all([
    db
      .selectFrom('msg_members')
      .select(['chat_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('chat_id', 'in', ids)
      .groupBy('chat_id')
      .execute(),
    db
      .selectFrom('msg_messages')
      .innerJoin('msg_chats', (j) =>
        j.onRef('msg_chats.id', '=', 'msg_messages.chat_id').onRef('msg_chats.last_seq', '=', 'msg_messages.seq'),
      )
      .select([
        'msg_messages.id',
        'msg_messages.chat_id',
        'msg_messages.seq',
        'msg_messages.sender_id',
        'msg_messages.kind',
        'msg_messages.text',
        'msg_messages.created_at',
        'msg_messages.recalled_at',
      ])
      .where('msg_messages.chat_id', 'in', ids)
      .execute(),
    directIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('msg_members')
          .select(['chat_id', 'user_id'])
          .where('chat_id', 'in', directIds)
          .where('user_id', '!=', viewerId)
          .execute(),
    unreadMentionsByChat(db, viewerId, memberOf),
  ]);
  const countOf = new Map(counts.map((c) => [c.chat_id, Number(c.n)]));
  const lastOf = new Map(lastMessages.map((m) => [m.chat_id, m]));
  const peerOf = new Map(peers.map((p) => [p.chat_id, p.user_id]));
  const peerNames = await displayNames(db, [...new Set(peerOf.values())]);

  return entries.map(({ chat, member }) => {
    const peerId = peerOf.get(chat.id) ?? null;
    const last = lastOf.get(chat.id);
    const visible = member !== null && last !== undefined && last.seq > member.visible_from_seq;
    const announcement = chat.announcement
      ? (JSON.parse(chat.announcement) as { text: string; updatedBy: string; updatedAt: number })
      : null;
    const peer = peerId ? peerNames.get(peerId) : undefined;
    return {
      id: chat.id as ChatView['id'],
      kind: chat.kind,
      name: chat.kind === 'direct' ? (peer?.displayName ?? '') : chat.name,
      description: chat.description,
      avatarUrl:
        chat.kind === 'direct'
          ? (peer?.avatarUrl ?? null)
          : chat.avatar_file_id
            ? `/api/files/${chat.avatar_file_id}/content`
            : null,
      visibility: chat.visibility,
      ownerId: chat.owner_id as ChatView['ownerId'],
      departmentId: chat.department_id as ChatView['departmentId'],
      peerId: peerId as ChatView['peerId'],
      settings: parseSettings(chat.settings),
      announcement: announcement
        ? { text: announcement.text, updatedBy: announcement.updatedBy as never, updatedAt: iso(announcement.updatedAt) }
        : null,
      memberCount: countOf.get(chat.id) ?? 0,
      lastSeq: chat.last_seq,
      lastMessage:
        visible && last
          ? {
              id: last.id as never,
              seq: last.seq,
              senderId: last.sender_id as never,
              kind: last.kind,
              // A recalled message shows as recalled, never its former text.
              text: last.recalled_at ? '' : last.text,
              createdAt: iso(last.created_at),
              recalled: last.recalled_at !== null,
            }
          : null,
      lastMessageAt: chat.last_message_at ? iso(chat.last_message_at) : null,
      myRole: member?.role ?? null,
      readSeq: member ? Math.max(member.read_seq, member.visible_from_seq) : 0,
      unread: member ? unreadOf(chat, member) : 0,
      muted: member ? member.notify_level === 'nothing' : false,
      notifyLevel: member?.notify_level ?? 'all',
      unreadMentions: mentions.get(chat.id) ?? 0,
      createdAt: iso(chat.created_at),
    };
  });
}

/** One chat as the viewer sees it. */
export async function toChatView(anyDb: AnyDb, viewerId: string, chat: ChatRow, member: MemberRow | null): Promise<ChatView> {
  return (await toChatViews(anyDb, viewerId, [{ chat, member }]))[0];
}

/**
 * A chat view without anyone's personal state (role, read position, counts, notification level,
 * last message the reader may not see): what `chat.updated` broadcasts to every subscriber.
 * One place, so a personal field added to ChatView is left out of every broadcast at once.
 */
export function sharedChatView(view: ChatView) {
  const {
    myRole: _r,
    readSeq: _s,
    unread: _u,
    muted: _m,
    notifyLevel: _n,
    unreadMentions: _um,
    lastMessage: _l,
    ...shared
  } = view;
  return shared;
}
