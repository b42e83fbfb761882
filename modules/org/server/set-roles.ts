import type { AnyDb } from '../../../platform/server/db/database.js';
import type { Caller, Role } from '../../../platform/server/permissions.js';
import { recordAudit } from '../../audit/server/index.js';
import { AppError } from '../../../platform/shared/errors.js';
import type { DepartmentId } from '../../../platform/shared/ids.js';
import type { MemberView } from '../shared/types.js';
import { orgErrors } from '../shared/errors.js';
import { requireDepartments } from './departments.js';
import { getMemberView } from './queries.js';
import { lockOrgStructure } from './structure-lock.js';
import type { OrgDb } from './tables.js';

export interface RolesView {
  roles: Role[];
  scopeDepartmentIds: DepartmentId[];
}

export async function getMemberRoles(anyDb: AnyDb, userId: string): Promise<RolesView> {
  const db: OrgDb = anyDb;
  const member = await db.selectFrom('org_members').select('id').where('id', '=', userId).executeTakeFirst();
  if (!member) throw new AppError(orgErrors['org.member_not_found']);
  const [roles, scopes] = await Promise.all([
    db.selectFrom('org_member_roles').select('role').where('member_id', '=', userId).execute(),
    db.selectFrom('org_role_scopes').select('department_id').where('member_id', '=', userId).execute(),
  ]);
  return {
    roles: ['member', ...roles.map((r) => r.role as Role)],
    scopeDepartmentIds: scopes.map((s) => s.department_id as DepartmentId),
  };
}

/**
 * Replaces a member's roles (admins only: the route requires it) and HRBP scopes. The
 * organization always keeps one active admin. Rights change on the member's next request,
 * since the caller is resolved per request.
 */
export async function setMemberRoles(
  anyDb: AnyDb,
  caller: Caller,
  userId: string,
  input: { roles: Role[]; scopeDepartmentIds: string[] },
): Promise<{ member: MemberView; scopeDepartmentIds: DepartmentId[] }> {
  const roles = [...new Set(input.roles.filter((r) => r !== 'member'))];
  const scopes = roles.includes('hrbp') ? [...new Set(input.scopeDepartmentIds)] : [];
  await (anyDb as OrgDb).transaction().execute(async (db) => {
    // Two admins demoting each other would each see the other as the admin who remains.
    await lockOrgStructure(db);
    const current = await getMemberRoles(db, userId);
    await requireDepartments(db, scopes);
    if (current.roles.includes('admin') && !roles.includes('admin')) {
      const others = await db
        .selectFrom('org_member_roles')
        .innerJoin('org_members', 'org_members.id', 'org_member_roles.member_id')
        .select('org_members.id')
        .where('org_member_roles.role', '=', 'admin')
        .where('org_members.status', '=', 'active')
        .where('org_members.id', '!=', userId)
        .limit(1)
        .executeTakeFirst();
      if (!others) throw new AppError(orgErrors['org.last_admin']);
    }
    await db.deleteFrom('org_member_roles').where('member_id', '=', userId).execute();
    if (roles.length > 0)
      await db
        .insertInto('org_member_roles')
        .values(roles.map((role) => ({ member_id: userId, role })))
        .execute();
    await db.deleteFrom('org_role_scopes').where('member_id', '=', userId).execute();
    if (scopes.length > 0) {
      await db
        .insertInto('org_role_scopes')
        .values(scopes.map((department_id) => ({ member_id: userId, department_id })))
        .execute();
    }
    await recordAudit(db, {
      actorId: caller.userId,
      action: 'roles.changed',
      targetType: 'member',
      targetId: userId,
      details: { from: current.roles, to: ['member', ...roles], scopeDepartmentIds: scopes },
    });
  });
  const member = await getMemberView(anyDb, userId);
  if (!member) throw new AppError(orgErrors['org.member_not_found']);
  return { member, scopeDepartmentIds: scopes as DepartmentId[] };
}
