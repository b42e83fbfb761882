import { AppError } from '../../../platform/shared/errors.js';
import type { AppContext } from '../../../platform/server/app-context.js';
import type { FileScopeChecker } from '../../../platform/server/module.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { filesErrors } from '../shared/errors.js';
import { requireReadable } from './access.js';
import type { FilesDb } from './tables.js';

/** Soft-deletes: the row and bytes stay so an administrator can restore them. Owner only. */
export async function deleteFileUseCase(
  ctx: AppContext,
  checkers: Record<string, FileScopeChecker>,
  caller: Caller,
  fileId: string,
) {
  const row = await requireReadable(ctx, checkers, caller, fileId);
  if (row.owner_id !== caller.userId) throw new AppError(filesErrors['file.not_owner']);
  const db: FilesDb = ctx.db;
  // The check above may be stale by now (another tab deleted it): only a live file is deleted,
  // so the trash keeps the first delete's time and a second delete is told the file is gone.
  const deleted = await db
    .updateTable('file_files')
    .set({ deleted_at: Date.now() })
    .where('id', '=', row.id)
    .where('owner_id', '=', caller.userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (Number(deleted.numUpdatedRows) === 0) throw new AppError(filesErrors['file.not_found']);
  return { ok: true as const };
}
