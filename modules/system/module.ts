import type { ServerModule } from '../../platform/server/module.js';
import { systemRoutes } from './server/routes.js';

/**
 * Operational endpoints: health, the OpenAPI document and its docs page. `modules` is the
 * full module list (this one included), so the document covers every registered contract.
 */
export function systemModule(modules: () => readonly ServerModule[]): ServerModule {
  return { id: 'system', routes: systemRoutes(modules), migrations: {} };
}
