import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Contract } from '../../shared/contract.js';
import { AppError, platformErrors } from '../../shared/errors.js';
import type { AppContext } from '../app-context.js';
import type { Caller } from '../permissions.js';
import { refuseNulCharacters } from './nul-characters.js';
import { checkOrigin } from './origin.js';
import type { RouteDef } from './route.js';

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

/** Resolves the caller from a session cookie or an access token; null when anonymous. */
export type CallerResolver = (req: FastifyRequest, reply: FastifyReply) => Promise<Caller | null>;

/**
 * Unknown fields are refused (a typo must not be silently ignored), at the top level of each
 * part; a part the contract does not declare must be empty.
 */
function strict(schema: z.ZodType | undefined): z.ZodType {
  if (schema instanceof z.ZodObject) return schema.strict();
  return schema ?? z.object({}).strict();
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * JSON endpoints take JSON and upload endpoints multipart, nothing else: Fastify would
 * otherwise hand a text/plain or form body to the handler (a text/plain POST is also what a
 * cross-site form can send without a preflight).
 */
function checkContentType(c: Contract, req: FastifyRequest): void {
  const type = req.headers['content-type'];
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (c.kind === 'upload') {
    if (!type?.toLowerCase().startsWith('multipart/form-data'))
      throw new AppError(platformErrors['request.unsupported_media_type']);
    return;
  }
  if (hasBody && type !== undefined && !JSON_TYPE.test(type))
    throw new AppError(platformErrors['request.unsupported_media_type']);
}

function requiredScope(c: Contract): 'read' | 'write' | 'admin' {
  if (c.auth === 'admin') return 'admin';
  return c.method === 'GET' ? 'read' : 'write';
}

/** Checks the contract's auth requirement; returns the caller or throws. */
function guard(c: Contract, req: FastifyRequest): void {
  if (c.auth === 'public') return;
  const caller = req.caller;
  if (!caller) throw new AppError(platformErrors['auth.required']);
  if (caller.tokenScopes) {
    const scope = requiredScope(c);
    const ok = caller.tokenScopes.includes(scope) || (scope === 'read' && caller.tokenScopes.includes('write'));
    if (!ok) throw new AppError(platformErrors['auth.token_scope'], { params: { scope } });
  }
  if (c.auth === 'admin' && !caller.roles.includes('admin')) throw new AppError(platformErrors['auth.forbidden']);
}

/**
 * A use case that answers outside its contract is a server bug, not the client's fault: a 500
 * with the request id, the zod issues in the log for whoever fixes it, and not a word about the
 * response's internal field paths to the client (a ZodError would become a 400 listing them).
 */
function responseMismatch(c: Contract, req: FastifyRequest, error: z.ZodError): AppError {
  req.log.error({ route: `${c.method} ${c.path}`, issues: error.issues }, 'response does not match its contract');
  return new AppError(platformErrors.internal, { details: { requestId: req.id } });
}

/** Registers every contract-bound route: parse input, resolve caller, check auth, call, validate output. */
export function registerRoutes(app: FastifyInstance, routes: RouteDef[], ctx: AppContext, resolveCaller: CallerResolver): void {
  app.decorateRequest('caller', null);
  for (const { contract: c, handler } of routes) {
    const params = strict(c.params);
    const query = strict(c.query);
    const body = strict(c.body);
    app.route({
      method: c.method,
      url: c.path,
      config: c.rateLimit ? { rateLimit: { max: c.rateLimit.max, timeWindow: c.rateLimit.windowMs } } : {},
      handler: async (req, reply) => {
        req.caller = await resolveCaller(req, reply);
        if (c.method !== 'GET' && !req.caller?.tokenScopes) checkOrigin(req, ctx.config.publicUrl);
        guard(c, req);
        checkContentType(c, req);
        const input = {
          params: params.parse(req.params ?? {}),
          query: query.parse(req.query ?? {}),
          body: c.kind !== 'upload' ? body.parse(req.body ?? {}) : undefined,
        };
        refuseNulCharacters(input);
        const result = await handler({ ...input, caller: req.caller, db: ctx.db, ctx, req, reply } as never);
        if (reply.sent || c.kind === 'binary') return reply;
        // Parsing the output strips fields the contract does not declare, so a use case can
        // never leak a column (a hash, an internal flag) by returning a raw row.
        const output = c.response.safeParse(result);
        if (!output.success) throw responseMismatch(c, req, output.error);
        reply.status(c.status ?? 200);
        return output.data;
      },
    });
  }
}
