import { ContactsOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { createElement, lazy } from 'react';
import type { ClientModule } from '../../../platform/client/module.js';
import { orgCatalogs } from './i18n.js';

const directory = async () => ({ Component: (await import('./pages/directory-page.js')).DirectoryPage });

/** The org directory in the web app: directory page, contact cards everywhere, the people tabs of the admin console. */
export const orgClient: ClientModule = {
  id: 'org',
  i18n: orgCatalogs,
  routes: [
    // A person (/directory/people/:userId opens their card) and a department have addresses of their own.
    { path: 'directory', lazy: directory },
    { path: 'directory/people/:userId', lazy: directory },
    { path: 'directory/departments/:departmentId', lazy: directory },
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
  // HR admins manage people and invites; the organization's shape is for admins only.
  adminTabs: [
    {
      key: 'members',
      labelKey: 'org:admin.tabs.members',
      roles: ['admin', 'hr_admin'],
      order: 10,
      Component: lazy(async () => ({ default: (await import('./components/admin/admin-members.js')).AdminMembers })),
    },
    {
      key: 'departments',
      labelKey: 'org:admin.tabs.departments',
      roles: ['admin'],
      order: 20,
      Component: lazy(async () => ({ default: (await import('./components/admin/admin-departments.js')).AdminDepartments })),
    },
    {
      key: 'invites',
      labelKey: 'org:admin.tabs.invites',
      roles: ['admin', 'hr_admin'],
      order: 30,
      Component: lazy(async () => ({ default: (await import('./components/admin/admin-invites.js')).AdminInvites })),
    },
    {
      key: 'organization',
      labelKey: 'org:admin.tabs.organization',
      roles: ['admin'],
      order: 40,
      Component: lazy(async () => ({ default: (await import('./components/admin/admin-organization.js')).AdminOrganization })),
    },
  ],
  // Lazy like the pages, so the manifest (and the i18n test importing it) pulls in no UI code.
  Provider: lazy(async () => ({ default: (await import('./components/contact-card-host.js')).ContactCardHost })),
};
