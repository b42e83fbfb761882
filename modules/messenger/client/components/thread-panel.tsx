import { CloseOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Drawer, Skeleton } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage, useApiQuery } from '../../../../platform/client/api.js';
import { useIsPhone } from '../../../../platform/client/ui/responsive.js';
import { getThread, setThreadFollow } from '../../shared/contract.js';
import type { ChatView } from '../../shared/types.js';
import { retryPending } from '../data/send.js';
import { dropPending, useTimeline } from '../data/timeline.js';
import { Composer } from './composer.js';
import { type MessageActions, MessageItem, PendingItem } from './message-item.js';

/** A thread: its root, the replies in order and a reply composer. Full screen on phones. */
export function ThreadPanel(props: { chat: ChatView; me: string; rootId: string; onClose: () => void; actions: MessageActions }) {
  const { t } = useTranslation('messenger');
  const isPhone = useIsPhone();
  const qc = useQueryClient();
  const input = { params: { messageId: props.rootId as `msg_${string}` } };
  const thread = useApiQuery(getThread, input, { staleTime: 30_000 });
  const pending = useTimeline(props.chat.id).pending.filter((p) => p.threadRootId === props.rootId);
  const end = useRef<HTMLDivElement>(null);
  const count = (thread.data?.replies.length ?? 0) + pending.length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the newest reply
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [count]);

  const toggleFollow = async () => {
    if (!thread.data) return;
    await api(setThreadFollow, { ...input, body: { following: !thread.data.following } });
    await thread.refetch();
  };

  const body = (
    <div className="msg-thread" data-testid="thread-panel">
      <div className="msg-thread-head">
        <span className="msg-thread-title">{t('thread.title')}</span>
        {thread.data ? (
          <Button
            size="small"
            type={thread.data.following ? 'default' : 'primary'}
            ghost={!thread.data.following}
            onClick={() => void toggleFollow()}
            data-testid="thread-follow"
          >
            {thread.data.following ? t('thread.following') : t('thread.follow')}
          </Button>
        ) : null}
        <Button
          type="text"
          icon={<CloseOutlined />}
          onClick={props.onClose}
          aria-label={t('common:actions.close')}
          data-testid="thread-close"
        />
      </div>
      <div className="msg-thread-scroll">
        {thread.isPending ? <Skeleton active avatar style={{ padding: 16 }} /> : null}
        {thread.error ? <div className="msg-empty">{errorMessage(thread.error)}</div> : null}
        {thread.data ? (
          <>
            <div className="msg-thread-root">
              <MessageItem message={thread.data.root} me={props.me} showHeader canPost={false} inThread actions={props.actions} />
            </div>
            <div className="msg-thread-count" data-testid="thread-reply-count">
              {thread.data.replies.length === 0
                ? t('thread.noReplies')
                : thread.data.replies.length === 1
                  ? t('message.oneReply')
                  : t('message.replies', { count: thread.data.replies.length })}
            </div>
            <div data-testid="thread-replies">
              {thread.data.replies.map((r, i) => (
                <MessageItem
                  key={r.id}
                  message={r}
                  me={props.me}
                  showHeader={i === 0 || thread.data.replies[i - 1].senderId !== r.senderId}
                  canPost={false}
                  inThread
                  actions={{}}
                />
              ))}
              {pending.map((p) => (
                <PendingItem
                  key={p.clientId}
                  pending={p}
                  me={props.me}
                  showHeader
                  onRetry={() => void retryPending(qc, props.me, props.chat.id, p).catch(() => {})}
                  onDiscard={() => dropPending(props.chat.id, p.clientId)}
                />
              ))}
            </div>
            <div ref={end} />
          </>
        ) : null}
      </div>
      {thread.data ? (
        <Composer
          chat={props.chat}
          me={props.me}
          threadRootId={props.rootId}
          placeholder={t('composer.threadPlaceholder')}
          testId="thread-composer"
        />
      ) : null}
    </div>
  );

  if (isPhone) {
    return (
      <Drawer open placement="right" size="100vw" closable={false} onClose={props.onClose} styles={{ body: { padding: 0 } }}>
        {body}
      </Drawer>
    );
  }
  return <aside className="msg-thread-pane">{body}</aside>;
}
