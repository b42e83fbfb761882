import type { ServerModule } from '../../platform/server/module.js';
import * as settings from './server/migrations/20261208T1400-presence-settings.js';
import { authorizePresenceTopic } from './server/presence-topic.js';
import { routes } from './server/routes.js';

/**
 * Presence's stored half: do-not-disturb settings, the batch read and the `presence:<id>`
 * topic. Who is connected lives in the hub (platform/server/realtime/presence.ts).
 */
export const presenceModule: ServerModule = {
  id: 'presence',
  routes,
  migrations: { '20261208T1400-presence-settings': settings },
  topics: { presence: authorizePresenceTopic },
};
