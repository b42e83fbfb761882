import type { AnyDb } from '../../../platform/server/db/database.js';
import type { OrgDb } from './tables.js';

/** The profile time zone of each active member among `ids`; deactivated and unknown ids are absent. */
export async function activeMemberZones(anyDb: AnyDb, ids: string[]): Promise<Map<string, string>> {
  const db: OrgDb = anyDb;
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_members')
    .select(['id', 'timezone'])
    .where('id', 'in', ids)
    .where('status', '=', 'active')
    .execute();
  return new Map(rows.map((r) => [r.id, r.timezone]));
}
