import type { AnyDb } from '../../../platform/server/db/database.js';
import type { MsgDb } from './message-tables.js';

const HOUR = 3_600_000;
export const DEFAULT_EDIT_WINDOW_MS = 24 * HOUR;

/** How long after sending a message its author may edit or recall it (org-wide, default 24 h). */
export async function editWindowMs(anyDb: AnyDb): Promise<number> {
  const db: MsgDb = anyDb;
  const row = await db.selectFrom('msg_settings').select('edit_window_ms').where('id', '=', 'org').executeTakeFirst();
  return row ? Number(row.edit_window_ms) : DEFAULT_EDIT_WINDOW_MS;
}

export async function getMessengerSettingsUseCase(anyDb: AnyDb) {
  return { editWindowHours: (await editWindowMs(anyDb)) / HOUR };
}

/** Admins set the edit/recall window; the route's `auth: 'admin'` checks the role. */
export async function updateMessengerSettingsUseCase(anyDb: AnyDb, body: { editWindowHours: number }) {
  const db: MsgDb = anyDb;
  const edit_window_ms = Math.round(body.editWindowHours * HOUR);
  await db
    .insertInto('msg_settings')
    .values({ id: 'org', edit_window_ms })
    .onConflict((oc) => oc.column('id').doUpdateSet({ edit_window_ms }))
    .execute();
  return { editWindowHours: edit_window_ms / HOUR };
}
