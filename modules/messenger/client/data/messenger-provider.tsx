import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiQuery } from '../../../../platform/client/api.js';
import { usePresence } from '../../../../platform/client/presence/use-presence.js';
import { useRealtime, useRealtimeStatus, useTopic } from '../../../../platform/client/realtime.js';
import { getMe } from '../../../accounts/shared/contract.js';
import { listChatMembers, listInbox, listMyMentions, listMyThreads } from '../../shared/contract.js';
import type { ChatEvent, UserMessengerEvent } from '../../shared/types.js';
import { isReading } from './active-chat.js';
import { patchChat, refreshChats, removeChat, setUnread, useChatList } from './chats.js';
import { notifyDesktop, shouldNotify } from './notifications.js';
import { refreshMessage } from './refresh-message.js';
import { acceptMessage, replaceEverywhere } from './send.js';
import { forgetChat, loadAfter } from './timeline.js';

/**
 * Keeps the messenger live on every page: follows `user:<me>` (new chats, unread counts,
 * inbox) and `chat:<id>` of every chat in the list (messages, edits, reads), so the badge,
 * the previews and an open conversation update without a refetch. After a gap or a
 * reconnect it fetches what it missed, from the last seq it has.
 */
export function MessengerProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const client = useRealtime();
  const status = useRealtimeStatus();
  const navigate = useNavigate();
  const { t } = useTranslation('messenger');
  const me = useApiQuery(getMe, undefined, { retry: false, staleTime: 60_000 }).data?.user.id;
  const chats = useChatList();
  // My own do-not-disturb, as presence keeps it (timed and scheduled DND end by themselves there).
  const dnd = usePresence(me)?.dnd ?? false;
  const chatIds = (chats.data?.items ?? []).map((c) => c.id).sort();
  const idsKey = chatIds.join(',');

  const onChatEvent = (chatId: string, data: unknown) => {
    if (!me) return;
    const event = data as ChatEvent;
    switch (event.type) {
      case 'message.created':
        acceptMessage(qc, me, event.message, isReading(chatId));
        break;
      case 'message.updated':
        replaceEverywhere(qc, event.message);
        break;
      case 'message.changed':
        void refreshMessage(qc, event).catch(() => {});
        break;
      case 'chat.updated':
        patchChat(qc, chatId, (c) => ({ ...c, ...event.chat }));
        break;
      case 'members.changed':
        void qc.invalidateQueries({ queryKey: [listChatMembers.method, listChatMembers.path] });
        if (event.removed.includes(me)) dropChat(chatId);
        break;
      case 'read':
        // Receipts are counted from members' read positions.
        qc.setQueriesData<{ items: { userId: string; readSeq: number }[] }>(
          { queryKey: [listChatMembers.method, listChatMembers.path, { params: { chatId } }] },
          (page) =>
            page && {
              ...page,
              items: page.items.map((m) => (m.userId === event.userId ? { ...m, readSeq: Math.max(m.readSeq, event.readSeq) } : m)),
            },
        );
        if (event.userId === me) patchChat(qc, chatId, (c) => ({ ...c, readSeq: Math.max(c.readSeq, event.readSeq) }));
        break;
    }
  };
  const latestChatEvent = useRef(onChatEvent);
  latestChatEvent.current = onChatEvent;

  const dropChat = (chatId: string) => {
    removeChat(qc, chatId);
    forgetChat(chatId);
  };

  const resync = (chatId?: string) => {
    void refreshChats(qc);
    if (chatId) void loadAfter(chatId).catch(() => {});
  };
  const latestResync = useRef(resync);
  latestResync.current = resync;
  const latestDrop = useRef(dropChat);
  latestDrop.current = dropChat;

  // One subscription per chat in the list; the ids string keeps it from churning on every update.
  // biome-ignore lint/correctness/useExhaustiveDependencies: idsKey stands for chatIds
  useEffect(() => {
    if (!client || !idsKey) return;
    const offs = idsKey.split(',').map((id) =>
      client.subscribe(`chat:${id}`, (data) => latestChatEvent.current(id, data), {
        onGap: () => latestResync.current(id),
        onRevoked: () => latestDrop.current(id),
      }),
    );
    return () => {
      for (const off of offs) off();
    };
  }, [client, idsKey]);

  useTopic(me ? `user:${me}` : null, {
    onEvent: (data) => {
      const event = data as UserMessengerEvent;
      switch (event.type) {
        case 'messenger.chat_added':
          void refreshChats(qc);
          break;
        case 'messenger.chat_removed':
          dropChat(event.chatId);
          break;
        case 'messenger.unread':
          setUnread(qc, event.chatId, event.unread, event.total);
          break;
        case 'messenger.inbox': {
          for (const c of [listInbox, listMyMentions, listMyThreads]) void qc.invalidateQueries({ queryKey: [c.method, c.path] });
          const chat = chats.data?.items.find((c) => c.id === event.item.chatId);
          if (!shouldNotify({ kind: event.item.kind, level: chat?.notifyLevel, dnd })) break;
          notifyDesktop(
            chat?.name ?? t('nav.messages'),
            event.item.message.recalled ? t('preview.recalled') : event.item.message.text,
            event.item.id,
            () => navigate(`/messages/${event.item.chatId}?m=${event.item.message.id}`),
          );
          break;
        }
      }
    },
    onGap: () => resync(),
  });

  // Back online after a drop: the list may have moved on, and open chats may have missed messages.
  const wasDown = useRef(false);
  useEffect(() => {
    if (status === 'reconnecting') wasDown.current = true;
    if (status === 'open' && wasDown.current) {
      wasDown.current = false;
      latestResync.current();
      for (const id of idsKey.split(',')) if (id) void loadAfter(id).catch(() => {});
    }
  }, [status, idsKey]);

  return <>{children}</>;
}

