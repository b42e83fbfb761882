import type { Selectable } from 'kysely';
import type { AnyDb } from '../../../platform/server/db/database.js';
import type { z } from 'zod';
import type { MessageView, messagePreview } from '../shared/types.js';
import { forwardSourceNames } from './forward-source.js';
import type { MsgDb } from './message-tables.js';
import type { MessengerTables } from './tables.js';

export type MessageRow = Selectable<MessengerTables['msg_messages']>;
export type MessagePreview = z.infer<typeof messagePreview>;
type ReactionRow = Selectable<MessengerTables['msg_reactions']>;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The short form used for reply quotes and inbox items; a recalled message keeps no text. */
export function toPreview(row: MessageRow): MessagePreview {
  const recalled = row.recalled_at !== null;
  return {
    id: row.id as MessagePreview['id'],
    seq: row.seq,
    senderId: row.sender_id as MessagePreview['senderId'],
    kind: row.kind,
    text: recalled ? '' : row.text,
    createdAt: new Date(row.created_at).toISOString(),
    recalled,
  };
}

export interface ViewOptions {
  /** Whose `mine` flags to compute; null for events published to every member. */
  viewerId: string | null;
  /** Reply quotes of messages at or below this seq are hidden (history the viewer may not see). */
  visibleFromSeq?: number;
  /** Per chat, for pages that span chats (mentions, threads): overrides visibleFromSeq. */
  visibleFromSeqByChat?: Map<string, number>;
}

/** What a message view needs besides its row; loaded once for a whole page. */
export interface ViewExtras {
  reactions: ReactionRow[];
  pinnedIds: Set<string>;
  replies: Map<string, MessageRow>;
  /** Names of forward sources the viewer may see (forward-source.ts); absent in broadcasts. */
  forwardNames?: Map<string, string>;
}

/** Builds a message view from its row and the page's extras (reactions, pins, reply quotes). */
export function buildView(row: MessageRow, extras: ViewExtras, options: ViewOptions): MessageView {
  const recalled = row.recalled_at !== null;
  const byEmoji = new Map<string, string[]>();
  for (const r of extras.reactions) {
    if (r.message_id !== row.id) continue;
    const list = byEmoji.get(r.emoji) ?? [];
    list.push(r.user_id);
    byEmoji.set(r.emoji, list);
  }
  const reply = row.reply_to_id ? extras.replies.get(row.reply_to_id) : undefined;
  const floor = options.visibleFromSeqByChat?.get(row.chat_id) ?? options.visibleFromSeq ?? 0;
  const replyVisible = reply && reply.seq > floor;
  return {
    id: row.id as MessageView['id'],
    chatId: row.chat_id as MessageView['chatId'],
    seq: row.seq,
    senderId: row.sender_id as MessageView['senderId'],
    clientId: row.client_id,
    kind: row.kind,
    content: recalled ? null : JSON.parse(row.content),
    text: recalled ? '' : row.text,
    mentions: recalled ? [] : (JSON.parse(row.mentions) as string[]),
    replyTo: replyVisible ? toPreview(reply) : null,
    threadRootId: row.thread_root_id as MessageView['threadRootId'],
    threadReplyCount: row.thread_reply_count,
    threadLastReplyAt: iso(row.thread_last_reply_at),
    forwardedFrom: row.forwarded_from ? forwardView(row.forwarded_from, extras.forwardNames) : null,
    reactions: [...byEmoji].map(([emoji, userIds]) => ({
      emoji,
      count: userIds.length,
      userIds: userIds as MessageView['reactions'][number]['userIds'],
      mine: options.viewerId !== null && userIds.includes(options.viewerId),
    })),
    pinned: extras.pinnedIds.has(row.id),
    createdAt: new Date(row.created_at).toISOString(),
    editedAt: iso(row.edited_at),
    recalled,
  };
}

function forwardView(json: string, names: Map<string, string> | undefined): MessageView['forwardedFrom'] {
  const { chatId, messageId, senderId } = JSON.parse(json) as NonNullable<MessageView['forwardedFrom']>;
  const chatName = names?.get(chatId);
  return chatName === undefined ? { chatId, messageId, senderId } : { chatId, messageId, senderId, chatName };
}

/** Views of a page of messages with three batched queries (reactions, pins, reply quotes). */
export async function toMessageViews(anyDb: AnyDb, rows: MessageRow[], options: ViewOptions): Promise<MessageView[]> {
  if (rows.length === 0) return [];
  const db: MsgDb = anyDb;
  const ids = rows.map((r) => r.id);
  const replyIds = [...new Set(rows.map((r) => r.reply_to_id).filter((x): x is string => x !== null))];
  const [reactions, pins, replies, forwardNames] = await Promise.all([
    db.selectFrom('msg_reactions').selectAll().where('message_id', 'in', ids).orderBy('created_at').execute(),
    db.selectFrom('msg_pins').select('message_id').where('message_id', 'in', ids).execute(),
    replyIds.length ? db.selectFrom('msg_messages').selectAll().where('id', 'in', replyIds).execute() : [],
    options.viewerId ? forwardSourceNames(anyDb, options.viewerId, rows) : undefined,
  ]);
  const extras: ViewExtras = {
    reactions,
    pinnedIds: new Set(pins.map((p) => p.message_id)),
    replies: new Map(replies.map((r) => [r.id, r])),
    forwardNames,
  };
  return rows.map((row) => buildView(row, extras, options));
}

/** One message's view. */
export async function toMessageView(anyDb: AnyDb, row: MessageRow, options: ViewOptions): Promise<MessageView> {
  return (await toMessageViews(anyDb, [row], options))[0];
}
