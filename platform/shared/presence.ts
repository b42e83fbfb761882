import { z } from 'zod';
import { contract } from './contract.js';

/**
 * Presence, a platform service (docs/adr/0014-presence-and-typing.md): the hub knows who is
 * connected; do-not-disturb is a stored setting. Modules show it through platform/client/presence.
 */

/** At most this many people per batch read: a chat list's direct chats, an open chat's members. */
export const PRESENCE_BATCH_MAX = 200;

const userIdList = z
  .string()
  .regex(
    new RegExp(`^usr_[0-9A-HJKMNP-TV-Z]{26}(,usr_[0-9A-HJKMNP-TV-Z]{26}){0,${PRESENCE_BATCH_MAX - 1}}$`),
    'comma-separated usr_ ids',
  )
  .transform((s) => [...new Set(s.split(','))]);

/** A wall-clock time of day, `HH:MM` (24 h). */
export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const presenceView = z.object({
  userId: z.string(),
  /** Connected and active, connected but idle for minutes, or no client open (deactivated: offline). */
  status: z.enum(['online', 'away', 'offline']),
  /** Do not disturb, set by hand or by the person's schedule. */
  dnd: z.boolean(),
  /** When the current do-not-disturb ends by itself; null when off or until turned off. */
  dndUntil: z.iso.datetime().nullable(),
  /** The next instant `dnd` changes by itself (a timed DND ends, a schedule starts or ends): read again then. */
  changesAt: z.iso.datetime().nullable(),
  /**
   * What the person is busy with, contributed by other modules: the calendar will report "in a
   * meeting". Always null until one does.
   */
  activity: z.object({ kind: z.literal('meeting'), until: z.iso.datetime() }).nullable(),
});
export type PresenceView = z.infer<typeof presenceView>;

export const getPresence = contract({
  method: 'GET',
  path: '/api/presence',
  auth: 'member',
  tag: 'presence',
  summary: 'Presence of up to 200 members (any active member may see any other member’s)',
  query: z.object({ ids: userIdList }),
  response: z.object({ people: z.array(presenceView) }),
});

export const presenceSettings = z.object({
  /** Do not disturb by hand: `until` null means until turned off. Null: off. */
  dnd: z.object({ until: z.iso.datetime().nullable() }).nullable(),
  /** Do not disturb every day between these times of the profile's time zone (may cross midnight). */
  schedule: z.object({ start: timeOfDay, end: timeOfDay }).nullable(),
});
export type PresenceSettings = z.infer<typeof presenceSettings>;

export const getMyPresenceSettings = contract({
  method: 'GET',
  path: '/api/me/presence',
  auth: 'member',
  tag: 'presence',
  summary: 'The caller’s do-not-disturb setting and schedule',
  response: presenceSettings.extend({ timezone: z.string() }),
});

export const setMyPresenceSettings = contract({
  method: 'PUT',
  path: '/api/me/presence',
  auth: 'member',
  tag: 'presence',
  summary: 'Sets the caller’s do-not-disturb (now, until a time, or off) and its daily schedule',
  body: z.object({
    dnd: z.object({ until: z.iso.datetime({ offset: true }).nullable() }).nullable(),
    schedule: z.object({ start: timeOfDay, end: timeOfDay }).nullable(),
  }),
  response: presenceSettings.extend({ timezone: z.string() }),
});
