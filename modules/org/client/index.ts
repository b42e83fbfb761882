import { ContactsOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { createElement, lazy } from 'react';
import type { ClientModule } from '../../../platform/client/module.js';
import { orgCatalogs } from './i18n.js';

/** The org directory in the web app: directory page, contact cards everywhere, admin console. */
export const orgClient: ClientModule = {
  id: 'org',
  i18n: orgCatalogs,
  routes: [
    { path: 'directory', lazy: async () => ({ Component: (await import('./pages/directory-page.js')).DirectoryPage }) },
    { path: 'admin/:tab?', lazy: async () => ({ Component: (await import('./pages/admin-page.js')).AdminPage }) },
  ],
  nav: [
    { path: '/directory', labelKey: 'org:nav.directory', icon: createElement(ContactsOutlined), testId: 'nav-directory' },
    {
      path: '/admin',
      labelKey: 'org:nav.admin',
      icon: createElement(SafetyCertificateOutlined),
      roles: ['admin', 'hr_admin'],
      testId: 'nav-admin',
    },
  ],
  // Lazy like the pages, so the manifest (and the i18n test importing it) pulls in no UI code.
  Provider: lazy(async () => ({ default: (await import('./components/contact-card-host.js')).ContactCardHost })),
};
