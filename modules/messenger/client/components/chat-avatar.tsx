import { NotificationOutlined, TeamOutlined } from '@ant-design/icons';
import { Avatar } from 'antd';
import { PersonAvatar } from '../../../../platform/client/person-card.js';
import { PresenceBadge } from '../../../../platform/client/presence/presence-badge.js';
import type { ChatView } from '../../shared/types.js';
import { usePerson } from '../data/people.js';

const COLORS = ['#3370ff', '#14c0ff', '#00b96b', '#ff8800', '#f54a45', '#7f3bf5', '#2f54eb', '#fa541c'];

function colorOf(id: string): string {
  let h = 0x811c9dc5;
  for (const ch of id) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return COLORS[h % COLORS.length];
}

/** A chat's face: the other person in a direct chat (with their presence), the group's picture or a coloured initial. */
export function ChatAvatar({ chat, size = 40 }: { chat: ChatView; size?: number }) {
  const { person, name } = usePerson(chat.kind === 'direct' ? chat.peerId : null);
  if (chat.kind === 'direct' && chat.peerId) {
    return (
      <PresenceBadge userId={chat.peerId} size={size}>
        <PersonAvatar
          userId={chat.peerId}
          name={person ? name : chat.name}
          person={person}
          avatarUrl={person?.avatarUrl}
          size={size}
          static
        />
      </PresenceBadge>
    );
  }
  if (chat.avatarUrl)
    return <Avatar src={chat.avatarUrl} size={size} shape="square" style={{ borderRadius: 10, flexShrink: 0 }} />;
  const icon = chat.kind === 'channel' ? <NotificationOutlined /> : chat.kind === 'department' ? <TeamOutlined /> : null;
  return (
    <Avatar
      size={size}
      shape="square"
      icon={icon ?? undefined}
      style={{ background: colorOf(chat.id), borderRadius: 10, flexShrink: 0, fontSize: size * 0.42 }}
    >
      {icon ? null : [...chat.name.trim()][0]?.toUpperCase()}
    </Avatar>
  );
}

/** A direct chat is called after the other person, in the reader's language. */
export function useChatName(chat: ChatView | undefined): string {
  const { person, name } = usePerson(chat?.kind === 'direct' ? chat.peerId : null);
  if (!chat) return '';
  return chat.kind === 'direct' && person ? name : chat.name;
}
