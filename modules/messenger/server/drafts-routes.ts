import { route, type RouteDef } from '../../../platform/server/http/route.js';
import * as c from '../shared/contract.js';
import { clearDraftUseCase, saveDraftUseCase } from './drafts.js';
import { listMyDraftsUseCase } from './drafts-list.js';

/** Routes for my unsent drafts (sending a message clears one: see message-routes.ts). */
export function draftRoutes(): RouteDef[] {
  return [
    route(c.listMyDrafts, ({ db, caller }) => listMyDraftsUseCase(db, caller)),
    route(c.saveDraft, ({ db, caller, params, body }) => saveDraftUseCase(db, caller, params.chatId, body.text)),
    route(c.clearDraft, ({ db, caller, params }) => clearDraftUseCase(db, caller, params.chatId)),
  ];
}
