import type { AnyDb } from '../../../platform/server/db/database.js';
import { AppError } from '../../../platform/shared/errors.js';
import { filesErrors } from '../shared/errors.js';
import type { FileView } from '../shared/types.js';
import type { FilesDb } from './tables.js';
import { toFileView } from './view.js';

/** `<prefix>:<id>`, the prefix naming the module that answers for it (see ServerModule.fileScopes). */
const SCOPE = /^[a-z][a-z0-9_]*:[A-Za-z0-9_*-]{1,100}$/;

/**
 * Shares a file into a scope (`chat:<id>`, `doc:<id>`): from then on the scope's checker decides
 * who besides the uploader may read it. Only the uploader's own live files can be shared, so
 * knowing a file id is never enough to pull someone else's file into your chat. Pass the
 * caller's transaction as `anyDb` to share atomically with the message or doc that uses it.
 */
export async function setFileScope(anyDb: AnyDb, input: { fileId: string; ownerId: string; scope: string }): Promise<FileView> {
  if (!SCOPE.test(input.scope)) throw new Error(`invalid file scope ${input.scope}`);
  const db: FilesDb = anyDb;
  const row = await db
    .updateTable('file_files')
    .set({ scope: input.scope })
    .where('id', '=', input.fileId)
    .where('owner_id', '=', input.ownerId)
    .where('deleted_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError(filesErrors['file.not_found']);
  return toFileView(row);
}

/** Views of live files by id (for embedding in messages or docs the caller was already allowed to read). */
export async function fileViewsByIds(anyDb: AnyDb, ids: readonly string[]): Promise<FileView[]> {
  if (ids.length === 0) return [];
  const db: FilesDb = anyDb;
  const rows = await db
    .selectFrom('file_files')
    .selectAll()
    .where('id', 'in', [...ids])
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map(toFileView);
}
