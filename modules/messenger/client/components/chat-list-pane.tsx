import {
  BellOutlined,
  CommentOutlined,
  CompassOutlined,
  MessageOutlined,
  MutedOutlined,
  NotificationOutlined,
  PlusOutlined,
  SearchOutlined,
  SettingOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Dropdown, Input, Skeleton, Tag, Tooltip } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, errorMessage, useApiQuery } from '../../../../platform/client/api.js';
import { shortTime } from '../../../../platform/client/format.js';
import { useLocale } from '../../../../platform/client/i18n.js';
import { PersonAvatar } from '../../../../platform/client/person-card.js';
import { useDebounced } from '../../../../platform/client/use-debounced.js';
import { searchMembers } from '../../../org/shared/contract.js';
import { listInbox, listMyChats, openDirectChat } from '../../shared/contract.js';
import type { ChatView } from '../../shared/types.js';
import { DraftPreview } from '../compose/draft-preview.js';
import { refreshChats, unreadMentionsOf, useChatList } from '../data/chats.js';
import { askNotificationPermission, notificationPermission } from '../data/notifications.js';
import { nameOf, seedPeople, toPerson, usePerson } from '../data/people.js';
import { ChatAvatar, useChatName } from './chat-avatar.js';
import { MessengerSettingsModal } from './messenger-settings-modal.js';
import { NewChatModal } from './new-chat-modal.js';
import { previewText } from './preview.js';

/** The left pane: search (chats and people), shortcuts to mentions/threads/inbox, and the chat list. */
export function ChatListPane(props: { activeId?: string; me: string; isAdmin: boolean }) {
  const { t } = useTranslation('messenger');
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState<'group' | 'channel' | null>(null);
  const search = useDebounced(q.trim(), 200);
  const chats = useChatList();
  const inbox = useApiQuery(listInbox, { query: { unread: 'true', limit: 1 } }, { staleTime: 30_000 });
  const [permission, setPermission] = useState(notificationPermission());
  const [settingsOpen, setSettingsOpen] = useState(false);

  const newItems = [
    { key: 'group', icon: <UsergroupAddOutlined />, label: <span data-testid="new-group">{t('list.newGroup')}</span> },
    ...(props.isAdmin
      ? [{ key: 'channel', icon: <NotificationOutlined />, label: <span data-testid="new-channel">{t('list.newChannel')}</span> }]
      : []),
  ];

  return (
    <div className="msg-list-pane" data-testid="chat-list-pane">
      <div className="msg-list-head">
        <span className="msg-list-title">{t('nav.messages')}</span>
        <span className="msg-list-actions">
          {permission === 'default' ? (
            <Tooltip title={t('list.notify')}>
              <Button
                type="text"
                shape="circle"
                icon={<BellOutlined />}
                aria-label={t('list.notify')}
                onClick={async () => setPermission(await askNotificationPermission())}
              />
            </Tooltip>
          ) : null}
          {props.isAdmin ? (
            <Tooltip title={t('orgSettings.title')}>
              <Button
                type="text"
                shape="circle"
                icon={<SettingOutlined />}
                aria-label={t('orgSettings.title')}
                onClick={() => setSettingsOpen(true)}
                data-testid="messenger-settings"
              />
            </Tooltip>
          ) : null}
          <Dropdown trigger={['click']} menu={{ items: newItems, onClick: ({ key }) => setCreating(key as 'group' | 'channel') }}>
            <Button type="text" shape="circle" icon={<PlusOutlined />} aria-label={t('list.new')} data-testid="new-chat" />
          </Dropdown>
        </span>
      </div>
      <div className="msg-list-search">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('list.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          data-testid="chat-search"
        />
      </div>
      {search ? (
        <SearchResults
          q={search}
          me={props.me}
          onOpen={(id) => {
            setQ('');
            navigate(`/messages/${id}`);
          }}
        />
      ) : (
        <>
          <div className="msg-shortcuts">
            <Shortcut
              to="mentions"
              active={props.activeId === 'mentions'}
              icon={<MessageOutlined />}
              label={t('list.mentions')}
              count={unreadMentionsOf(chats.data?.items ?? [])}
            />
            <Shortcut to="threads" active={props.activeId === 'threads'} icon={<CommentOutlined />} label={t('list.threads')} />
            <Shortcut
              to="inbox"
              active={props.activeId === 'inbox'}
              icon={<BellOutlined />}
              label={t('list.inbox')}
              count={inbox.data?.unreadCount ?? 0}
            />
            <Shortcut
              to="discover"
              active={props.activeId === 'discover'}
              icon={<CompassOutlined />}
              label={t('list.discover')}
              title={t('discover.title')}
            />
          </div>
          <div className="msg-chat-scroll" data-testid="chat-list">
            {chats.isPending ? (
              <Skeleton active avatar paragraph={{ rows: 2 }} style={{ padding: 16 }} />
            ) : chats.error ? (
              <div className="msg-empty">{errorMessage(chats.error)}</div>
            ) : chats.data.items.length === 0 ? (
              <div className="msg-empty">{t('list.empty')}</div>
            ) : (
              chats.data.items.map((c) => (
                <ChatRow
                  key={c.id}
                  chat={c}
                  me={props.me}
                  active={c.id === props.activeId}
                  onOpen={() => navigate(`/messages/${c.id}`)}
                />
              ))
            )}
          </div>
        </>
      )}
      <NewChatModal kind={creating} onClose={() => setCreating(null)} me={props.me} isAdmin={props.isAdmin} />
      {props.isAdmin ? <MessengerSettingsModal open={settingsOpen} onClose={() => setSettingsOpen(false)} /> : null}
    </div>
  );
}

function Shortcut(props: { to: string; active: boolean; icon: ReactNode; label: string; count?: number; title?: string }) {
  const navigate = useNavigate();
  return (
    <button
      type="button"
      className={props.active ? 'msg-shortcut active' : 'msg-shortcut'}
      onClick={() => navigate(`/messages/${props.to}`)}
      title={props.title}
      data-testid={`view-${props.to}`}
    >
      <Badge count={props.count} size="small" offset={[4, -2]} data-testid={`view-${props.to}-count`}>
        <span className="msg-shortcut-icon">{props.icon}</span>
      </Badge>
      <span>{props.label}</span>
    </button>
  );
}

/** One conversation in the list: face, name, time, last message, "@you", unread count, level. */
export function ChatRow(props: { chat: ChatView; me: string; active?: boolean; onOpen: () => void }) {
  const { t } = useTranslation('messenger');
  const locale = useLocale();
  const { chat } = props;
  const name = useChatName(chat);
  const last = chat.lastMessage;
  const { name: sender } = usePerson(last && chat.kind !== 'direct' && last.senderId !== props.me ? last.senderId : null);
  const who = !last ? '' : last.senderId === props.me ? `${t('list.you')}: ` : chat.kind !== 'direct' ? `${sender}: ` : '';
  return (
    <button
      type="button"
      className={props.active ? 'msg-chat-row active' : 'msg-chat-row'}
      onClick={props.onOpen}
      data-testid={`chat-row-${chat.id}`}
      data-chat-name={chat.name}
    >
      <ChatAvatar chat={chat} />
      <span className="msg-chat-main">
        <span className="msg-chat-top">
          <span className="msg-chat-name" data-testid="chat-row-name">
            {name}
          </span>
          <span className="msg-chat-time">{shortTime(chat.lastMessageAt ?? chat.createdAt, locale)}</span>
        </span>
        <span className="msg-chat-bottom">
          {chat.kind === 'department' ? (
            <Tag className="msg-kind-tag" bordered={false} color="blue" data-testid="chat-row-department">
              {t('department.tag')}
            </Tag>
          ) : null}
          {chat.unreadMentions > 0 ? (
            <span className="msg-at-you" data-testid="chat-row-at-you">
              {t('list.atYou')}
            </span>
          ) : null}
          <DraftPreview chatId={chat.id}>
            <span className="msg-chat-preview" data-testid="chat-row-preview">
              {last ? `${who}${previewText(last, t)}` : t('preview.empty')}
            </span>
          </DraftPreview>
          {chat.muted ? <MutedOutlined className="msg-muted" aria-label={t('list.muted')} data-testid="chat-row-muted" /> : null}
          {chat.unread > 0 ? (
            <Badge
              count={chat.unread}
              overflowCount={99}
              // Only chats at level "all" are red: the others stay out of the total.
              color={chat.notifyLevel === 'all' ? undefined : '#bbbfc4'}
              data-testid="chat-row-unread"
              className="msg-chat-badge"
            />
          ) : null}
        </span>
      </span>
    </button>
  );
}

/** Search-as-you-type: my chats by name, and people from the directory (opening a direct chat). */
function SearchResults(props: { q: string; me: string; onOpen: (chatId: string) => void }) {
  const { t } = useTranslation('messenger');
  const { message } = App.useApp();
  const locale = useLocale();
  const qc = useQueryClient();
  const chats = useApiQuery(listMyChats, { query: { q: props.q, limit: 20 } }, { placeholderData: (p) => p });
  const people = useApiQuery(searchMembers, { query: { q: props.q, limit: 10 } }, { placeholderData: (p) => p });
  const members = (people.data?.items ?? []).filter((m) => m.id !== props.me);
  useEffect(() => {
    if (people.data) seedPeople(qc, people.data.items.map(toPerson));
  }, [qc, people.data]);

  const openPerson = async (userId: string) => {
    try {
      const chat = await api(openDirectChat, { body: { userId: userId as `usr_${string}` } });
      await refreshChats(qc);
      props.onOpen(chat.id);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const none = chats.data && people.data && chats.data.items.length === 0 && members.length === 0;
  return (
    <div className="msg-chat-scroll" data-testid="chat-search-results">
      {chats.data?.items.length ? <div className="msg-section">{t('list.chats')}</div> : null}
      {chats.data?.items.map((c) => (
        <ChatRow key={c.id} chat={c} me={props.me} onOpen={() => props.onOpen(c.id)} />
      ))}
      {members.length ? <div className="msg-section">{t('list.people')}</div> : null}
      {members.map((m) => (
        <button
          type="button"
          key={m.id}
          className="msg-chat-row"
          onClick={() => void openPerson(m.id)}
          data-testid={`person-result-${m.id}`}
        >
          <PersonAvatar userId={m.id} name={nameOf(toPerson(m), locale)} person={m} avatarUrl={m.avatarUrl} size={40} static />
          <span className="msg-chat-main">
            <span className="msg-chat-name">{nameOf(toPerson(m), locale)}</span>
            <span className="msg-chat-preview">{[m.title, m.email].filter(Boolean).join(' · ')}</span>
          </span>
        </button>
      ))}
      {none ? <div className="msg-empty">{t('list.noResults')}</div> : null}
    </div>
  );
}
