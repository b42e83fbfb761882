import type { ServerModule } from '../../platform/server/module.js';
import * as init from './server/migrations/20261121T0905-accounts-init.js';
import { routes } from './server/routes.js';

export const accountsModule: ServerModule = {
  id: 'accounts',
  routes,
  migrations: { '20261121T0905-accounts-init': init },
};
