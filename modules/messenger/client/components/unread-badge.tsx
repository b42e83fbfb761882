import { Badge } from 'antd';
import { useChatList } from '../data/chats.js';

/** The total unread count (muted chats left out) next to "Messages" in the navigation. */
export function UnreadBadge() {
  const total = useChatList().data?.totalUnread ?? 0;
  if (total <= 0) return null;
  return (
    <Badge
      count={total}
      overflowCount={99}
      size="small"
      className="skein-nav-badge"
      data-testid="messages-unread-total"
      title={String(total)}
    />
  );
}
