import type { QueryClient } from '@tanstack/react-query';
import { api, queryKeyOf } from '../../../../platform/client/api.js';
import { getThread, sendMessage } from '../../shared/contract.js';
import type { MessageView } from '../../shared/types.js';
import { applyMessageToList, patchChat } from './chats.js';
import { addPending, type PendingMessage, replaceMessage, setPendingStatus, upsertMessage } from './timeline.js';

/** A client message id: the server keeps one message per (chat, sender, clientId), so a retry never duplicates. */
export function newClientId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
}

export interface Outgoing {
  kind: string;
  content: unknown;
  /** Preview text while sending. */
  text: string;
  replyTo?: MessageView | null;
  threadRootId?: string | null;
}

/** Sends (or re-sends, with the same clientId) and shows it at once as "sending". */
export async function sendOptimistic(qc: QueryClient, me: string, chatId: string, out: Outgoing, clientId = newClientId()) {
  const pending: PendingMessage = {
    clientId,
    kind: out.kind,
    content: out.content,
    text: out.text,
    replyTo: out.replyTo ?? null,
    threadRootId: out.threadRootId ?? null,
    status: 'sending',
    createdAt: new Date().toISOString(),
  };
  addPending(chatId, pending);
  try {
    const message = await api(sendMessage, {
      params: { chatId: chatId as `chat_${string}` },
      body: {
        clientId,
        kind: out.kind,
        content: out.content,
        ...(out.replyTo ? { replyToId: out.replyTo.id } : {}),
        ...(out.threadRootId ? { threadRootId: out.threadRootId as `msg_${string}` } : {}),
      },
    });
    acceptMessage(qc, me, message, true);
    return message;
  } catch (err) {
    setPendingStatus(chatId, clientId, 'failed');
    throw err;
  }
}

/** Re-sends a failed message under its first clientId. */
export function retryPending(qc: QueryClient, me: string, chatId: string, p: PendingMessage) {
  return sendOptimistic(
    qc,
    me,
    chatId,
    { kind: p.kind, content: p.content, text: p.text, replyTo: p.replyTo, threadRootId: p.threadRootId },
    p.clientId,
  );
}

type ThreadData = { root: MessageView; replies: MessageView[]; hasMore: boolean; following: boolean };

/** Every place a message shows: the timeline, its thread, the chat list preview. */
export function acceptMessage(qc: QueryClient, me: string, message: MessageView, reading: boolean) {
  upsertMessage(message);
  if (message.threadRootId) {
    qc.setQueryData<ThreadData>(threadKey(message.threadRootId), (t) => {
      if (!t || t.replies.some((r) => r.id === message.id)) return t;
      const replies = [...t.replies, message].sort((a, b) => a.seq - b.seq);
      return { ...t, replies, root: { ...t.root, threadReplyCount: Math.max(t.root.threadReplyCount, replies.length) } };
    });
  }
  applyMessageToList(qc, message, { me, reading });
}

/** An edited, recalled, reacted or pinned message replaces its older version wherever it shows. */
export function replaceEverywhere(qc: QueryClient, message: MessageView) {
  replaceMessage(message);
  patchChat(qc, message.chatId, (c) =>
    c.lastMessage?.id === message.id ? { ...c, lastMessage: { ...c.lastMessage, text: message.text, recalled: message.recalled } } : c,
  );
  qc.setQueryData<ThreadData>(threadKey(message.threadRootId ?? message.id), (t) => {
    if (!t) return t;
    if (t.root.id === message.id) return { ...t, root: message };
    return { ...t, replies: t.replies.map((r) => (r.id === message.id ? message : r)) };
  });
}

export function threadKey(rootId: string) {
  return queryKeyOf(getThread, { params: { messageId: rootId as `msg_${string}` } });
}
