import type { QueryClient } from '@tanstack/react-query';
import { api } from '../../../../platform/client/api.js';
import { ApiError } from '../../../../platform/shared/api-client.js';
import { getMessage, getThread } from '../../shared/contract.js';
import type { MessageView } from '../../shared/types.js';
import { cachedChat, refreshChats } from './chats.js';
import { replaceEverywhere } from './send.js';
import { holdsMessage, loadAfter } from './timeline.js';

type ThreadData = { root: MessageView; replies: MessageView[] };

function threadHolds(qc: QueryClient, messageId: string): boolean {
  return qc
    .getQueriesData<ThreadData>({ queryKey: [getThread.method, getThread.path] })
    .some(([, t]) => t && (t.root.id === messageId || t.replies.some((r) => r.id === messageId)));
}

/**
 * Answers a content-free `message.changed` event (the server sends one instead of the message
 * when some member of the chat may not read it). A message we show is refetched over HTTP, which
 * answers by my own visibility, so reactions, pins, edits and recalls of old messages still show
 * live. A message newer than the chat we know is a new one: catch up on the chat. Anything else
 * is history I do not hold (or may not read): nothing to do.
 */
export async function refreshMessage(qc: QueryClient, event: { chatId: string; messageId: string; seq: number }) {
  if (holdsMessage(event.chatId, event.messageId) || threadHolds(qc, event.messageId)) {
    try {
      replaceEverywhere(qc, await api(getMessage, { params: { messageId: event.messageId as `msg_${string}` } }));
    } catch (err) {
      // Gone from my view (left the chat, removed): the chat's own events tidy up.
      if (!(err instanceof ApiError && err.status === 404)) throw err;
    }
    return;
  }
  const chat = cachedChat(qc, event.chatId);
  if (!chat || event.seq > chat.lastSeq) {
    await refreshChats(qc);
    await loadAfter(event.chatId);
  }
}
