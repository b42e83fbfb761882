import type { Selectable } from 'kysely';
import { AppError } from '../../../platform/shared/errors.js';
import type { AppContext } from '../../../platform/server/app-context.js';
import type { FileScopeChecker, ServerModule } from '../../../platform/server/module.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { filesErrors } from '../shared/errors.js';
import type { FilesDb, FilesTables } from './tables.js';

export type FileRow = Selectable<FilesTables['file_files']>;

/** Scopes the files module answers itself; other prefixes come from the modules that own them. */
const builtIn: Record<string, FileScopeChecker> = {
  user: (caller, id) => caller.userId === id,
  // Organization-wide files (logos, shared avatars): any signed-in member.
  org: () => true,
};

/**
 * Merges the `fileScopes` every module declares. Read lazily (first request), because the
 * module list includes the files module itself.
 */
export function scopeRegistry(modules: () => readonly ServerModule[]): () => Record<string, FileScopeChecker> {
  let merged: Record<string, FileScopeChecker> | undefined;
  return () => {
    if (!merged) {
      merged = { ...builtIn };
      for (const m of modules()) {
        for (const [prefix, checker] of Object.entries(m.fileScopes ?? {})) {
          if (Object.hasOwn(merged, prefix)) throw new Error(`File scope "${prefix}" is claimed twice (module ${m.id})`);
          merged[prefix] = checker;
        }
      }
    }
    return merged;
  };
}

/** The uploader always may read; anyone else only when the scope's owner module says so. */
export async function canRead(
  ctx: AppContext,
  checkers: Record<string, FileScopeChecker>,
  caller: Caller,
  row: FileRow,
): Promise<boolean> {
  if (row.owner_id === caller.userId) return true;
  const colon = row.scope.indexOf(':');
  const prefix = colon > 0 ? row.scope.slice(0, colon) : '';
  // Own keys only: a `constructor:` prefix must not find Object (which, called, returns a truthy object).
  const checker = Object.hasOwn(checkers, prefix) ? checkers[prefix] : undefined;
  // An unknown prefix (its module was removed) denies: failing closed is the only safe answer.
  if (!checker) return false;
  return checker(caller, row.scope.slice(colon + 1), ctx);
}

/** Loads a live file the caller may read, or throws file.not_found whatever the reason. */
export async function requireReadable(
  ctx: AppContext,
  checkers: Record<string, FileScopeChecker>,
  caller: Caller,
  fileId: string,
): Promise<FileRow> {
  const db: FilesDb = ctx.db;
  const row = await db
    .selectFrom('file_files')
    .selectAll()
    .where('id', '=', fileId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row || !(await canRead(ctx, checkers, caller, row))) throw new AppError(filesErrors['file.not_found']);
  return row;
}
