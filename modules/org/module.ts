import type { ServerModule } from '../../platform/server/module.js';
import * as init from './server/migrations/20261121T0900-org-init.js';

export const orgModule: ServerModule = {
  id: 'org',
  routes: [],
  migrations: { '20261121T0900-org-init': init },
};
