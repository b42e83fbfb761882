import type { ServerModule } from '../../platform/server/module.js';
import * as init from './server/migrations/20261121T0905-accounts-init.js';
import * as loginThrottle from './server/migrations/20261203T0900-accounts-login-throttle.js';
import { routes } from './server/routes.js';

export const accountsModule: ServerModule = {
  id: 'accounts',
  routes,
  migrations: { '20261121T0905-accounts-init': init, '20261203T0900-accounts-login-throttle': loginThrottle },
};
