import { accountsModule } from '../../modules/accounts/module.js';
import { auditModule } from '../../modules/audit/module.js';
import { orgModule } from '../../modules/org/module.js';
import { systemModule } from '../../modules/system/module.js';
import type { ServerModule } from '../../platform/server/module.js';

/** Every server module, listed explicitly: nothing registers itself. */
export const serverModules: ServerModule[] = [systemModule, auditModule, orgModule, accountsModule];
