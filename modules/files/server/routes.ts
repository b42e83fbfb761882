import { route } from '../../../platform/server/http/route.js';
import type { FileScopeChecker } from '../../../platform/server/module.js';
import * as c from '../shared/contract.js';
import { deleteFileUseCase } from './delete-file.js';
import { downloadFileUseCase, getFileUseCase } from './read-file.js';
import { uploadFileUseCase } from './upload-file.js';

/** `checkers` resolves the merged scope checkers of every module (lazily, on first use). */
export function filesRoutes(checkers: () => Record<string, FileScopeChecker>) {
  return [
    route(c.uploadFile, ({ ctx, caller, req }) => uploadFileUseCase(ctx, caller, req)),
    route(c.getFile, ({ ctx, caller, params }) => getFileUseCase(ctx, checkers(), caller, params.fileId)),
    route(c.downloadFile, async ({ ctx, caller, params, req, reply }) => {
      await downloadFileUseCase(ctx, checkers(), caller, params.fileId, req, reply);
      return undefined;
    }),
    route(c.deleteFile, ({ ctx, caller, params }) => deleteFileUseCase(ctx, checkers(), caller, params.fileId)),
  ];
}
