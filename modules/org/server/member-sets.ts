import type { AnyDb } from '../../../platform/server/db/database.js';
import { inSubtree } from './sql-like.js';
import type { OrgDb } from './tables.js';

/** A member as other modules need them for membership sync: who, and whether they may sign in. */
export interface MemberStatusRow {
  userId: string;
  active: boolean;
}

/**
 * Members in the subtrees of `departmentIds` (each department with everything below it), or
 * every member of the organization when `departmentIds` is null. Deactivated members are
 * included and flagged, so callers can keep their existing memberships but add nobody inactive.
 */
export async function membersInSubtrees(anyDb: AnyDb, departmentIds: string[] | null): Promise<MemberStatusRow[]> {
  const db: OrgDb = anyDb;
  if (departmentIds === null) {
    const rows = await db.selectFrom('org_members').select(['id', 'status']).execute();
    return rows.map((r) => ({ userId: r.id, active: r.status === 'active' }));
  }
  if (departmentIds.length === 0) return [];
  const roots = await db.selectFrom('org_departments').select('path').where('id', 'in', departmentIds).execute();
  if (roots.length === 0) return [];
  const rows = await db
    .selectFrom('org_member_departments')
    .innerJoin('org_departments', 'org_departments.id', 'org_member_departments.department_id')
    .innerJoin('org_members', 'org_members.id', 'org_member_departments.member_id')
    .select(['org_members.id', 'org_members.status'])
    .where((eb) => eb.or(roots.map((r) => inSubtree('org_departments.path', r.path))))
    .distinct()
    .execute();
  return rows.map((r) => ({ userId: r.id, active: r.status === 'active' }));
}

/** The department's id and name, or undefined when it does not exist. */
export async function findDepartment(anyDb: AnyDb, id: string): Promise<{ id: string; name: string } | undefined> {
  const db: OrgDb = anyDb;
  return db.selectFrom('org_departments').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

/** Which of `ids` are members who may currently sign in. */
export async function activeMemberIds(anyDb: AnyDb, ids: string[]): Promise<Set<string>> {
  const db: OrgDb = anyDb;
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('org_members').select('id').where('id', 'in', ids).where('status', '=', 'active').execute();
  return new Set(rows.map((r) => r.id));
}

/** Display names and avatar addresses by member id (direct chats show the other person). */
export async function displayNames(
  anyDb: AnyDb,
  ids: string[],
): Promise<Map<string, { displayName: string; avatarUrl: string | null }>> {
  const db: OrgDb = anyDb;
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_members')
    .select(['id', 'display_name', 'avatar_file_id'])
    .where('id', 'in', ids)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { displayName: r.display_name, avatarUrl: r.avatar_file_id ? `/api/members/${r.id}/avatar?v=${r.avatar_file_id}` : null },
    ]),
  );
}

/** Materialized paths (`/dep_a/dep_b/`) of departments by id; unknown ids are left out. */
export async function departmentPaths(anyDb: AnyDb, ids: string[]): Promise<Map<string, string>> {
  const db: OrgDb = anyDb;
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('org_departments').select(['id', 'path']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.path]));
}
