import { accountsModule } from '../../modules/accounts/module.js';
import { auditModule } from '../../modules/audit/module.js';
import { filesModule } from '../../modules/files/module.js';
import { messengerModule } from '../../modules/messenger/module.js';
import { orgModule } from '../../modules/org/module.js';
import { presenceModule } from '../../modules/presence/module.js';
import { systemModule } from '../../modules/system/module.js';
import type { ServerModule } from '../../platform/server/module.js';

/**
 * Every server module, listed explicitly: nothing registers itself. `system` (API docs) and
 * `files` (scope checks) read this same list, lazily, to see the other modules.
 */
export const serverModules: ServerModule[] = [
  systemModule(() => serverModules),
  auditModule,
  orgModule,
  accountsModule,
  filesModule(() => serverModules),
  messengerModule(),
  presenceModule,
];
