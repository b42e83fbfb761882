import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { platformErrors } from '../../platform/shared/errors.js';
import { pickLocale } from '../../platform/shared/i18n.js';
import type { AppContext } from '../../platform/server/app-context.js';
import { type Config, trustProxyOption } from '../../platform/server/config.js';
import { type DbHandle, openDatabase } from '../../platform/server/db/database.js';
import { migrate } from '../../platform/server/db/migrator.js';
import { createDomainEvents } from '../../platform/server/events.js';
import { diskStorage } from '../../platform/server/files/storage.js';
import { clientErrorHandler } from '../../platform/server/http/client-errors.js';
import { sendError } from '../../platform/server/http/errors.js';
import { registerRoutes } from '../../platform/server/http/register-routes.js';
import { registerSecurityHeaders } from '../../platform/server/http/security-headers.js';
import { createHub } from '../../platform/server/realtime/create-hub.js';
import { resolveCaller } from '../../modules/accounts/server/index.js';
import { serverModules } from './modules.js';

export interface App {
  fastify: FastifyInstance;
  ctx: AppContext;
  close(): Promise<void>;
}

export interface BuildOptions {
  /** Postgres schema (tests isolate runs in their own). */
  schema?: string;
  /** Directory of the built web app; served with an SPA fallback when it exists. */
  webDir?: string;
  logger?: boolean;
}

/** Composition root: opens the database, migrates, builds the hub, registers every module. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<App> {
  // The logger exists only once Fastify does; background database errors before that are rare.
  let log: { warn(obj: object, msg: string): void } | undefined;
  const handle: DbHandle = openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    schema: options.schema,
    onBackgroundError: (message) => log?.warn({ err: message }, 'sqlite: background checkpoint failed'),
  });
  try {
    await migrate(
      handle.db,
      serverModules.map((m) => m.migrations),
    );
  } catch (err) {
    await handle.close();
    throw err;
  }

  const fastify = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    // A proxy's or caller's x-request-id is kept so log lines match across hops; an odd-looking one
    // is replaced rather than logged verbatim. The id is echoed on every response (hook below).
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.:@-]{1,128}$/.test(given) ? given : crypto.randomUUID();
    },
    bodyLimit: 1024 * 1024,
    // The router's own refusals (a path segment that is not valid UTF-8, a parameter over
    // maxParamLength) would otherwise answer in Fastify's shape, without our code and message.
    frameworkErrors: (err, req, reply) => sendError(err, req, reply),
    // …and what Node's HTTP parser refuses before the router sees it (raw UTF-8 in a path).
    clientErrorHandler,
    // Forwarded headers are anybody's to write: honoured only from the proxies SKEIN_TRUST_PROXY names.
    trustProxy: trustProxyOption(config.trustProxy),
    // Node's HTTP server otherwise keeps idle keep-alive sockets open through shutdown.
    forceCloseConnections: 'idle',
  });

  log = fastify.log;
  const authorizers = Object.assign({}, ...serverModules.map((m) => m.topics ?? {}));
  const signalAuthorizers = Object.assign({}, ...serverModules.map((m) => m.signals ?? {}));
  const hub = await createHub({
    redisUrl: config.redisUrl,
    authorizers,
    signalAuthorizers,
    presence: { heartbeatMs: config.presenceHeartbeatMs, ttlMs: 3 * config.presenceHeartbeatMs },
  });
  const ctx: AppContext = {
    db: handle.db,
    dialect: handle.dialect,
    config,
    hub,
    events: createDomainEvents(serverModules, () => ctx),
    storage: diskStorage(path.join(config.dataDir, 'files')),
    log: fastify.log,
  };

  fastify.setErrorHandler((err, req, reply) => sendError(err, req, reply));
  fastify.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !options.webDir) {
      const spec = platformErrors['route.not_found'];
      return reply.status(404).send({ error: { code: spec.code, message: spec[pickLocale(req.headers['accept-language'])] } });
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
  fastify.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  registerSecurityHeaders(fastify);
  await fastify.register(cookie);
  // With several nodes the counters must be shared, or each node would allow the full limit.
  const limiterRedis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1 }) : undefined;
  await fastify.register(rateLimit, {
    global: false,
    ...(limiterRedis ? { redis: limiterRedis, nameSpace: 'skein:rl:' } : {}),
    errorResponseBuilder: (req, context) => {
      const spec = platformErrors['request.rate_limited'];
      return {
        statusCode: 429,
        error: {
          code: spec.code,
          message: spec[pickLocale(req.headers['accept-language'])],
          details: { retryAfterMs: context.ttl },
        },
      };
    },
  });
  await fastify.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10 } });
  await fastify.register(websocket, { options: { maxPayload: 64 * 1024 } });
  if (options.webDir && fs.existsSync(options.webDir)) {
    await fastify.register(fastifyStatic, { root: options.webDir, prefix: '/', wildcard: false });
  }

  registerRoutes(
    fastify,
    serverModules.flatMap((m) => m.routes),
    ctx,
    (req) => resolveCaller(ctx, req),
  );
  hub.register(fastify, ctx, (req) => resolveCaller(ctx, req));

  for (const m of serverModules) await m.onBoot?.(ctx);

  return {
    fastify,
    ctx,
    async close() {
      // Order matters: stop taking requests and let in-flight ones finish, then drop
      // sockets, then the database, so no acknowledged write is cut off.
      // A keep-alive connection whose request finishes during the drain would otherwise stay open
      // until the client drops it (keep-alive lasts 72 s) and hold the shutdown; a connection
      // still busy after 10 s (a stalled download) is cut.
      const reaper = setInterval(() => fastify.server.closeIdleConnections(), 100);
      const cutoff = setTimeout(() => fastify.server.closeAllConnections(), 10_000);
      try {
        await fastify.close();
      } finally {
        clearInterval(reaper);
        clearTimeout(cutoff);
      }
      await hub.close();
      limiterRedis?.disconnect();
      await handle.close();
    },
  };
}
