import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../shared/types.js';
import { useChatList } from '../data/chats.js';

/**
 * "Forwarded from <chat>". The server names the source only to readers who may see it; a live
 * message arrives without the name (one frame for every member), so a chat of the reader's own
 * list fills it in — being in the list is the same permission. Otherwise just "Forwarded".
 */
export function ForwardedFrom({ from }: { from: NonNullable<MessageView['forwardedFrom']> }) {
  const { t } = useTranslation('messenger');
  const list = useChatList();
  const mine = list.data?.items.find((c) => c.id === from.chatId && c.kind !== 'direct');
  const name = from.chatName ?? mine?.name;
  return (
    <div className="msg-forwarded" data-testid="message-forwarded">
      {name ? t('message.forwardedFrom', { name }) : t('message.forwarded')}
    </div>
  );
}
