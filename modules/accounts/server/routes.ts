import { route } from '../../../platform/server/http/route.js';
import * as c from '../shared/contract.js';
import { changePasswordUseCase } from './change-password.js';
import {
  acceptInviteUseCase,
  createInviteUseCase,
  listInvitesUseCase,
  lookupInviteUseCase,
  revokeInviteUseCase,
} from './invites.js';
import { loginUseCase } from './login.js';
import { getMeUseCase } from './me.js';
import { listSessionsUseCase, logoutUseCase, revokeSessionUseCase } from './sessions.js';
import { setMemberActiveUseCase } from './set-member-active.js';
import { needsSetup, setupUseCase } from './setup.js';
import { createTokenUseCase, listTokensUseCase, revokeTokenUseCase } from './tokens.js';

export const routes = [
  route(c.getSetupStatus, async ({ ctx }) => ({ needsSetup: await needsSetup(ctx) })),
  route(c.setup, ({ ctx, body, req, reply }) => setupUseCase(ctx, body, req, reply)),
  route(c.login, ({ ctx, body, req, reply }) => loginUseCase(ctx, body, req, reply)),
  route(c.logout, ({ ctx, caller, reply }) => logoutUseCase(ctx, caller, reply)),
  route(c.getMe, ({ db, caller }) => getMeUseCase(db, caller.userId, caller.sessionId ?? null)),
  route(c.listSessions, ({ db, caller }) => listSessionsUseCase(db, caller)),
  route(c.revokeSession, ({ ctx, caller, params }) => revokeSessionUseCase(ctx, caller, params.sessionId)),
  route(c.changePassword, ({ ctx, caller, body }) => changePasswordUseCase(ctx, caller, body)),
  route(c.createInvite, ({ ctx, caller, body, req }) => createInviteUseCase(ctx, caller, body, req)),
  route(c.listInvites, ({ ctx, caller }) => listInvitesUseCase(ctx, caller)),
  route(c.revokeInvite, ({ ctx, caller, params }) => revokeInviteUseCase(ctx, caller, params.inviteId)),
  route(c.lookupInvite, ({ ctx, params }) => lookupInviteUseCase(ctx, params.token)),
  route(c.acceptInvite, ({ ctx, body, req, reply }) => acceptInviteUseCase(ctx, body, req, reply)),
  route(c.createToken, ({ db, caller, body }) => createTokenUseCase(db, caller, body)),
  route(c.listTokens, ({ db, caller }) => listTokensUseCase(db, caller)),
  route(c.revokeToken, ({ ctx, caller, params }) => revokeTokenUseCase(ctx, caller, params.tokenId)),
  route(c.setMemberActive, ({ ctx, caller, params, body, req }) =>
    setMemberActiveUseCase(ctx, caller, params.userId, body.status, req.ip),
  ),
];
