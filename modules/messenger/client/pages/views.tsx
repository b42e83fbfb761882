import { LeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, Segmented, Skeleton, Tag } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, useApiQuery } from '../../../../platform/client/api.js';
import { shortTime } from '../../../../platform/client/format.js';
import { useLocale } from '../../../../platform/client/i18n.js';
import { PersonAvatar } from '../../../../platform/client/person-card.js';
import { useIsPhone } from '../../../../platform/client/ui/responsive.js';
import { listInbox, listMyMentions, listMyThreads, markInboxRead } from '../../shared/contract.js';
import type { MessageView } from '../../shared/types.js';
import { MessageBody } from '../components/message-item.js';
import { previewText } from '../components/preview.js';
import { useChatList } from '../data/chats.js';
import { usePerson } from '../data/people.js';

export function ViewFrame(props: { title: string; extra?: ReactNode; children: ReactNode; testId: string }) {
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const { t } = useTranslation('messenger');
  return (
    <section className="msg-conv" data-testid={props.testId}>
      <header className="msg-conv-head">
        {isPhone ? (
          <Button type="text" icon={<LeftOutlined />} onClick={() => navigate('/messages')} aria-label={t('conv.back')} />
        ) : null}
        <div className="msg-conv-title">
          <div className="msg-conv-name">{props.title}</div>
        </div>
        {props.extra}
      </header>
      <div className="msg-view-scroll">{props.children}</div>
    </section>
  );
}

function useChatName(chatId: string): string {
  return useChatList().data?.items.find((c) => c.id === chatId)?.name ?? '';
}

/** A message out of its chat: who, where, when; a click opens it in context. */
function MessageCard(props: { message: MessageView; me: string; extra?: ReactNode; onOpen: () => void }) {
  const { t } = useTranslation('messenger');
  const locale = useLocale();
  const { person, name } = usePerson(props.message.senderId);
  const chatName = useChatName(props.message.chatId);
  return (
    // biome-ignore lint/a11y/useSemanticElements: the card holds avatars, which are buttons themselves
    <div
      className="msg-card"
      role="button"
      tabIndex={0}
      onClick={props.onOpen}
      onKeyDown={(e) => e.key === 'Enter' && props.onOpen()}
      data-testid="view-item"
    >
      <PersonAvatar userId={props.message.senderId} name={name} person={person} avatarUrl={person?.avatarUrl} size={32} />
      <div className="msg-card-main">
        <div className="msg-head">
          <span className="msg-sender">{name}</span>
          {chatName ? <span className="msg-time">{t('views.inChat', { name: chatName })}</span> : null}
          <span className="msg-time">{shortTime(props.message.createdAt, locale)}</span>
          {props.extra}
        </div>
        <div className="msg-card-body">
          <MessageBody message={props.message} me={props.me} />
        </div>
      </div>
    </div>
  );
}

export function MentionsView({ me }: { me: string }) {
  const { t } = useTranslation('messenger');
  const navigate = useNavigate();
  const q = useApiQuery(listMyMentions, { query: { limit: 50 } }, { staleTime: 0 });
  return (
    <ViewFrame title={t('views.mentions')} testId="mentions-view">
      {q.isPending ? <Skeleton active avatar style={{ padding: 16 }} /> : null}
      {q.data?.items.length === 0 ? <Empty description={t('views.mentionsEmpty')} style={{ marginTop: 48 }} /> : null}
      {q.data?.items.map((m) => (
        <MessageCard key={m.id} message={m} me={me} onOpen={() => navigate(`/messages/${m.chatId}?m=${m.id}`)} />
      ))}
    </ViewFrame>
  );
}

export function ThreadsView({ me }: { me: string }) {
  const { t } = useTranslation('messenger');
  const navigate = useNavigate();
  const q = useApiQuery(listMyThreads, { query: { limit: 50 } }, { staleTime: 0 });
  return (
    <ViewFrame title={t('views.threads')} testId="threads-view">
      {q.isPending ? <Skeleton active avatar style={{ padding: 16 }} /> : null}
      {q.data?.items.length === 0 ? <Empty description={t('views.threadsEmpty')} style={{ marginTop: 48 }} /> : null}
      {q.data?.items.map(({ root, unreadReplies }) => (
        <MessageCard
          key={root.id}
          message={root}
          me={me}
          extra={
            <>
              <Tag>
                {root.threadReplyCount === 1 ? t('message.oneReply') : t('message.replies', { count: root.threadReplyCount })}
              </Tag>
              {unreadReplies > 0 ? <Badge count={t('views.newReplies', { count: unreadReplies })} /> : null}
            </>
          }
          onOpen={() => navigate(`/messages/${root.chatId}?m=${root.id}&thread=${root.id}`)}
        />
      ))}
    </ViewFrame>
  );
}

function InboxRow(props: {
  item: {
    id: string;
    kind: 'direct' | 'mention' | 'reply';
    chatId: string;
    read: boolean;
    createdAt: string;
    message: { id: string; senderId: string; kind: string; text: string; recalled: boolean };
  };
  onOpen: () => void;
}) {
  const { t } = useTranslation('messenger');
  const locale = useLocale();
  const { person, name } = usePerson(props.item.message.senderId);
  const chatName = useChatName(props.item.chatId);
  return (
    <button
      type="button"
      className={props.item.read ? 'msg-inbox-row' : 'msg-inbox-row unread'}
      onClick={props.onOpen}
      data-testid="inbox-item"
    >
      <PersonAvatar
        userId={props.item.message.senderId}
        name={name}
        person={person}
        avatarUrl={person?.avatarUrl}
        size={32}
        static
      />
      <span className="msg-card-main">
        <span className="msg-head">
          <span className="msg-sender">{name}</span>
          <span className="msg-time">{t(`views.inboxKinds.${props.item.kind}`)}</span>
          {chatName && props.item.kind !== 'direct' ? (
            <span className="msg-time">{t('views.inChat', { name: chatName })}</span>
          ) : null}
          <span className="msg-time">{shortTime(props.item.createdAt, locale)}</span>
        </span>
        <span className="msg-chat-preview">{previewText(props.item.message, t)}</span>
      </span>
      {props.item.read ? null : <span className="msg-dot" />}
    </button>
  );
}

export function InboxView() {
  const { t } = useTranslation('messenger');
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const input = { query: { limit: 50, ...(filter === 'unread' ? { unread: 'true' as const } : {}) } };
  const q = useApiQuery(listInbox, input, { staleTime: 0 });
  const refresh = () => qc.invalidateQueries({ queryKey: [listInbox.method, listInbox.path] });
  const open = async (item: { id: string; chatId: string; read: boolean; message: { id: string } }) => {
    if (!item.read) await api(markInboxRead, { body: { ids: [item.id] } }).catch(() => {});
    void refresh();
    navigate(`/messages/${item.chatId}?m=${item.message.id}`);
  };
  return (
    <ViewFrame
      title={t('views.inbox')}
      testId="inbox-view"
      extra={
        <Button
          size="small"
          onClick={() => void api(markInboxRead, { body: { all: true } }).then(refresh)}
          data-testid="inbox-read-all"
        >
          {t('views.markAllRead')}
        </Button>
      }
    >
      <div style={{ padding: '8px 16px' }}>
        <Segmented
          value={filter}
          onChange={(v) => setFilter(v as 'all' | 'unread')}
          options={[
            { value: 'all', label: t('views.all') },
            { value: 'unread', label: t('views.unreadOnly') },
          ]}
        />
      </div>
      {q.isPending ? <Skeleton active avatar style={{ padding: 16 }} /> : null}
      {q.data?.items.length === 0 ? <Empty description={t('views.inboxEmpty')} style={{ marginTop: 48 }} /> : null}
      {q.data?.items.map((item) => (
        <InboxRow key={item.id} item={item} onOpen={() => void open(item)} />
      ))}
    </ViewFrame>
  );
}
