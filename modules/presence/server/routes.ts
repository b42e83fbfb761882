import { route } from '../../../platform/server/http/route.js';
import { getMyPresenceSettings, getPresence, setMyPresenceSettings } from '../../../platform/shared/presence.js';
import { getMySettingsUseCase, setMySettingsUseCase } from './my-settings.js';
import { readPresenceUseCase } from './read-presence.js';

export const routes = [
  route(getPresence, ({ ctx, query }) => readPresenceUseCase(ctx, query.ids)),
  route(getMyPresenceSettings, ({ ctx, caller }) => getMySettingsUseCase(ctx, caller)),
  route(setMyPresenceSettings, ({ ctx, caller, body }) => setMySettingsUseCase(ctx, caller, body)),
];
