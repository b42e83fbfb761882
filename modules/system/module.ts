import type { ServerModule } from '../../platform/server/module.js';
import { routes } from './server/routes.js';

/** Operational endpoints: health, API docs. */
export const systemModule: ServerModule = { id: 'system', routes, migrations: {} };
