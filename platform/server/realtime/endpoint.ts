import type {} from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CLOSE_CODES, REALTIME_PATH } from '../../shared/realtime-protocol.js';
import type { AppContext } from '../app-context.js';
import { checkOrigin } from '../http/origin.js';
import type { Caller } from '../permissions.js';
import { EndedCredentials } from './ended-credentials.js';
import type { SocketCallerResolver } from './hub.js';
import { type HubCore, runSocket } from './socket-session.js';

function bearerAuthenticated(req: FastifyRequest): boolean {
  const auth = req.headers.authorization;
  return typeof auth === 'string' && auth.startsWith('Bearer ');
}

/**
 * `GET /api/ws`. The caller is resolved before the upgrade, like any HTTP request. A
 * cookie-authenticated upgrade from a foreign Origin is refused with 403 before any socket
 * exists (browsers attach cookies to cross-site WebSocket upgrades; SameSite=Lax does not
 * stop them). Anonymous or deactivated callers get a socket closed at once with 4401, the
 * one refusal a browser script can read (it never sees an HTTP status of a failed upgrade).
 */
export function registerEndpoint(app: FastifyInstance, ctx: AppContext, resolveCaller: SocketCallerResolver, core: HubCore) {
  const callers = new WeakMap<FastifyRequest, { caller: Caller | null; resolvedAt: number }>();
  app.get(
    REALTIME_PATH,
    {
      websocket: true,
      preValidation: async (req) => {
        if (!bearerAuthenticated(req)) checkOrigin(req, ctx.config.publicUrl);
        const resolvedAt = EndedCredentials.now();
        callers.set(req, { caller: await resolveCaller(req), resolvedAt });
      },
    },
    (socket, req) => {
      const { caller, resolvedAt } = callers.get(req) ?? { caller: null, resolvedAt: 0 };
      callers.delete(req);
      if (!caller) {
        socket.close(CLOSE_CODES.unauthorized, 'realtime.unauthorized');
        return;
      }
      // Its credential ended while the upgrade ran: as if the disconnect had found it open.
      if (core.ended.endedSince(caller, resolvedAt)) {
        socket.close(CLOSE_CODES.disconnected, 'realtime.disconnected');
        return;
      }
      // Reading is all a socket does: any token scope that may read (read or write) will do.
      if (caller.tokenScopes && !caller.tokenScopes.some((s) => s === 'read' || s === 'write')) {
        socket.close(CLOSE_CODES.tokenScope, 'realtime.token_scope');
        return;
      }
      runSocket(core, socket, caller);
    },
  );
}
