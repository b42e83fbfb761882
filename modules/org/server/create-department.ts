import type { AnyDb } from '../../../platform/server/db/database.js';
import { type DepartmentId, newId } from '../../../platform/shared/ids.js';
import { assertNameFree, requireDepartment } from './departments.js';
import { lockOrgStructure } from './structure-lock.js';
import type { OrgDb } from './tables.js';

export interface NewDepartment {
  name: string;
  parentId?: string | null;
  sort?: number;
}

/**
 * Creates a department at the top level or under a parent; its path extends the parent's.
 * Call inside the caller's transaction: the parent must still exist, and the name still be free,
 * when the row lands.
 */
export async function createDepartment(anyDb: AnyDb, input: NewDepartment): Promise<DepartmentId> {
  const db: OrgDb = anyDb;
  await lockOrgStructure(db);
  const parent = input.parentId ? await requireDepartment(db, input.parentId) : undefined;
  const name = input.name.trim();
  await assertNameFree(db, parent?.id ?? null, name);
  const id = newId('dep');
  const now = Date.now();
  await db
    .insertInto('org_departments')
    .values({
      id,
      parent_id: parent?.id ?? null,
      name,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
      sort: input.sort ?? 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}
