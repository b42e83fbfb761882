import { sql } from 'kysely';
import type { AnyDb } from '../../../platform/server/db/database.js';
import type { EventSink } from '../../../platform/server/events.js';
import { AppError } from '../../../platform/shared/errors.js';
import type { DepartmentView } from '../shared/contract.js';
import { orgErrors } from '../shared/errors.js';
import { orgEvents } from '../shared/events.js';
import { assertNameFree, getDepartmentView, requireDepartment } from './departments.js';
import { inSubtree } from './sql-like.js';
import { lockOrgStructure } from './structure-lock.js';
import type { OrgDb } from './tables.js';

export interface DepartmentChange {
  name?: string;
  /** undefined: stay; null: move to the top level; an id: move under it. */
  parentId?: string | null;
  sort?: number;
}

/**
 * Renames and/or moves a department. A move rewrites the materialized path and depth of the
 * whole subtree in one UPDATE (prefix swap), so deep trees move in constant round trips.
 * A move emits `org.department_moved` to `events` after the commit.
 */
export async function updateDepartment(
  anyDb: AnyDb,
  id: string,
  change: DepartmentChange,
  events?: EventSink,
): Promise<DepartmentView> {
  const moved = await (anyDb as OrgDb).transaction().execute(async (db) => {
    // Two moves checked apart could each pass the cycle check and together close a loop.
    await lockOrgStructure(db);
    const dep = await requireDepartment(db, id);
    const moving = change.parentId !== undefined && change.parentId !== dep.parent_id;
    const parent = moving && change.parentId ? await requireDepartment(db, change.parentId) : undefined;
    if (parent?.path.startsWith(dep.path)) throw new AppError(orgErrors['org.department_cycle']);
    const parentId = moving ? (parent?.id ?? null) : dep.parent_id;
    const name = change.name?.trim() ?? dep.name;
    if (moving || name !== dep.name) await assertNameFree(db, parentId, name, dep.id);

    const now = Date.now();
    if (moving) {
      const newPath = `${parent?.path ?? '/'}${dep.id}/`;
      const depthDelta = (parent ? parent.depth + 1 : 0) - dep.depth;
      await db
        .updateTable('org_departments')
        .set({
          path: sql<string>`cast(${newPath} as text) || substr(path, ${dep.path.length + 1})`,
          depth: sql<number>`depth + ${depthDelta}`,
        })
        .where(inSubtree('path', dep.path))
        .execute();
    }
    await db
      .updateTable('org_departments')
      .set({ name, parent_id: parentId, sort: change.sort ?? dep.sort, updated_at: now })
      .where('id', '=', dep.id)
      .execute();
    return moving;
  });
  if (moved) await events?.emit(orgEvents.departmentMoved, { departmentId: id });
  return getDepartmentView(anyDb, id);
}
