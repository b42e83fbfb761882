import { accountsClient } from '../../../modules/accounts/client/index.js';
import { auditClient } from '../../../modules/audit/client/index.js';
import { messengerClient } from '../../../modules/messenger/client/index.js';
import { orgClient } from '../../../modules/org/client/index.js';
import { presenceClient } from '../../../modules/presence/client/index.js';
import type { ClientModule } from '../../../platform/client/module.js';

/** Every module of the web app, listed explicitly (their order is the navigation's order). */
export const clientModules: ClientModule[] = [orgClient, messengerClient, accountsClient, auditClient, presenceClient];
