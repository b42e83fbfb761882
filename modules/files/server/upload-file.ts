import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { AppError, platformErrors } from '../../../platform/shared/errors.js';
import { newId } from '../../../platform/shared/ids.js';
import type { AppContext } from '../../../platform/server/app-context.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { filesErrors } from '../shared/errors.js';
import type { FileView } from '../shared/types.js';
import { detectType, isExecutable } from './detect-type.js';
import { sanitizeFileName } from './file-name.js';
import type { FilesDb } from './tables.js';
import { toFileView } from './view.js';

const HEAD_BYTES = 4096;

/** Sharded by the id's random tail so no directory grows past a few thousand entries. */
function storageKey(id: string): string {
  return `${id.slice(-2)}/${id}`;
}

/**
 * Hashes, counts and keeps the first bytes of a stream as it passes through. Async iteration
 * (rather than pipe) also fails cleanly when the parser destroyed the stream before we read it.
 */
function meter(source: Readable) {
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  const state = { size: 0, headLength: 0 };
  async function* chunks() {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      hash.update(chunk);
      state.size += chunk.length;
      if (state.headLength < HEAD_BYTES) {
        const slice = chunk.subarray(0, HEAD_BYTES - state.headLength);
        head.push(slice);
        state.headLength += slice.length;
      }
      yield chunk;
    }
  }
  return { stream: Readable.from(chunks()), state, digest: () => hash.digest('hex'), head: () => Buffer.concat(head) };
}

/**
 * What the multipart parser throws for a body cut off or without a boundary is a plain Error:
 * that is the client's fault (400), unlike a failing disk (500).
 */
function uploadError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const status = (err as { statusCode?: number }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return err;
  return new AppError(filesErrors['file.malformed_upload']);
}

/**
 * Streams the first file of a multipart request to storage under a generated key (the
 * browser's file name never touches the disk path), then decides its type from the bytes.
 * The file is private to the uploader (`user:<id>`) until a module shares it.
 */
export async function uploadFileUseCase(ctx: AppContext, caller: Caller, req: FastifyRequest): Promise<FileView> {
  const part = await req.file().catch((err) => {
    throw uploadError(err);
  });
  if (!part) throw new AppError(filesErrors['file.missing']);
  let readError: unknown;
  part.file.on('error', (err) => {
    readError = err;
  });
  const id = newId('fil');
  const key = storageKey(id);
  const m = meter(part.file);
  try {
    await ctx.storage.put(key, m.stream);
  } catch (err) {
    // A failing disk (an errno error) is ours; anything else broke while reading the request.
    if ((err as NodeJS.ErrnoException).syscall) throw err;
    throw uploadError(readError ?? err);
  }
  try {
    // busboy ends a file at the size limit instead of failing it: the cut-off copy is discarded.
    if (part.file.truncated) throw new AppError(platformErrors['request.too_large']);
    if (readError) throw uploadError(readError);
    if (m.state.size === 0) throw new AppError(filesErrors['file.empty']);
    const type = await detectType(ctx.storage.get(key), m.head());
    if (isExecutable(type.contentType)) {
      throw new AppError(filesErrors['file.type_refused'], { params: { type: type.contentType } });
    }
    const row = {
      id,
      owner_id: caller.userId,
      scope: `user:${caller.userId}`,
      name: sanitizeFileName(part.filename),
      size: m.state.size,
      content_type: type.contentType,
      sha256: m.digest(),
      storage_key: key,
      created_at: Date.now(),
      deleted_at: null,
    };
    const db: FilesDb = ctx.db;
    await db.insertInto('file_files').values(row).execute();
    return toFileView(row);
  } catch (err) {
    await ctx.storage.delete(key);
    throw err;
  }
}
