import type { AnyDb } from '../../../platform/server/db/database.js';
import type { DndSetting } from './dnd-state.js';
import type { PresenceDb } from './tables.js';

/** The stored do-not-disturb settings of `ids` (people who never set one are absent). */
export async function readDndSettings(anyDb: AnyDb, ids: string[]): Promise<Map<string, DndSetting>> {
  const db: PresenceDb = anyDb;
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('prs_settings').selectAll().where('user_id', 'in', ids).execute();
  return new Map(
    rows.map((r) => [
      r.user_id,
      {
        on: Number(r.dnd_on) === 1,
        until: r.dnd_until === null ? null : Number(r.dnd_until),
        schedule: r.schedule_start && r.schedule_end ? { start: r.schedule_start, end: r.schedule_end } : null,
      },
    ]),
  );
}
