import { z } from 'zod';
import { contract } from '../../../platform/shared/contract.js';
import { MAX_TEXT } from './message-types.js';
import {
  chatId,
  chatMemberView,
  chatSettings,
  chatView,
  notifyLevel,
  departmentId,
  inboxItemView,
  messageId,
  messageView,
  userId,
} from './types.js';

/*
 * The messenger's endpoints. Every rule beyond `auth` (membership, owner/admin, posting in
 * channels, edit window) is the use case's. A chat the caller may not see answers
 * `chat.not_found`, so its existence does not leak.
 */

const ok = z.object({ ok: z.literal(true) });
const limit = (max: number, def: number) => z.coerce.number().int().min(1).max(max).default(def);
const seq = z.coerce.number().int().min(0);
const cursor = z.string().min(1).max(200);
const name = z.string().trim().min(1).max(100);
const chatParams = z.object({ chatId });
const messageParams = z.object({ messageId });

// ── chats ────────────────────────────────────────────────────────────────────────

export const createChat = contract({
  method: 'POST',
  path: '/api/chats',
  auth: 'member',
  status: 201,
  summary: 'Create a group (the caller owns it) or an announcement channel (admins)',
  body: z.object({
    kind: z.enum(['group', 'channel']),
    name,
    description: z.string().max(1000).optional(),
    visibility: z.enum(['private', 'public']).default('private'),
    memberIds: z.array(userId).max(1000).default([]),
    settings: chatSettings.partial().optional(),
    /** Channels: the departments (with their subtrees) whose people subscribe; empty means everybody. */
    scopeDepartmentIds: z.array(departmentId).max(200).optional(),
  }),
  response: chatView,
});

export const openDirectChat = contract({
  method: 'POST',
  path: '/api/chats/direct',
  auth: 'member',
  summary: 'Open the direct chat with a person (created on first use)',
  body: z.object({ userId }),
  response: chatView,
});

export const createDepartmentChat = contract({
  method: 'POST',
  path: '/api/chats/department',
  auth: 'admin',
  status: 201,
  summary: 'Create the group of a department; its members follow the department subtree',
  body: z.object({ departmentId, name: name.optional() }),
  response: chatView,
});

export const listMyChats = contract({
  method: 'GET',
  path: '/api/chats',
  auth: 'member',
  summary: 'My chats, most recent activity first, with unread counts',
  query: z.object({ q: z.string().max(100).optional(), cursor: cursor.optional(), limit: limit(200, 50) }),
  response: z.object({ items: z.array(chatView), nextCursor: z.string().nullable(), totalUnread: z.number().int() }),
});

export const listPublicChats = contract({
  method: 'GET',
  path: '/api/chats/public',
  auth: 'member',
  summary: 'Public groups anybody may join',
  query: z.object({ q: z.string().max(100).optional(), cursor: cursor.optional(), limit: limit(100, 30) }),
  response: z.object({ items: z.array(chatView), nextCursor: z.string().nullable() }),
});

export const getChat = contract({
  method: 'GET',
  path: '/api/chats/:chatId',
  auth: 'member',
  summary: 'One chat I belong to (or a public group)',
  params: chatParams,
  response: chatView,
});

export const updateChat = contract({
  method: 'PATCH',
  path: '/api/chats/:chatId',
  auth: 'member',
  summary: 'Rename, describe or change the settings of a group (owner and admins)',
  params: chatParams,
  body: z.object({
    name: name.optional(),
    description: z.string().max(1000).optional(),
    visibility: z.enum(['private', 'public']).optional(),
    avatarFileId: z.string().max(40).nullable().optional(),
    settings: chatSettings.partial().optional(),
  }),
  response: chatView,
});

export const setAnnouncement = contract({
  method: 'PUT',
  path: '/api/chats/:chatId/announcement',
  auth: 'member',
  summary: 'Set or clear the pinned group announcement (owner and admins)',
  params: chatParams,
  body: z.object({ text: z.string().max(5000) }),
  response: chatView,
});

export const listChatMembers = contract({
  method: 'GET',
  path: '/api/chats/:chatId/members',
  auth: 'member',
  summary: 'Members of a chat I belong to',
  params: chatParams,
  query: z.object({ cursor: cursor.optional(), limit: limit(500, 200) }),
  response: z.object({ items: z.array(chatMemberView), nextCursor: z.string().nullable() }),
});

export const addChatMembers = contract({
  method: 'POST',
  path: '/api/chats/:chatId/members',
  auth: 'member',
  summary: 'Add people to a group (everyone or only admins, per the group setting)',
  params: chatParams,
  body: z.object({ userIds: z.array(userId).min(1).max(500) }),
  response: ok,
});

export const removeChatMember = contract({
  method: 'DELETE',
  path: '/api/chats/:chatId/members/:userId',
  auth: 'member',
  summary: 'Remove a member (owner and admins) or leave (yourself); their live subscription ends at once',
  params: z.object({ chatId, userId }),
  response: ok,
});

export const joinChat = contract({
  method: 'POST',
  path: '/api/chats/:chatId/join',
  auth: 'member',
  summary: 'Join a public group',
  params: chatParams,
  response: chatView,
});

export const setMemberRole = contract({
  method: 'PUT',
  path: '/api/chats/:chatId/members/:userId/role',
  auth: 'member',
  summary: 'Make a member an admin or a plain member again (owner; at most 10 admins)',
  params: z.object({ chatId, userId }),
  body: z.object({ role: z.enum(['admin', 'member']) }),
  response: ok,
});

export const transferOwnership = contract({
  method: 'POST',
  path: '/api/chats/:chatId/transfer',
  auth: 'member',
  summary: 'Hand the group to another member (owner)',
  params: chatParams,
  body: z.object({ userId }),
  response: chatView,
});

export const setMuted = contract({
  method: 'PUT',
  path: '/api/chats/:chatId/mute',
  auth: 'member',
  summary: 'Mute or unmute a chat for myself (muted is notify level "nothing")',
  params: chatParams,
  body: z.object({ muted: z.boolean() }),
  response: ok,
});

export const setNotifyLevel = contract({
  method: 'PUT',
  path: '/api/chats/:chatId/notify-level',
  auth: 'member',
  summary: 'How much of a chat reaches me: all, mentions only, or nothing',
  params: chatParams,
  body: z.object({ level: notifyLevel }),
  response: ok,
});

export const markRead = contract({
  method: 'POST',
  path: '/api/chats/:chatId/read',
  auth: 'member',
  summary: 'Move my read position forward (never backwards)',
  params: chatParams,
  body: z.object({ seq: z.number().int().min(0) }),
  response: z.object({ readSeq: z.number().int(), unread: z.number().int(), totalUnread: z.number().int() }),
});

export const getUnread = contract({
  method: 'GET',
  path: '/api/me/unread',
  auth: 'member',
  summary: 'My total unread badge (chats at notify level "all" only) and per-chat counts',
  response: z.object({ total: z.number().int(), chats: z.record(z.string(), z.number().int()) }),
});

// ── messages ─────────────────────────────────────────────────────────────────────

export const sendMessage = contract({
  method: 'POST',
  path: '/api/chats/:chatId/messages',
  auth: 'member',
  status: 201,
  summary: 'Send a message; a retry with the same clientId returns the first message instead of a duplicate',
  params: chatParams,
  body: z.object({
    clientId: z.string().min(1).max(64),
    kind: z.string().min(1).max(40),
    /** Validated against the kind's schema (see message-types.ts). */
    content: z.unknown(),
    replyToId: messageId.optional(),
    threadRootId: messageId.optional(),
  }),
  response: messageView,
});

export const listMessages = contract({
  method: 'GET',
  path: '/api/chats/:chatId/messages',
  auth: 'member',
  summary: 'History in seq order: the latest page, a page before/after a seq, or the context around a message',
  params: chatParams,
  query: z.object({
    before: seq.optional(),
    after: seq.optional(),
    around: messageId.optional(),
    limit: limit(200, 50),
  }),
  response: z.object({ items: z.array(messageView), hasMoreBefore: z.boolean(), hasMoreAfter: z.boolean() }),
});

export const getThread = contract({
  method: 'GET',
  path: '/api/messages/:messageId/thread',
  auth: 'member',
  summary: 'A thread: its root message and replies in order',
  params: messageParams,
  query: z.object({ after: seq.optional(), limit: limit(200, 100) }),
  response: z.object({ root: messageView, replies: z.array(messageView), hasMore: z.boolean(), following: z.boolean() }),
});

export const setThreadFollow = contract({
  method: 'PUT',
  path: '/api/messages/:messageId/follow',
  auth: 'member',
  summary: 'Follow or unfollow a thread (repliers follow automatically)',
  params: messageParams,
  body: z.object({ following: z.boolean() }),
  response: ok,
});

export const getMessage = contract({
  method: 'GET',
  path: '/api/messages/:messageId',
  auth: 'member',
  summary: 'One message as I may see it (clients refetch it when told it changed)',
  params: messageParams,
  response: messageView,
});

export const editMessage = contract({
  method: 'PATCH',
  path: '/api/messages/:messageId',
  auth: 'member',
  summary: 'Edit my message within the edit window',
  params: messageParams,
  body: z.object({ content: z.unknown() }),
  response: messageView,
});

export const recallMessage = contract({
  method: 'POST',
  path: '/api/messages/:messageId/recall',
  auth: 'member',
  summary: 'Recall my message within the window (group admins may recall any); shows "message recalled"',
  params: messageParams,
  response: messageView,
});

const emoji = z.string().min(1).max(40);

export const addReaction = contract({
  method: 'PUT',
  path: '/api/messages/:messageId/reactions/:emoji',
  auth: 'member',
  summary: 'React to a message',
  params: z.object({ messageId, emoji }),
  response: messageView,
});

export const removeReaction = contract({
  method: 'DELETE',
  path: '/api/messages/:messageId/reactions/:emoji',
  auth: 'member',
  summary: 'Take my reaction back',
  params: z.object({ messageId, emoji }),
  response: messageView,
});

export const pinMessage = contract({
  method: 'PUT',
  path: '/api/messages/:messageId/pin',
  auth: 'member',
  summary: 'Pin a message in its chat',
  params: messageParams,
  response: messageView,
});

export const unpinMessage = contract({
  method: 'DELETE',
  path: '/api/messages/:messageId/pin',
  auth: 'member',
  summary: 'Unpin a message',
  params: messageParams,
  response: messageView,
});

export const listPins = contract({
  method: 'GET',
  path: '/api/chats/:chatId/pins',
  auth: 'member',
  summary: 'Pinned messages of a chat, newest pin first',
  params: chatParams,
  response: z.object({ items: z.array(messageView) }),
});

export const forwardMessage = contract({
  method: 'POST',
  path: '/api/messages/:messageId/forward',
  auth: 'member',
  summary: 'Forward a message to chats I may post in',
  params: messageParams,
  body: z.object({ chatIds: z.array(chatId).min(1).max(20), clientId: z.string().min(1).max(64) }),
  response: z.object({ items: z.array(messageView) }),
});

export const getReceipts = contract({
  method: 'GET',
  path: '/api/messages/:messageId/receipts',
  auth: 'member',
  summary: 'Who has read a message (groups up to 200 members)',
  params: messageParams,
  response: z.object({
    readCount: z.number().int(),
    memberCount: z.number().int(),
    readBy: z.array(userId),
    unreadBy: z.array(userId),
  }),
});

export const listMyMentions = contract({
  method: 'GET',
  path: '/api/me/mentions',
  auth: 'member',
  summary: 'Messages that mention me, newest first',
  query: z.object({ cursor: cursor.optional(), limit: limit(100, 30) }),
  response: z.object({ items: z.array(messageView), nextCursor: z.string().nullable() }),
});

export const listMyThreads = contract({
  method: 'GET',
  path: '/api/me/threads',
  auth: 'member',
  summary: 'Threads I follow, most recent reply first',
  query: z.object({ cursor: cursor.optional(), limit: limit(100, 30) }),
  response: z.object({
    items: z.array(z.object({ root: messageView, unreadReplies: z.number().int() })),
    nextCursor: z.string().nullable(),
  }),
});

// ── notifications ───────────────────────────────────────────────────────────────

export const listInbox = contract({
  method: 'GET',
  path: '/api/inbox',
  auth: 'member',
  summary: 'My notifications: direct messages, @mentions and replies',
  query: z.object({ unread: z.enum(['true', 'false']).optional(), cursor: cursor.optional(), limit: limit(100, 30) }),
  response: z.object({ items: z.array(inboxItemView), nextCursor: z.string().nullable(), unreadCount: z.number().int() }),
});

export const markInboxRead = contract({
  method: 'POST',
  path: '/api/inbox/read',
  auth: 'member',
  summary: 'Mark notifications read (some, or all)',
  body: z.object({ ids: z.array(z.string().max(40)).max(500).optional(), all: z.boolean().optional() }),
  response: z.object({ unreadCount: z.number().int() }),
});

// ── organization settings ───────────────────────────────────────────────────────

export const messengerSettingsView = z.object({ editWindowHours: z.number() });

export const getMessengerSettings = contract({
  method: 'GET',
  path: '/api/messenger/settings',
  auth: 'member',
  summary: 'Organization-wide messenger settings',
  response: messengerSettingsView,
});

export const updateMessengerSettings = contract({
  method: 'PUT',
  path: '/api/messenger/settings',
  auth: 'admin',
  summary: 'Set how long messages may be edited or recalled (hours, default 24)',
  body: z.object({
    editWindowHours: z
      .number()
      .min(0)
      .max(24 * 365),
  }),
  response: messengerSettingsView,
});

// ── drafts ──────────────────────────────────────────────────────────────────────

/** What I typed in a chat and did not send: the composer's source, mentions as <at> tags. */
export const draftView = z.object({ chatId, text: z.string(), updatedAt: z.iso.datetime() });
export type DraftView = z.infer<typeof draftView>;

export const listMyDrafts = contract({
  method: 'GET',
  path: '/api/me/drafts',
  auth: 'member',
  summary: 'My unsent drafts, one per chat I am still in, the newest first',
  response: z.object({ items: z.array(draftView) }),
});

export const saveDraft = contract({
  method: 'PUT',
  path: '/api/chats/:chatId/draft',
  auth: 'member',
  summary: 'Keep what I typed in a chat (only I see it); empty text clears it. Sending a message clears it too',
  params: chatParams,
  body: z.object({ text: z.string().max(MAX_TEXT) }),
  response: ok,
});

export const clearDraft = contract({
  method: 'DELETE',
  path: '/api/chats/:chatId/draft',
  auth: 'member',
  summary: 'Drop my draft in a chat',
  params: chatParams,
  response: ok,
});
