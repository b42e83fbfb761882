import type { AnyDb } from '../../../platform/server/db/database.js';
import { AppError } from '../../../platform/shared/errors.js';
import { orgErrors } from '../shared/errors.js';
import { requireDepartment } from './departments.js';
import { lockOrgStructure } from './structure-lock.js';
import type { OrgDb } from './tables.js';

/**
 * Deletes a department that holds nobody (deactivated members count: their history points
 * here) and has no sub-departments. HRBP scopes on it go with it.
 */
export async function deleteDepartment(anyDb: AnyDb, id: string): Promise<{ ok: true }> {
  await (anyDb as OrgDb).transaction().execute(async (db) => {
    // Nobody may be placed in it, nor a child created under it, between the check and the delete.
    await lockOrgStructure(db);
    await requireDepartment(db, id);
    const [child, member] = await Promise.all([
      db.selectFrom('org_departments').select('id').where('parent_id', '=', id).limit(1).executeTakeFirst(),
      db.selectFrom('org_member_departments').select('member_id').where('department_id', '=', id).limit(1).executeTakeFirst(),
    ]);
    if (child || member) throw new AppError(orgErrors['org.department_not_empty']);
    await db.deleteFrom('org_role_scopes').where('department_id', '=', id).execute();
    await db.deleteFrom('org_departments').where('id', '=', id).execute();
  });
  return { ok: true };
}
