import type { ClientModule } from '../../../platform/client/module.js';
import { presenceCatalogs } from '../../../platform/client/presence/i18n.js';
import { openStatusDialog, StatusMenuLabel } from '../../../platform/client/presence/status-menu.js';
import { PresenceProvider } from './presence-provider.js';

/**
 * Presence in the web app: activity reports, the status entry of the account menu and its
 * dialog. The dots and the typing line are platform pieces other modules mount
 * (platform/client/presence), with this module's strings.
 */
export const presenceClient: ClientModule = {
  id: 'presence',
  i18n: presenceCatalogs,
  routes: [],
  nav: [],
  accountMenu: [{ key: 'status', Label: StatusMenuLabel, onClick: openStatusDialog }],
  Provider: PresenceProvider,
};
