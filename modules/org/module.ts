import type { ServerModule } from '../../platform/server/module.js';
import { seedOrgDemo } from './server/demo/seed-demo.js';
import * as init from './server/migrations/20261121T0900-org-init.js';
import * as sortName from './server/migrations/20261204T0900-org-sort-name.js';
import { routes } from './server/routes.js';

export const orgModule: ServerModule = {
  id: 'org',
  routes,
  migrations: { '20261121T0900-org-init': init, '20261204T0900-org-sort-name': sortName },
  seedDemo: seedOrgDemo,
};
