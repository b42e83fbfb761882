import { z } from 'zod';
import { contract } from '../../../platform/shared/contract.js';
import { fileId, fileView } from './types.js';

/** Upload one file (multipart field `file`). It is private to the uploader until a module shares it. */
export const uploadFile = contract({
  method: 'POST',
  path: '/api/files',
  auth: 'member',
  kind: 'upload',
  status: 201,
  summary: 'Upload a file (multipart/form-data, field "file"); private to the uploader until shared',
  response: fileView,
});

export const getFile = contract({
  method: 'GET',
  path: '/api/files/:fileId',
  auth: 'member',
  summary: 'A file’s name, size and type, if the caller may read it',
  params: z.object({ fileId }),
  response: fileView,
});

/** The bytes; images display in place, everything else downloads. Access is checked on every request. */
export const downloadFile = contract({
  method: 'GET',
  path: '/api/files/:fileId/content',
  auth: 'member',
  kind: 'binary',
  summary: 'Download a file’s bytes (images inline, everything else as an attachment)',
  params: z.object({ fileId }),
  response: z.unknown(),
});

export const deleteFile = contract({
  method: 'DELETE',
  path: '/api/files/:fileId',
  auth: 'member',
  summary: 'Move a file I uploaded to the trash (its bytes are kept)',
  params: z.object({ fileId }),
  response: z.object({ ok: z.literal(true) }),
});
