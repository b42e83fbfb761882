import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../platform/server/app-context.js';
import type { FileScopeChecker } from '../../../platform/server/module.js';
import type { Caller } from '../../../platform/server/permissions.js';
import type { FileView } from '../shared/types.js';
import { requireReadable } from './access.js';
import { dispositionOf } from './detect-type.js';
import { contentDisposition } from './file-name.js';
import { toFileView } from './view.js';

// A downloaded file is a document of its own: no scripts, no plugins, no same-origin rights.
const FILE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

export async function getFileUseCase(
  ctx: AppContext,
  checkers: Record<string, FileScopeChecker>,
  caller: Caller,
  fileId: string,
): Promise<FileView> {
  return toFileView(await requireReadable(ctx, checkers, caller, fileId));
}

/**
 * Streams a file's bytes after checking access — on every request, so losing access to a
 * chat or doc revokes its files at once. Caches must revalidate (and so re-check) each time.
 */
export async function downloadFileUseCase(
  ctx: AppContext,
  checkers: Record<string, FileScopeChecker>,
  caller: Caller,
  fileId: string,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const row = await requireReadable(ctx, checkers, caller, fileId);
  const etag = `"${row.sha256}"`;
  reply
    .header('cache-control', 'private, no-cache')
    .header('etag', etag)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', FILE_CSP)
    .header('content-disposition', contentDisposition(dispositionOf(row.content_type), row.name));
  if (req.headers['if-none-match'] === etag) return reply.status(304).send();
  return reply.type(row.content_type).header('content-length', String(row.size)).send(ctx.storage.get(row.storage_key));
}
