import type { AnyDb } from '../../../platform/server/db/database.js';
import type { EventSink } from '../../../platform/server/events.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { recordAudit } from '../../audit/server/index.js';
import { createDepartment, type NewDepartment } from './create-department.js';
import { deleteDepartment } from './delete-department.js';
import { getDepartmentView } from './departments.js';
import { type DepartmentChange, updateDepartment } from './update-department.js';

// Admin-only at the contract. The department functions run their own transactions, so the
// audit entry is written right after the change it records.

export async function createDepartmentUseCase(db: AnyDb, caller: Caller, input: NewDepartment) {
  const id = await db.transaction().execute(async (tx) => {
    const created = await createDepartment(tx, input);
    await recordAudit(tx, {
      actorId: caller.userId,
      action: 'department.created',
      targetType: 'department',
      targetId: created,
      details: { ...input },
    });
    return created;
  });
  return getDepartmentView(db, id);
}

export async function updateDepartmentUseCase(
  db: AnyDb,
  caller: Caller,
  id: string,
  change: DepartmentChange,
  events?: EventSink,
) {
  const view = await updateDepartment(db, id, change, events);
  await recordAudit(db, {
    actorId: caller.userId,
    action: 'department.updated',
    targetType: 'department',
    targetId: id,
    details: { ...change },
  });
  return view;
}

export async function deleteDepartmentUseCase(db: AnyDb, caller: Caller, id: string) {
  const result = await deleteDepartment(db, id);
  await recordAudit(db, { actorId: caller.userId, action: 'department.deleted', targetType: 'department', targetId: id });
  return result;
}
