import { ArrowDownOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Spin } from 'antd';
import { Fragment, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../../platform/client/api.js';
import { dayLabel, sameDay } from '../../../../platform/client/format.js';
import { useLocale } from '../../../../platform/client/i18n.js';
import { listChatMembers } from '../../shared/contract.js';
import { type ChatView, MAX_RECEIPT_MEMBERS, type MessageView } from '../../shared/types.js';
import { retryPending } from '../data/send.js';
import { clearFocus, dropPending, loadAfter, loadBefore, loadLatest, type Timeline } from '../data/timeline.js';
import { type MessageActions, MessageItem, PendingItem } from './message-item.js';
import { seenSeq } from './seen-position.js';
import { UnreadDivider } from './unread-divider.js';

const GROUP_MS = 5 * 60_000;

/** A message starts a new run (face and name) after another sender, a pause, a notice or a new day. */
function startsRun(
  prev: { senderId: string; createdAt: string; kind: string } | undefined,
  m: { senderId: string; createdAt: string },
) {
  if (!prev || prev.kind === 'system' || prev.senderId !== m.senderId) return true;
  return Date.parse(m.createdAt) - Date.parse(prev.createdAt) > GROUP_MS || !sameDay(prev.createdAt, m.createdAt);
}

/** Group chats up to 200 members: how many others have read each of my messages, from their read positions. */
function useReceipts(chat: ChatView, me: string) {
  const enabled = chat.memberCount <= MAX_RECEIPT_MEMBERS && chat.memberCount > 1;
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
 * The scrolling history: opens at the "New messages" line or the bottom, loads older pages at
 * the top (keeping the reader's place), stays pinned to the bottom while the reader is there
 * (new messages, late images, a phone keyboard shrinking the view), comes down to a message
 * just sent, jumps to a focused message, and tells the conversation how far the reader has
 * seen (it marks the chat read that far) and whether they sit at the bottom.
 */
export function MessageList(props: {
  chat: ChatView;
  me: string;
  timeline: Timeline;
  canPost: boolean;
  actions: MessageActions;
  onAtBottom: (atBottom: boolean) => void;
  onSeen: (seq: number) => void;
}) {
  const { t } = useTranslation('messenger');
  const locale = useLocale();
  const qc = useQueryClient();
  const { chat, timeline: tl, me } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const divider = useRef<HTMLDivElement>(null);
  /** Pinned to the bottom: whatever grows or shrinks, the newest message stays in sight. */
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

  const isAtBottom = (el: HTMLElement) => el.scrollHeight - el.scrollTop - el.clientHeight < 48;

  /** Tells the conversation where the reader is. */
  const report = () => {
    const el = scroller.current;
    if (!el || !content.current) return;
    props.onAtBottom(atBottom.current && !tl.hasMoreAfter);
    setShowJump(!isAtBottom(el) || tl.hasMoreAfter);
    const messages = [...content.current.querySelectorAll<HTMLElement>(':scope > [data-seq]')];
    props.onSeen(seenSeq(el, messages, !tl.hasMoreAfter));
  };
  const reportNow = useRef(report);
  reportNow.current = report;

  const measure = () => {
    const el = scroller.current;
    if (!el) return;
    atBottom.current = isAtBottom(el);
    report();
    if (el.scrollTop < 300 && tl.hasMoreBefore && !tl.loadingBefore) void loadBefore(chat.id);
    if (atBottom.current && tl.hasMoreAfter) void loadAfter(chat.id).catch(() => {});
  };

  const toBottom = (el: HTMLElement) => {
    el.scrollTop = el.scrollHeight;
    atBottom.current = true;
  };

  // A new window opens at the unread line or the bottom; a send comes down to it; older
  // messages arriving above keep the reader's place; new ones are followed at the bottom.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const a = anchor.current;
    const first = tl.items[0]?.id;
    const last = tl.items[tl.items.length - 1]?.id;
    if (a.epoch !== tl.epoch) {
      if (tl.focusId) atBottom.current = false;
      else if (tl.anchorUnread && divider.current) {
        // The line a little below the top, under the last of what was read.
        const above = Math.min(120, el.clientHeight / 4);
        el.scrollTop += divider.current.getBoundingClientRect().top - el.getBoundingClientRect().top - above;
        atBottom.current = isAtBottom(el);
      } else toBottom(el);
    } else if (mainPending.length > a.pending) {
      // I just sent: that is where I look now, wherever I had scrolled.
      if (tl.hasMoreAfter) void loadLatest(chat.id);
      toBottom(el);
    } else if (first !== a.firstId && a.firstId && last === a.lastId) {
      el.scrollTop = el.scrollHeight - a.fromBottom;
    } else if (atBottom.current) {
      el.scrollTop = el.scrollHeight;
    }
    anchor.current = {
      firstId: first,
      lastId: last,
      epoch: tl.epoch,
      fromBottom: el.scrollHeight - el.scrollTop,
      pending: mainPending.length,
    };
    report();
  });

  // Images load and the keyboard opens after the scroll: stay at the bottom if we were there.
  useEffect(() => {
    const el = scroller.current;
    if (!el || !content.current || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current) el.scrollTop = el.scrollHeight;
      reportNow.current();
    });
    observer.observe(el);
    observer.observe(content.current);
    return () => observer.disconnect();
  }, []);

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
  const lastMine = tl.items.findLast((m) => m.senderId === me && m.kind !== 'system' && !m.recalled)?.id;
  const readAtOpen = tl.unreadAfter;
  const firstUnread = readAtOpen === null ? undefined : tl.items.find((m) => m.seq > readAtOpen)?.id;
  return (
    <div className="msg-scroll-wrap">
      <div className="msg-scroll" ref={scroller} onScroll={measure} data-testid="message-list">
        <div ref={content}>
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
            const run = startsRun(prev, m) || m.id === firstUnread;
            const newDay = !prev || !sameDay(prev.createdAt, m.createdAt);
            prev = m;
            return (
              <Fragment key={m.id}>
                {m.id === firstUnread ? <UnreadDivider ref={divider} /> : null}
                {newDay ? <div className="msg-day">{dayLabel(m.createdAt, locale)}</div> : null}
                <MessageItem
                  message={m}
                  me={me}
                  showHeader={run}
                  canPost={props.canPost}
                  receipt={
                    // A direct chat says "Read" under my last message only; a group counts under each.
                    receipts && m.senderId === me && (chat.kind !== 'direct' || m.id === lastMine) ? receipts(m.seq) : null
                  }
                  direct={chat.kind === 'direct'}
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
      </div>
      {showJump ? (
        <Button
          className="msg-jump-latest"
          shape="round"
          icon={<ArrowDownOutlined />}
          onClick={() => {
            if (tl.hasMoreAfter) void loadLatest(chat.id);
            else if (scroller.current) toBottom(scroller.current);
          }}
          data-testid="jump-latest"
        >
          {chat.unread > 0 ? t('conv.newBelow', { count: chat.unread }) : t('conv.jumpLatest')}
        </Button>
      ) : null}
    </div>
  );
}
