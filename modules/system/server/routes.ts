import { sql } from 'kysely';
import { buildOpenApi } from '../../../platform/server/http/openapi.js';
import { route } from '../../../platform/server/http/route.js';
import type { ServerModule } from '../../../platform/server/module.js';
import { apiDocsAsset, apiDocsPage, health, openApiDocument, realtimeCheck } from '../shared/contract.js';
import { sendDocsAsset, sendDocsPage } from './api-docs.js';
import { realtimeCheckUseCase } from './realtime-check.js';

// The accounts module's session cookie (documented only; this module does not read it).
const SESSION_COOKIE = 'skein_session';

/** `modules` is the full module list, read when the document is first asked for. */
export function systemRoutes(modules: () => readonly ServerModule[]) {
  let document: Record<string, unknown> | undefined;
  return [
    route(health, async ({ ctx }) => {
      // A trivial query proves the database answers, not just that the process is up.
      await sql`select 1`.execute(ctx.db);
      return { status: 'ok' as const, db: ctx.dialect, bus: ctx.hub.kind, version: ctx.config.version };
    }),
    route(openApiDocument, ({ ctx }) => {
      // Contracts are fixed once the server runs: build the document once.
      document ??= buildOpenApi({
        title: 'Skein API',
        version: ctx.config.version,
        description:
          'Every endpoint of this Skein server. Errors share one envelope: `{ "error": { "code", "message", "details?" } }`.',
        sessionCookie: SESSION_COOKIE,
        groups: modules().map((m) => ({ tag: m.id, contracts: m.routes.map((r) => r.contract) })),
      });
      return document;
    }),
    route(apiDocsPage, ({ reply }) => {
      sendDocsPage(reply);
      return undefined;
    }),
    route(apiDocsAsset, ({ params, reply }) => {
      sendDocsAsset(reply, params.asset);
      return undefined;
    }),
    route(realtimeCheck, ({ ctx, caller }) => realtimeCheckUseCase(ctx, caller)),
  ];
}
