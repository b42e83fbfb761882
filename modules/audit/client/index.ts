import { lazy } from 'react';
import type { ClientModule } from '../../../platform/client/module.js';
import { auditCatalogs } from './i18n.js';

/** The audit log as a tab of the admin console (admins only, like the log's endpoints). */
export const auditClient: ClientModule = {
  id: 'audit',
  i18n: auditCatalogs,
  routes: [],
  nav: [],
  adminTabs: [
    {
      key: 'audit',
      labelKey: 'audit:tab',
      roles: ['admin'],
      order: 90,
      Component: lazy(async () => ({ default: (await import('./audit-log.js')).AuditLog })),
    },
  ],
};
