import type { Selectable } from 'kysely';
import type { AnyDb } from '../../../platform/server/db/database.js';
import { AppError } from '../../../platform/shared/errors.js';
import type { DepartmentView } from '../shared/contract.js';
import { orgErrors } from '../shared/errors.js';
import type { OrgDb, OrgTables } from './tables.js';

export type DepartmentRow = Selectable<OrgTables['org_departments']>;

const iso = (ms: number) => new Date(ms).toISOString();

/** Loads one department or throws org.department_not_found. */
export async function requireDepartment(anyDb: AnyDb, id: string): Promise<DepartmentRow> {
  const db: OrgDb = anyDb;
  const row = await db.selectFrom('org_departments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError(orgErrors['org.department_not_found']);
  return row;
}

/** Throws unless every id names a department; returns their rows. */
export async function requireDepartments(anyDb: AnyDb, ids: string[]): Promise<DepartmentRow[]> {
  const db: OrgDb = anyDb;
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await db.selectFrom('org_departments').selectAll().where('id', 'in', unique).execute();
  if (rows.length !== unique.length) throw new AppError(orgErrors['org.department_not_found']);
  return rows;
}

/** Refuses a second sibling with the same name (case-insensitive), which would be ambiguous in pickers. */
export async function assertNameFree(anyDb: AnyDb, parentId: string | null, name: string, exceptId?: string): Promise<void> {
  const db: OrgDb = anyDb;
  let q = db.selectFrom('org_departments').select(['id', 'name']);
  q = parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId);
  const siblings = await q.execute();
  const wanted = name.trim().toLowerCase();
  if (siblings.some((s) => s.id !== exceptId && s.name.toLowerCase() === wanted)) {
    throw new AppError(orgErrors['org.department_name_taken']);
  }
}

/**
 * Every department with direct and subtree member counts (active members). Two queries;
 * subtree totals are summed in memory along the paths, counting a person once per subtree.
 */
export async function listDepartmentViews(anyDb: AnyDb): Promise<DepartmentView[]> {
  const db: OrgDb = anyDb;
  const [rows, links] = await Promise.all([
    db.selectFrom('org_departments').selectAll().execute(),
    db
      .selectFrom('org_member_departments')
      .innerJoin('org_members', 'org_members.id', 'org_member_departments.member_id')
      .select(['org_member_departments.member_id', 'org_member_departments.department_id'])
      .where('org_members.status', '=', 'active')
      .execute(),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const direct = new Map<string, number>();
  const subtreeMembers = new Map<string, Set<string>>();
  for (const link of links) {
    direct.set(link.department_id, (direct.get(link.department_id) ?? 0) + 1);
    const dep = byId.get(link.department_id);
    if (!dep) continue;
    for (const ancestor of dep.path.split('/').filter(Boolean)) {
      const set = subtreeMembers.get(ancestor) ?? new Set<string>();
      set.add(link.member_id);
      subtreeMembers.set(ancestor, set);
    }
  }
  // Parents before children (depth), then siblings by sort and name: a client can build the tree in one pass.
  rows.sort((a, b) => a.depth - b.depth || a.sort - b.sort || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return rows.map((r) => toDepartmentView(r, direct.get(r.id) ?? 0, subtreeMembers.get(r.id)?.size ?? 0));
}

export function toDepartmentView(r: DepartmentRow, memberCount = 0, totalMemberCount = memberCount): DepartmentView {
  return {
    id: r.id as DepartmentView['id'],
    parentId: r.parent_id as DepartmentView['parentId'],
    name: r.name,
    path: r.path,
    depth: r.depth,
    sort: r.sort,
    memberCount,
    totalMemberCount,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** One department's view with its counts (after a create or update). */
export async function getDepartmentView(anyDb: AnyDb, id: string): Promise<DepartmentView> {
  const all = await listDepartmentViews(anyDb);
  const found = all.find((d) => d.id === id);
  if (!found) throw new AppError(orgErrors['org.department_not_found']);
  return found;
}
