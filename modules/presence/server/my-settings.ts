import type { AppContext } from '../../../platform/server/app-context.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { presenceTopic } from '../../../platform/server/realtime/presence.js';
import type { PresenceEvent } from '../../../platform/shared/realtime-protocol.js';
import { AppError } from '../../../platform/shared/errors.js';
import type { PresenceSettings } from '../../../platform/shared/presence.js';
import { presenceErrors } from '../shared/errors.js';
import { readDndSettings } from './settings-store.js';
import type { PresenceDb } from './tables.js';

type SettingsOut = PresenceSettings & { timezone: string };

/** The caller's do-not-disturb as they set it (an expired timed one reads as off). */
export async function getMySettingsUseCase(ctx: AppContext, caller: Caller): Promise<SettingsOut> {
  const setting = (await readDndSettings(ctx.db, [caller.userId])).get(caller.userId);
  const on = setting?.on && (setting.until === null || setting.until > Date.now());
  return {
    dnd: on ? { until: setting?.until ? new Date(setting.until).toISOString() : null } : null,
    schedule: setting?.schedule ?? null,
    timezone: caller.timezone,
  };
}

/**
 * Replaces the caller's do-not-disturb and schedule: the one database write presence makes,
 * and only when the person changes it. Watchers of their presence are told to read it again.
 */
export async function setMySettingsUseCase(ctx: AppContext, caller: Caller, input: PresenceSettings): Promise<SettingsOut> {
  const now = Date.now();
  const until = input.dnd?.until ? Date.parse(input.dnd.until) : null;
  if (until !== null && until <= now) throw new AppError(presenceErrors['presence.dnd_in_past']);
  const db: PresenceDb = ctx.db;
  const row = {
    dnd_on: input.dnd ? 1 : 0,
    dnd_until: until,
    schedule_start: input.schedule?.start ?? null,
    schedule_end: input.schedule?.end ?? null,
    updated_at: now,
  };
  await db
    .insertInto('prs_settings')
    .values({ user_id: caller.userId, ...row })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(row))
    .execute();
  const event: PresenceEvent = { type: 'presence.settings', userId: caller.userId };
  await ctx.hub.publish(presenceTopic(caller.userId), event);
  return getMySettingsUseCase(ctx, caller);
}
