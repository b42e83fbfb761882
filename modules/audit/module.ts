import type { ServerModule } from '../../platform/server/module.js';
import * as init from './server/migrations/20261121T0910-audit-init.js';
import { routes } from './server/routes.js';

/** The audit log of admin and HR actions; other modules write to it through server/index.ts. */
export const auditModule: ServerModule = {
  id: 'audit',
  routes,
  migrations: { '20261121T0910-audit-init': init },
};
