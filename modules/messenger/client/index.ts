import { MessageOutlined } from '@ant-design/icons';
import { createElement, lazy } from 'react';
import type { ClientModule } from '../../../platform/client/module.js';
import { messengerCatalogs } from './i18n.js';

const page = async () => ({ Component: (await import('./pages/messages-page.js')).MessagesPage });

/**
 * The messenger in the web app: chat list and conversation (one screen each on phones),
 * mentions, threads and inbox views, and a live unread badge in the navigation. Everything
 * loads on demand, so the manifest (and the i18n test importing it) pulls in no UI code.
 */
export const messengerClient: ClientModule = {
  id: 'messenger',
  i18n: messengerCatalogs,
  routes: [
    { path: 'messages', lazy: page },
    { path: 'messages/:chatId', lazy: page },
    // "My direct chat with this person", for links from other modules (the contact card).
    {
      path: 'messages/with/:userId',
      lazy: async () => ({ Component: (await import('./pages/open-direct-page.js')).OpenDirectPage }),
    },
    // A message's own address: opens its chat scrolled to it (see MessagesPage).
    { path: 'messages/:chatId/:messageId', lazy: page },
  ],
  nav: [
    {
      path: '/messages',
      labelKey: 'messenger:nav.messages',
      icon: createElement(MessageOutlined),
      testId: 'nav-messages',
      Badge: lazy(async () => ({ default: (await import('./components/unread-badge.js')).UnreadBadge })),
    },
  ],
  Provider: lazy(async () => ({ default: (await import('./data/messenger-provider.js')).MessengerProvider })),
};
