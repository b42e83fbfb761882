import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import type { AppContext } from '../../../platform/server/app-context.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { AppError, platformErrors } from '../../../platform/shared/errors.js';
import { newId } from '../../../platform/shared/ids.js';
import { AVATAR_MAX_BYTES, AVATAR_TYPES } from '../shared/contract.js';
import { orgErrors } from '../shared/errors.js';
import type { MemberView } from '../shared/types.js';
import { getMemberView } from './queries.js';
import type { OrgDb } from './tables.js';

const keyOf = (fileId: string) => `org/avatars/${fileId}`;

/**
 * The image type judged from the bytes themselves (never the client's filename or header):
 * only raster formats browsers render inertly. SVG is refused on purpose (it can carry script).
 */
async function sniffImage(bytes: Uint8Array): Promise<(typeof AVATAR_TYPES)[number] | undefined> {
  const type = await fileTypeFromBuffer(bytes);
  return AVATAR_TYPES.find((t) => t === type?.mime);
}

/**
 * Waits (briefly) until the client has finished sending: answering 413 while it is still
 * writing makes the connection close under it, and the browser then shows a network error
 * instead of our message. The parser discards the remaining bytes.
 */
function drainRequest(req: FastifyRequest, maxWaitMs = 10_000): Promise<void> {
  const raw = req.raw;
  if (raw.complete || raw.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, maxWaitMs);
    raw.once('end', done);
    raw.once('close', done);
  });
}

/** Stores the caller's new avatar (multipart, one file) under a generated key and drops the old one. */
export async function uploadMyAvatarUseCase(ctx: AppContext, caller: Caller, req: FastifyRequest): Promise<MemberView> {
  if (!req.isMultipart()) throw new AppError(platformErrors['request.unsupported_media_type']);
  const file = await req.file({ limits: { fileSize: AVATAR_MAX_BYTES, files: 1 } });
  if (!file) throw new AppError(orgErrors['org.avatar_missing']);
  let bytes: Buffer;
  try {
    bytes = await file.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw err;
    bytes = Buffer.alloc(0);
  }
  // toBuffer() does not always throw at the limit: the stream may just end truncated.
  if (file.file.truncated || bytes.length > AVATAR_MAX_BYTES) {
    await drainRequest(req);
    throw new AppError(orgErrors['org.avatar_too_large']);
  }
  if (bytes.length === 0) throw new AppError(orgErrors['org.avatar_missing']);
  if (!(await sniffImage(bytes))) throw new AppError(orgErrors['org.avatar_not_image']);

  const db: OrgDb = ctx.db;
  const before = await db.selectFrom('org_members').select('avatar_file_id').where('id', '=', caller.userId).executeTakeFirst();
  const fileId = newId('fil');
  await ctx.storage.put(keyOf(fileId), Readable.from(bytes));
  await db
    .updateTable('org_members')
    .set({ avatar_file_id: fileId, updated_at: Date.now() })
    .where('id', '=', caller.userId)
    .execute();
  if (before?.avatar_file_id) {
    await ctx.storage.delete(keyOf(before.avatar_file_id)).catch((err) => ctx.log.warn({ err }, 'old avatar not deleted'));
  }
  const view = await getMemberView(db, caller.userId);
  if (!view) throw new AppError(orgErrors['org.member_not_found']);
  return view;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Streams a member's avatar with a content type sniffed again from the stored bytes, so a
 * file can never be served as HTML. URLs carry `?v=<file id>`: a matching version is
 * immutable and cached for a year; anything else must revalidate.
 */
export async function serveAvatarUseCase(ctx: AppContext, userId: string, version: string | undefined, reply: FastifyReply) {
  const db: OrgDb = ctx.db;
  const row = await db.selectFrom('org_members').select('avatar_file_id').where('id', '=', userId).executeTakeFirst();
  if (!row) throw new AppError(orgErrors['org.member_not_found']);
  if (!row.avatar_file_id) throw new AppError(orgErrors['org.avatar_not_found']);
  let bytes: Buffer;
  try {
    bytes = await readAll(ctx.storage.get(keyOf(row.avatar_file_id)));
  } catch {
    throw new AppError(orgErrors['org.avatar_not_found']);
  }
  const type = await sniffImage(bytes);
  if (!type) throw new AppError(orgErrors['org.avatar_not_found']);
  const etag = `"${row.avatar_file_id}"`;
  reply
    .header('content-type', type)
    .header('content-disposition', 'inline')
    .header('etag', etag)
    .header('cache-control', version === row.avatar_file_id ? 'private, max-age=31536000, immutable' : 'private, no-cache');
  if (reply.request.headers['if-none-match'] === etag) return reply.status(304).send();
  return reply.status(200).send(bytes);
}
