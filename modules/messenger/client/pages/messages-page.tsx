import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useParams } from 'react-router';
import { useApiQuery } from '../../../../platform/client/api.js';
import { useIsPhone } from '../../../../platform/client/ui/responsive.js';
import { getMe } from '../../../accounts/shared/contract.js';
import { ChatListPane } from '../components/chat-list-pane.js';
import { Conversation, NoConversation } from '../components/conversation.js';
import { ChatPreview, PublicGroupsView } from '../components/public-groups.js';
import { useChat } from '../data/chats.js';
import { InboxView, MentionsView, ThreadsView } from './views.js';
import '../messenger.css';

const VIEWS = new Set(['mentions', 'threads', 'inbox', 'discover']);

function OpenChat({ chatId, me }: { chatId: string; me: string }) {
  const { t } = useTranslation('messenger');
  const { chat, error, isPending } = useChat(chatId);
  // A public group I am not in: a preview with Join, until I join (then its conversation opens).
  if (chat && chat.myRole === null) return <ChatPreview key={chat.id} chat={chat} />;
  if (chat) return <Conversation key={chat.id} chat={chat} me={me} />;
  if (isPending) return <div className="msg-conv" />;
  return (
    <div className="msg-conv msg-conv-empty" data-testid="chat-not-found">
      <Result status="404" title={t('conv.notFound')} subTitle={error ? String((error as Error).message) : undefined} />
    </div>
  );
}

/**
 * /messages and /messages/:chatId (or mentions | threads | inbox | discover). Desktop: the list and the
 * open conversation side by side. Phone: one screen at a time, with a back button.
 * /messages/:chatId/:messageId (a message's link) becomes the chat's jump-to-message address, ?m=.
 */
export function MessagesPage() {
  const { chatId, messageId } = useParams();
  const { search } = useLocation();
  const isPhone = useIsPhone();
  const me = useApiQuery(getMe, undefined, { retry: false, staleTime: 60_000 }).data?.user;
  if (chatId && messageId) {
    const query = new URLSearchParams(search);
    query.set('m', messageId);
    return <Navigate to={`/messages/${encodeURIComponent(chatId)}?${query}`} replace />;
  }
  if (!me) return null;
  const view = chatId && VIEWS.has(chatId) ? chatId : null;
  const isAdmin = me.roles.includes('admin');

  const right = !chatId ? (
    <NoConversation />
  ) : view === 'mentions' ? (
    <MentionsView me={me.id} />
  ) : view === 'threads' ? (
    <ThreadsView me={me.id} />
  ) : view === 'inbox' ? (
    <InboxView />
  ) : view === 'discover' ? (
    <PublicGroupsView />
  ) : (
    <OpenChat chatId={chatId} me={me.id} />
  );

  return (
    <div className={isPhone ? 'msg-page phone' : 'msg-page'} data-testid="messages-page">
      {!isPhone || !chatId ? <ChatListPane activeId={chatId} me={me.id} isAdmin={isAdmin} /> : null}
      {!isPhone || chatId ? right : null}
    </div>
  );
}
