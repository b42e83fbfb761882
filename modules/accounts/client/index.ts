import { SettingOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { ClientModule } from '../../../platform/client/module.js';
import { accountsCatalogs } from './i18n.js';

/** Accounts in the web app: setup, sign-in and invite pages, and personal settings. Pages load on demand. */
export const accountsClient: ClientModule = {
  id: 'accounts',
  i18n: accountsCatalogs,
  publicRoutes: [
    { path: 'setup', lazy: async () => ({ Component: (await import('./pages/setup-page.js')).SetupPage }) },
    { path: 'login', lazy: async () => ({ Component: (await import('./pages/login-page.js')).LoginPage }) },
    { path: 'invite/:token', lazy: async () => ({ Component: (await import('./pages/invite-page.js')).InvitePage }) },
  ],
  routes: [
    { path: 'settings/:tab?', lazy: async () => ({ Component: (await import('./pages/settings-page.js')).SettingsPage }) },
  ],
  nav: [{ path: '/settings', labelKey: 'accounts:nav.settings', icon: createElement(SettingOutlined), testId: 'nav-settings' }],
};
