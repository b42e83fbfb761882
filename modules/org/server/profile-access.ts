import type { AnyDb } from '../../../platform/server/db/database.js';
import { type Caller, can, hasRole, type Rule } from '../../../platform/server/permissions.js';
import type { OrgDb } from './tables.js';

/** Who may change every profile field: admins and HR admins anywhere, HRBPs inside their subtrees. */
export const editProfileRule: Rule = { roles: ['admin', 'hr_admin'], scopedRoles: ['hrbp'] };

/** Materialized paths of the departments a member belongs to (what HRBP scope is checked against). */
export async function departmentPathsOf(anyDb: AnyDb, userId: string): Promise<string[]> {
  const db: OrgDb = anyDb;
  const rows = await db
    .selectFrom('org_member_departments')
    .innerJoin('org_departments', 'org_departments.id', 'org_member_departments.department_id')
    .select('org_departments.path')
    .where('org_member_departments.member_id', '=', userId)
    .execute();
  return rows.map((r) => r.path);
}

export function canEditProfile(caller: Caller, departmentPaths: string[]): boolean {
  return can(caller, editProfileRule, { departmentPaths });
}

/** True when the caller's edit rights come only from HRBP scope (so new departments must stay in scope). */
export function scopedOnly(caller: Caller): boolean {
  return !hasRole(caller, 'admin', 'hr_admin');
}
