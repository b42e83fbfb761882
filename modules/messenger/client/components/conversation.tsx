import { InfoCircleOutlined, LeftOutlined, NotificationOutlined, PushpinOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Popover, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, errorMessage, useApiQuery } from '../../../../platform/client/api.js';
import { useRealtimeStatus } from '../../../../platform/client/realtime.js';
import { useIsPhone } from '../../../../platform/client/ui/responsive.js';
import { getUnread, joinChat, listPins, markRead } from '../../shared/contract.js';
import type { ChatView, MessageView } from '../../shared/types.js';
import { setReadingChat } from '../data/active-chat.js';
import { cachedChat, patchChat, refreshChats, setUnread } from '../data/chats.js';
import { lastLoadedSeq, loadAround, openChat, useTimeline } from '../data/timeline.js';
import { ChatAvatar, useChatName } from './chat-avatar.js';
import { ChatTyping } from './chat-typing.js';
import { ChatInfoDrawer } from './chat-info-drawer.js';
import { Composer } from './composer.js';
import { ForwardModal } from './forward-modal.js';
import { MessageBody } from './message-item.js';
import { MessageList } from './message-list.js';
import { ThreadPanel } from './thread-panel.js';

/** Whether the caller may write top-level messages (channels: owner and admins only). */
export function mayPost(chat: ChatView): boolean {
  if (!chat.myRole || chat.myRole === 'subscriber') return false;
  return chat.kind !== 'channel' || chat.myRole === 'owner' || chat.myRole === 'admin';
}

function usePageVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const on = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', on);
    return () => document.removeEventListener('visibilitychange', on);
  }, []);
  return visible;
}

/**
 * Marks the chat read as far as the reader has seen it (`seen`, from the scroll position) while
 * the tab is visible; at the bottom that is the newest message. While they sit at the bottom
 * the chat counts as being read: new messages there are not unread.
 */
function useMarkRead(chat: ChatView, active: boolean, atBottom: boolean, seen: number) {
  const qc = useQueryClient();
  const posted = useRef(0);
  const reading = active && atBottom;
  useEffect(() => {
    setReadingChat(reading ? chat.id : null);
    if (!active) return;
    const seq = Math.min(seen, Math.max(lastLoadedSeq(chat.id), chat.lastSeq));
    // Nothing new seen; at the bottom, a count that disagrees with the server is asked again.
    if (seq <= Math.max(chat.readSeq, posted.current) && !(reading && chat.unread > 0)) return;
    const timer = setTimeout(async () => {
      posted.current = seq;
      try {
        const res = await api(markRead, { params: { chatId: chat.id as `chat_${string}` }, body: { seq } });
        patchChat(qc, chat.id, (c) => ({ ...c, readSeq: Math.max(c.readSeq, res.readSeq) }), { keepTotal: true });
        setUnread(qc, chat.id, res.unread, res.totalUnread);
      } catch {
        posted.current = 0;
      }
    }, 250);
    return () => clearTimeout(timer);
  }, [active, reading, seen, chat.id, chat.lastSeq, chat.readSeq, chat.unread, qc]);
  // New messages that arrived while the chat was being read were counted as read here, but the
  // mark-read for them may not have gone out before the reader left (a click away lands while
  // they arrive). When the server may know more unread than this tab counted, ask it.
  useEffect(() => {
    const chatId = chat.id;
    return () => {
      setReadingChat(null);
      const c = cachedChat(qc, chatId);
      if (!c || c.lastSeq <= Math.max(c.readSeq, posted.current)) return;
      api(getUnread)
        .then((u) => setUnread(qc, chatId, u.chats[chatId] ?? 0, u.total))
        .catch(() => {});
    };
  }, [chat.id, qc]);
}

function Pins({ chat, me, onJump }: { chat: ChatView; me: string; onJump: (id: string) => void }) {
  const { t } = useTranslation('messenger');
  const [open, setOpen] = useState(false);
  const pins = useApiQuery(listPins, { params: { chatId: chat.id as `chat_${string}` } }, { enabled: open, staleTime: 0 });
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={t('conv.pins')}
      content={
        <div className="msg-pins" data-testid="pins-list">
          {pins.data?.items.length === 0 ? <div className="msg-empty">{t('conv.noPins')}</div> : null}
          {pins.data?.items.map((m) => (
            <button
              type="button"
              key={m.id}
              className="msg-pin"
              onClick={() => {
                setOpen(false);
                onJump(m.id);
              }}
            >
              <MessageBody message={m} me={me} />
            </button>
          ))}
        </div>
      }
    >
      <Tooltip title={t('conv.pins')}>
        <Button type="text" icon={<PushpinOutlined />} aria-label={t('conv.pins')} data-testid="open-pins" />
      </Tooltip>
    </Popover>
  );
}

/** One conversation: header, pinned announcement, history, composer; thread panel and info drawer beside it. */
export function Conversation(props: { chat: ChatView; me: string }) {
  const { t } = useTranslation('messenger');
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message: toast } = App.useApp();
  const status = useRealtimeStatus();
  const [params, setParams] = useSearchParams();
  const { chat, me } = props;
  const name = useChatName(chat);
  const tl = useTimeline(chat.id);
  const [atBottom, setAtBottom] = useState(true);
  const [seen, setSeen] = useState(0);
  const [replyTo, setReplyTo] = useState<MessageView | null>(null);
  const [forwarding, setForwarding] = useState<MessageView | null>(null);
  const [info, setInfo] = useState(false);
  const visible = usePageVisible();
  const threadId = params.get('thread');
  const focus = params.get('m');

  // Where the reader left off when the chat opened (not as it moves while they read).
  const openedAt = useRef({ readSeq: chat.readSeq, lastSeq: chat.lastSeq });
  useEffect(() => {
    if (focus) void loadAround(chat.id, focus);
    else openChat(chat.id, openedAt.current.readSeq, openedAt.current.lastSeq);
  }, [chat.id, focus]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a reply quote belongs to the chat it was picked in
  useEffect(() => setReplyTo(null), [chat.id]);

  useMarkRead(chat, visible && !tl.loading, atBottom, seen);

  const jump = useCallback((id: string) => void loadAround(chat.id, id), [chat.id]);
  const openThread = useCallback(
    (m: MessageView) =>
      setParams((p) => {
        const next = new URLSearchParams(p);
        next.set('thread', m.id);
        return next;
      }),
    [setParams],
  );
  const actions = { onReply: setReplyTo, onThread: openThread, onForward: setForwarding, onJump: jump };
  const closeThread = () =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.delete('thread');
      return next;
    });

  const join = async () => {
    try {
      await api(joinChat, { params: { chatId: chat.id as `chat_${string}` } });
      await refreshChats(qc);
    } catch (err) {
      toast.error(errorMessage(err));
    }
  };

  const canPost = mayPost(chat);
  return (
    <div className="msg-conv-wrap">
      <section className="msg-conv" data-testid="conversation" data-chat-id={chat.id}>
        <header className="msg-conv-head">
          {isPhone ? (
            <Button
              type="text"
              icon={<LeftOutlined />}
              onClick={() => navigate('/messages')}
              aria-label={t('conv.back')}
              data-testid="conv-back"
            />
          ) : null}
          <ChatAvatar chat={chat} size={32} />
          <div className="msg-conv-title">
            <div className="msg-conv-name" data-testid="conv-name">
              {name}
            </div>
            {chat.kind !== 'direct' ? (
              <div className="msg-conv-sub">
                {chat.kind === 'department' ? (
                  <Tag className="msg-kind-tag" bordered={false} color="blue" data-testid="conv-department-tag">
                    {t('department.tag')}
                  </Tag>
                ) : null}
                {t('conv.memberCount', { count: chat.memberCount })}
              </div>
            ) : null}
          </div>
          <Pins chat={chat} me={me} onJump={jump} />
          <Tooltip title={t('conv.info')}>
            <Button
              type="text"
              icon={<InfoCircleOutlined />}
              onClick={() => setInfo(true)}
              aria-label={t('conv.info')}
              data-testid="open-chat-info"
            />
          </Tooltip>
        </header>
        {status === 'reconnecting' ? <div className="msg-banner">{t('conv.reconnecting')}</div> : null}
        {chat.announcement?.text ? (
          <button type="button" className="msg-announcement" onClick={() => setInfo(true)} data-testid="announcement">
            <NotificationOutlined />
            <span className="msg-announcement-text">{chat.announcement.text}</span>
          </button>
        ) : null}
        {tl.error && tl.items.length === 0 ? (
          <Alert type="error" showIcon title={t('conv.loadFailed')} description={errorMessage(tl.error)} style={{ margin: 16 }} />
        ) : (
          <MessageList
            chat={chat}
            me={me}
            timeline={tl}
            canPost={canPost}
            actions={actions}
            onAtBottom={setAtBottom}
            onSeen={setSeen}
          />
        )}
        <ChatTyping chatId={chat.id} me={me} />
        {canPost ? (
          <Composer
            chat={chat}
            me={me}
            replyTo={replyTo}
            onCancelReply={() => setReplyTo(null)}
            placeholder={t('composer.placeholder', { name })}
          />
        ) : chat.myRole === null && chat.visibility === 'public' ? (
          <div className="msg-readonly">
            <Button type="primary" onClick={() => void join()} data-testid="join-chat">
              {t('conv.join')}
            </Button>
          </div>
        ) : (
          <div className="msg-readonly" data-testid="read-only">
            {t('conv.readOnly')}
          </div>
        )}
      </section>
      {threadId ? (
        <ThreadPanel
          key={threadId}
          chat={chat}
          me={me}
          rootId={threadId}
          onClose={closeThread}
          actions={{ onForward: setForwarding }}
        />
      ) : null}
      <ChatInfoDrawer open={info} chat={chat} me={me} onClose={() => setInfo(false)} />
      <ForwardModal message={forwarding} me={me} onClose={() => setForwarding(null)} />
    </div>
  );
}

/** Shown on the right when no chat is open (desktop). */
export function NoConversation() {
  const { t } = useTranslation('messenger');
  return (
    <div className="msg-conv msg-conv-empty">
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('conv.pick')} />
    </div>
  );
}
