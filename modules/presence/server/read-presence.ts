import type { AppContext } from '../../../platform/server/app-context.js';
import type { PresenceView } from '../../../platform/shared/presence.js';
import { activeMemberZones } from '../../org/server/index.js';
import { dndState } from './dnd-state.js';
import { readDndSettings } from './settings-store.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * Presence of up to 200 people. The one visibility rule: any active member may see any member's
 * presence (the route admits only active members); a deactivated or unknown id reads as offline
 * with nothing else, so ids cannot be probed for settings.
 */
export async function readPresenceUseCase(ctx: AppContext, ids: string[]): Promise<{ people: PresenceView[] }> {
  const zones = await activeMemberZones(ctx.db, ids);
  const active = [...zones.keys()];
  const [statuses, settings] = await Promise.all([ctx.hub.presence.read(active), readDndSettings(ctx.db, active)]);
  const now = Date.now();
  return {
    people: ids.map((userId) => {
      const zone = zones.get(userId);
      if (zone === undefined) {
        return { userId, status: 'offline', dnd: false, dndUntil: null, changesAt: null, activity: null };
      }
      const dnd = dndState(settings.get(userId), zone, now);
      return {
        userId,
        status: statuses.get(userId) ?? 'offline',
        dnd: dnd.dnd,
        dndUntil: iso(dnd.until),
        changesAt: iso(dnd.changesAt),
        activity: null,
      };
    }),
  };
}
