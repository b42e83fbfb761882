import { Badge } from 'antd';
import { useEffect } from 'react';
import { useChatList } from '../data/chats.js';

/** "(3) Skein": the count in front of whatever title the page has, without stacking prefixes. */
export function titleWithCount(title: string, count: number): string {
  const bare = title.replace(/^\(\d+\+?\) /, '');
  return count > 0 ? `(${count > 99 ? '99+' : count}) ${bare}` : bare;
}

/** The total unread count (only chats at level "all") next to "Messages" in the navigation, and in the tab title. */
export function UnreadBadge() {
  const total = useChatList().data?.totalUnread ?? 0;
  useEffect(() => {
    document.title = titleWithCount(document.title, total);
    // Signed out (the badge unmounts): no stale count in the title.
    return () => {
      document.title = titleWithCount(document.title, 0);
    };
  }, [total]);
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
