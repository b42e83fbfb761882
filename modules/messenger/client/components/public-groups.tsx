import { LeftOutlined, SearchOutlined, TeamOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Input, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, errorMessage, queryKeyOf, useApiQuery } from '../../../../platform/client/api.js';
import { useIsPhone } from '../../../../platform/client/ui/responsive.js';
import { useDebounced } from '../../../../platform/client/use-debounced.js';
import { getChat, joinChat, listPublicChats } from '../../shared/contract.js';
import type { ChatView } from '../../shared/types.js';
import { ViewFrame } from '../pages/views.js';
import { refreshChats } from '../data/chats.js';
import { ChatAvatar } from './chat-avatar.js';

type Cid = `chat_${string}`;

/** Joins a public group and puts it into my list; the open chat then turns from preview into conversation. */
function useJoin() {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [joining, setJoining] = useState<string | null>(null);
  const join = async (chatId: string): Promise<boolean> => {
    setJoining(chatId);
    try {
      const chat = await api(joinChat, { params: { chatId: chatId as Cid } });
      qc.setQueryData(queryKeyOf(getChat, { params: { chatId: chatId as Cid } }), chat);
      await refreshChats(qc);
      void qc.invalidateQueries({ queryKey: [listPublicChats.method, listPublicChats.path] });
      return true;
    } catch (err) {
      message.error(errorMessage(err));
      return false;
    } finally {
      setJoining(null);
    }
  };
  return { join, joining };
}

/** "Browse public groups": every public group of the organization, searchable; a click previews it. */
export function PublicGroupsView() {
  const { t } = useTranslation('messenger');
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim(), 200);
  const groups = useApiQuery(
    listPublicChats,
    { query: { limit: 100, ...(search ? { q: search } : {}) } },
    { placeholderData: (p) => p, staleTime: 0 },
  );
  return (
    <ViewFrame title={t('discover.title')} testId="public-groups">
      <div className="msg-discover-search">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('discover.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          data-testid="public-groups-search"
        />
      </div>
      {groups.isPending ? <Skeleton active avatar style={{ padding: 16 }} /> : null}
      {groups.data?.items.length === 0 ? (
        <Empty description={search ? t('list.noResults') : t('discover.empty')} style={{ marginTop: 48 }} />
      ) : null}
      {groups.data?.items.map((c) => (
        <button
          type="button"
          key={c.id}
          className="msg-chat-row msg-discover-row"
          onClick={() => navigate(`/messages/${c.id}`)}
          data-testid={`public-group-${c.id}`}
          data-chat-name={c.name}
        >
          <ChatAvatar chat={c} />
          <span className="msg-chat-main">
            <span className="msg-chat-top">
              <span className="msg-chat-name">{c.name}</span>
              {c.myRole ? (
                <Tag className="msg-kind-tag" bordered={false} color="green">
                  {t('discover.joined')}
                </Tag>
              ) : null}
            </span>
            <span className="msg-chat-preview">
              {[t('conv.memberCount', { count: c.memberCount }), c.description].filter(Boolean).join(' · ')}
            </span>
          </span>
        </button>
      ))}
    </ViewFrame>
  );
}

/** A public group seen from outside: what it is about and a Join button (its messages open after joining). */
export function ChatPreview({ chat }: { chat: ChatView }) {
  const { t } = useTranslation('messenger');
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const { join, joining } = useJoin();
  return (
    <section className="msg-conv" data-testid="chat-preview" data-chat-id={chat.id}>
      <header className="msg-conv-head">
        {isPhone ? (
          <Button
            type="text"
            icon={<LeftOutlined />}
            onClick={() => navigate('/messages/discover')}
            aria-label={t('conv.back')}
            data-testid="conv-back"
          />
        ) : null}
        <div className="msg-conv-title">
          <div className="msg-conv-name">{t('discover.previewTitle')}</div>
        </div>
      </header>
      <div className="msg-preview">
        <ChatAvatar chat={chat} size={72} />
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="chat-preview-name">
          {chat.name}
        </Typography.Title>
        <div className="msg-conv-sub">
          <TeamOutlined /> {t('conv.memberCount', { count: chat.memberCount })}
        </div>
        {chat.description ? (
          <Typography.Paragraph className="msg-preview-text" data-testid="chat-preview-description">
            {chat.description}
          </Typography.Paragraph>
        ) : null}
        {chat.announcement?.text ? (
          <div className="msg-preview-announcement">
            <Typography.Text strong>{t('conv.announcement')}</Typography.Text>
            <Typography.Paragraph className="msg-preview-text">{chat.announcement.text}</Typography.Paragraph>
          </div>
        ) : null}
        <Typography.Paragraph type="secondary">
          {chat.settings.historyVisible ? t('discover.historyVisible') : t('discover.historyHidden')}
        </Typography.Paragraph>
        <Button
          type="primary"
          size="large"
          loading={joining === chat.id}
          onClick={() => void join(chat.id)}
          data-testid="join-chat"
        >
          {t('conv.join')}
        </Button>
      </div>
    </section>
  );
}
