import type { ServerModule } from '../../platform/server/module.js';
import * as init from './server/migrations/20261121T1000-files-init.js';
import { scopeRegistry } from './server/access.js';
import { filesRoutes } from './server/routes.js';

/**
 * Uploads and downloads. `modules` is the full module list: files asks each module's
 * `fileScopes` whether a caller may read a file shared into that module's scope.
 */
export function filesModule(modules: () => readonly ServerModule[]): ServerModule {
  return {
    id: 'files',
    routes: filesRoutes(scopeRegistry(modules)),
    migrations: { '20261121T1000-files-init': init },
  };
}
