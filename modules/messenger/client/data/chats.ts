import type { QueryClient } from '@tanstack/react-query';
import { queryKeyOf, useApiQuery } from '../../../../platform/client/api.js';
import { getChat, listMyChats } from '../../shared/contract.js';
import type { ChatView, MessageView } from '../../shared/types.js';

/** The one chat-list request every screen shares (the list, the badge, the forward picker). */
export const CHAT_LIST_INPUT = { query: { limit: 200 } } as const;
const LIST_KEY = queryKeyOf(listMyChats, CHAT_LIST_INPUT);

export type ChatList = { items: ChatView[]; nextCursor: string | null; totalUnread: number };

export function useChatList() {
  return useApiQuery(listMyChats, CHAT_LIST_INPUT, { staleTime: 60_000 });
}

export function useChat(chatId: string | undefined) {
  const list = useChatList();
  const fromList = list.data?.items.find((c) => c.id === chatId);
  const one = useApiQuery(getChat, { params: { chatId: (chatId ?? '') as `chat_${string}` } }, {
    enabled: Boolean(chatId),
    staleTime: 30_000,
    // The list already holds it: show that at once, refresh in the background.
    placeholderData: fromList,
  });
  return { chat: one.data ?? fromList, error: one.error, isPending: one.isPending && !fromList };
}

const byActivity = (a: ChatView, b: ChatView) => (b.lastMessageAt ?? b.createdAt).localeCompare(a.lastMessageAt ?? a.createdAt);

/** Only chats at level "all" count in the total badge; the others on their own row (as the server counts). */
function totalOf(items: ChatView[]): number {
  return items.reduce((sum, c) => sum + (c.notifyLevel === 'all' ? c.unread : 0), 0);
}

/** Unread messages that mention me, over all chats: the count on the "Mentions" entry. */
export function unreadMentionsOf(items: ChatView[]): number {
  return items.reduce((sum, c) => sum + c.unreadMentions, 0);
}

const mentionsMe = (message: MessageView, me: string) => message.mentions.includes(me) || message.mentions.includes('all');

/** Applies `change` to one chat of the cached list (and its own cached read). */
export function patchChat(qc: QueryClient, chatId: string, change: (c: ChatView) => ChatView, opts: { keepTotal?: boolean } = {}) {
  qc.setQueryData<ChatList>(LIST_KEY, (list) => {
    if (!list) return list;
    const items = list.items.map((c) => (c.id === chatId ? change(c) : c)).sort(byActivity);
    return { ...list, items, totalUnread: opts.keepTotal ? list.totalUnread : totalOf(items) };
  });
  qc.setQueryData<ChatView>(queryKeyOf(getChat, { params: { chatId: chatId as `chat_${string}` } }), (c) => (c ? change(c) : c));
}

/** A new message moves its chat to the top with a fresh preview; others' messages count as unread. */
export function applyMessageToList(qc: QueryClient, message: MessageView, opts: { me: string; reading: boolean }) {
  if (message.threadRootId) return; // thread replies live in their thread
  patchChat(qc, message.chatId, (c) => {
    if (message.seq <= c.lastSeq && c.lastMessage && c.lastMessage.seq >= message.seq) return c;
    const fresh = message.senderId !== opts.me && !opts.reading && message.seq > c.readSeq;
    return {
      ...c,
      lastSeq: Math.max(c.lastSeq, message.seq),
      lastMessageAt: message.createdAt,
      lastMessage: {
        id: message.id,
        seq: message.seq,
        senderId: message.senderId,
        kind: message.kind,
        text: message.text,
        createdAt: message.createdAt,
        recalled: message.recalled,
      },
      unread: fresh ? c.unread + 1 : c.unread,
      unreadMentions: fresh && mentionsMe(message, opts.me) ? c.unreadMentions + 1 : c.unreadMentions,
      readSeq: message.senderId === opts.me ? Math.max(c.readSeq, message.seq) : c.readSeq,
    };
  });
}

/** The server's own counts win over anything counted here. */
export function setUnread(qc: QueryClient, chatId: string, unread: number, total: number) {
  // Reading moves forward from the oldest unread, so at most `unread` mentions can be left.
  patchChat(qc, chatId, (c) => ({ ...c, unread, unreadMentions: Math.min(c.unreadMentions, unread) }), { keepTotal: true });
  qc.setQueryData<ChatList>(LIST_KEY, (list) => (list ? { ...list, totalUnread: total } : list));
}

export function removeChat(qc: QueryClient, chatId: string) {
  qc.setQueryData<ChatList>(LIST_KEY, (list) => {
    if (!list) return list;
    const items = list.items.filter((c) => c.id !== chatId);
    return { ...list, items, totalUnread: totalOf(items) };
  });
}

/** The chat as the cached list has it, if the list is loaded. */
export function cachedChat(qc: QueryClient, chatId: string): ChatView | undefined {
  return qc.getQueryData<ChatList>(LIST_KEY)?.items.find((c) => c.id === chatId);
}

export function refreshChats(qc: QueryClient) {
  return qc.invalidateQueries({ queryKey: [listMyChats.method, listMyChats.path] });
}
