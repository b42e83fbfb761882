import { ArrowDownOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Spin } from 'antd';
import { Fragment, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../../platform/client/api.js';
import { useLocale } from '../../../../platform/client/i18n.js';
import { listChatMembers } from '../../shared/contract.js';
import { type ChatView, MAX_RECEIPT_MEMBERS, type MessageView } from '../../shared/types.js';
import { retryPending } from '../data/send.js';
import { clearFocus, dropPending, loadAfter, loadBefore, loadLatest, type Timeline } from '../data/timeline.js';
import { dayLabel } from './format-time.js';
import { type MessageActions, MessageItem, PendingItem } from './message-item.js';

const GROUP_MS = 5 * 60_000;

/** A message starts a new run (face and name) after another sender, a pause, a notice or a new day. */
function startsRun(
  prev: { senderId: string; createdAt: string; kind: string } | undefined,
  m: { senderId: string; createdAt: string },
) {
  if (!prev || prev.kind === 'system' || prev.senderId !== m.senderId) return true;
  return Date.parse(m.createdAt) - Date.parse(prev.createdAt) > GROUP_MS || !sameDay(prev.createdAt, m.createdAt);
}
const sameDay = (a: string, b: string) => new Date(a).toDateString() === new Date(b).toDateString();

/** Group chats up to 200 members: how many others have read each of my messages, from their read positions. */
function useReceipts(chat: ChatView, me: string) {
  const enabled = chat.kind !== 'direct' && chat.memberCount <= MAX_RECEIPT_MEMBERS && chat.memberCount > 1;
  const members = useApiQuery(
    listChatMembers,
    { params: { chatId: chat.id as `chat_${string}` }, query: { limit: 500 } },
    { enabled, staleTime: 60_000 },
  );
  return useMemo(() => {
    if (!enabled || !members.data) return null;
    const others = members.data.items.filter((m) => m.userId !== me);
    return (seq: number) => ({ read: others.filter((m) => m.readSeq >= seq).length, total: others.length });
  }, [enabled, members.data, me]);
}

/**
 * The scrolling history: loads older pages at the top (keeping the reader's place), follows
 * new messages while the reader is at the bottom, jumps to a focused message, and tells the
 * conversation when the reader sits at the bottom (that is when it marks the chat read).
 */
export function MessageList(props: {
  chat: ChatView;
  me: string;
  timeline: Timeline;
  canPost: boolean;
  actions: MessageActions;
  onAtBottom: (atBottom: boolean) => void;
}) {
  const { t } = useTranslation('messenger');
  const locale = useLocale();
  const qc = useQueryClient();
  const { chat, timeline: tl, me } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const [showJump, setShowJump] = useState(false);
  const [highlight, setHighlight] = useState<string | null>(null);
  const anchor = useRef<{ firstId?: string; fromBottom: number; epoch: number; lastId?: string; pending: number }>({
    fromBottom: 0,
    epoch: -1,
    pending: 0,
  });
  const receipts = useReceipts(chat, me);
  const mainPending = tl.pending.filter((p) => !p.threadRootId);

  const measure = () => {
    const el = scroller.current;
    if (!el) return;
    const bottom = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
    if (bottom !== atBottom.current) {
      atBottom.current = bottom;
      props.onAtBottom(bottom && !tl.hasMoreAfter);
    }
    setShowJump(!bottom || tl.hasMoreAfter);
    if (el.scrollTop < 300 && tl.hasMoreBefore && !tl.loadingBefore) void loadBefore(chat.id);
    if (bottom && tl.hasMoreAfter) void loadAfter(chat.id).catch(() => {});
  };

  // Keep the reader's place when older messages arrive above, follow new ones at the bottom.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const a = anchor.current;
    const first = tl.items[0]?.id;
    const last = tl.items[tl.items.length - 1]?.id;
    if (a.epoch !== tl.epoch) {
      if (!tl.focusId) el.scrollTop = el.scrollHeight;
      atBottom.current = !tl.focusId;
    } else if (first !== a.firstId && a.firstId && last === a.lastId) {
      el.scrollTop = el.scrollHeight - a.fromBottom;
    } else if ((last !== a.lastId || mainPending.length > a.pending) && atBottom.current) {
      el.scrollTop = el.scrollHeight;
    }
    anchor.current = {
      firstId: first,
      lastId: last,
      epoch: tl.epoch,
      fromBottom: el.scrollHeight - el.scrollTop,
      pending: mainPending.length,
    };
    props.onAtBottom(atBottom.current && !tl.hasMoreAfter);
  });

  useEffect(() => {
    if (!tl.focusId) return;
    const el = document.getElementById(`m-${tl.focusId}`);
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    setHighlight(tl.focusId);
    clearFocus(chat.id);
    const timer = setTimeout(() => setHighlight(null), 2500);
    return () => clearTimeout(timer);
  }, [tl.focusId, chat.id]);

  // A window shorter than the screen cannot scroll, so it would never ask for older messages.
  useEffect(() => {
    const el = scroller.current;
    if (el && !tl.loading && el.scrollHeight <= el.clientHeight && tl.hasMoreBefore && !tl.loadingBefore)
      void loadBefore(chat.id);
  });

  let prev: MessageView | undefined;
  return (
    <div className="msg-scroll-wrap">
      <div className="msg-scroll" ref={scroller} onScroll={measure} data-testid="message-list">
        {tl.loading && tl.items.length === 0 ? (
          <div className="msg-center">
            <Spin />
          </div>
        ) : null}
        {tl.loadingBefore ? (
          <div className="msg-center small">
            <Spin size="small" />
          </div>
        ) : null}
        {!tl.loading && !tl.hasMoreBefore ? <div className="msg-beginning">{t('conv.beginning')}</div> : null}
        {tl.items.map((m) => {
          const run = startsRun(prev, m);
          const newDay = !prev || !sameDay(prev.createdAt, m.createdAt);
          prev = m;
          return (
            <Fragment key={m.id}>
              {newDay ? <div className="msg-day">{dayLabel(m.createdAt, locale)}</div> : null}
              <MessageItem
                message={m}
                me={me}
                showHeader={run}
                canPost={props.canPost}
                receipt={receipts && m.senderId === me ? receipts(m.seq) : null}
                highlight={highlight === m.id}
                actions={props.actions}
              />
            </Fragment>
          );
        })}
        {tl.hasMoreAfter
          ? null
          : mainPending.map((p, i) => (
              <PendingItem
                key={p.clientId}
                pending={p}
                me={me}
                showHeader={i === 0 && (prev?.senderId !== me || prev?.kind === 'system')}
                onRetry={() => void retryPending(qc, me, chat.id, p).catch(() => {})}
                onDiscard={() => dropPending(chat.id, p.clientId)}
              />
            ))}
      </div>
      {showJump ? (
        <Button
          className="msg-jump-latest"
          shape="round"
          icon={<ArrowDownOutlined />}
          onClick={() => {
            if (tl.hasMoreAfter) void loadLatest(chat.id);
            else scroller.current?.scrollTo({ top: scroller.current.scrollHeight, behavior: 'smooth' });
          }}
          data-testid="jump-latest"
        >
          {t('conv.jumpLatest')}
        </Button>
      ) : null}
    </div>
  );
}
