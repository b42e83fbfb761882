import { z } from 'zod';
import { idSchema } from '../../../platform/shared/ids.js';

export const chatId = idSchema('chat');
export const messageId = idSchema('msg');
export const userId = idSchema('usr');
export const departmentId = idSchema('dep');

export const chatKind = z.enum(['direct', 'group', 'department', 'channel']);
export const memberRole = z.enum(['owner', 'admin', 'member', 'subscriber']);

/** Per-chat rules a group's owner and admins set. */
export const chatSettings = z.strictObject({
  /** Who may add members: everybody in the chat, or only its owner and admins. */
  whoMayAdd: z.enum(['everyone', 'admins']),
  /** Whether people who join see the messages sent before they joined. */
  historyVisible: z.boolean(),
  /** Who may @all. */
  atAll: z.enum(['everyone', 'admins']),
});
export type ChatSettings = z.infer<typeof chatSettings>;
export const DEFAULT_CHAT_SETTINGS: ChatSettings = { whoMayAdd: 'everyone', historyVisible: true, atAll: 'everyone' };

export const MAX_CHAT_ADMINS = 10;
export const MAX_RECEIPT_MEMBERS = 200;

export const announcementView = z.object({ text: z.string(), updatedBy: userId, updatedAt: z.iso.datetime() });

/** A short form of a message for chat lists and reply quotes. */
export const messagePreview = z.object({
  id: messageId,
  seq: z.number().int(),
  senderId: userId,
  kind: z.string(),
  text: z.string(),
  createdAt: z.iso.datetime(),
  recalled: z.boolean(),
});

/** How much of a chat reaches me: everything, only @me/@all, or nothing (muted). */
export const notifyLevel = z.enum(['all', 'mentions', 'nothing']);
export type NotifyLevel = z.infer<typeof notifyLevel>;

export const chatView = z.object({
  id: chatId,
  kind: chatKind,
  /** For direct chats: the other person's display name (the client may localize it). */
  name: z.string(),
  description: z.string(),
  avatarUrl: z.string().nullable(),
  visibility: z.enum(['private', 'public']),
  ownerId: userId.nullable(),
  departmentId: departmentId.nullable(),
  /** Direct chats: the other person. */
  peerId: userId.nullable(),
  settings: chatSettings,
  announcement: announcementView.nullable(),
  memberCount: z.number().int(),
  lastSeq: z.number().int(),
  lastMessage: messagePreview.nullable(),
  lastMessageAt: z.iso.datetime().nullable(),
  /** The caller's relation to the chat; null when they only see a public group from outside. */
  myRole: memberRole.nullable(),
  readSeq: z.number().int(),
  unread: z.number().int(),
  /** Mine: true exactly when notifyLevel is `nothing` (older clients read this). */
  muted: z.boolean(),
  notifyLevel,
  /** Unread messages that mention me or @all (the row's "@you" marker). */
  unreadMentions: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type ChatView = z.infer<typeof chatView>;

export const reactionView = z.object({ emoji: z.string(), count: z.number().int(), userIds: z.array(userId), mine: z.boolean() });

export const messageView = z.object({
  id: messageId,
  chatId,
  seq: z.number().int(),
  senderId: userId,
  clientId: z.string(),
  kind: z.string(),
  /** Shape depends on `kind` (see message-types.ts); null once recalled. */
  content: z.unknown().nullable(),
  text: z.string(),
  mentions: z.array(z.string()),
  replyTo: messagePreview.nullable(),
  threadRootId: messageId.nullable(),
  threadReplyCount: z.number().int(),
  threadLastReplyAt: z.iso.datetime().nullable(),
  /** `chatName` only when the reader may see the source chat (a member, or a public group); never in broadcasts. */
  forwardedFrom: z.object({ chatId, messageId, senderId: userId, chatName: z.string().optional() }).nullable(),
  reactions: z.array(reactionView),
  pinned: z.boolean(),
  createdAt: z.iso.datetime(),
  editedAt: z.iso.datetime().nullable(),
  recalled: z.boolean(),
});
export type MessageView = z.infer<typeof messageView>;

export const chatMemberView = z.object({
  userId,
  role: memberRole,
  joinedAt: z.iso.datetime(),
  readSeq: z.number().int(),
});

export const inboxItemView = z.object({
  id: z.string(),
  kind: z.enum(['direct', 'mention', 'reply']),
  chatId,
  message: messagePreview,
  createdAt: z.iso.datetime(),
  read: z.boolean(),
});

/**
 * Events on the `chat:<id>` realtime topic. Each carries what a client needs to update its
 * view without a refetch; after a gap (see the hub's sequence numbers) it refetches over HTTP.
 */
export type ChatEvent =
  | { type: 'message.created'; message: MessageView }
  | { type: 'message.updated'; message: MessageView }
  /**
   * Instead of message.created/updated when some member may not read the message (hidden
   * history): no content at all. A client holding the message refetches it over HTTP
   * (getMessage), which applies the reader's own visibility.
   */
  | { type: 'message.changed'; chatId: string; messageId: string; seq: number }
  /** Without personal state, and without lastMessage: some members may have that history hidden. */
  | {
      type: 'chat.updated';
      chat: Omit<ChatView, 'myRole' | 'readSeq' | 'unread' | 'muted' | 'notifyLevel' | 'unreadMentions' | 'lastMessage'>;
    }
  | { type: 'members.changed'; chatId: string; added: string[]; removed: string[] }
  | { type: 'read'; chatId: string; userId: string; readSeq: number };

/** Events on the `user:<id>` topic that belong to the messenger. */
export type UserMessengerEvent =
  | { type: 'messenger.chat_added'; chatId: string }
  | { type: 'messenger.chat_removed'; chatId: string }
  | { type: 'messenger.unread'; chatId: string; unread: number; total: number }
  | { type: 'messenger.inbox'; item: z.infer<typeof inboxItemView> };
