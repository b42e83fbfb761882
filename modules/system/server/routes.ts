import { sql } from 'kysely';
import { route } from '../../../platform/server/http/route.js';
import { health } from '../shared/contract.js';

export const routes = [
  route(health, async ({ ctx }) => {
    // A trivial query proves the database answers, not just that the process is up.
    await sql`select 1`.execute(ctx.db);
    return { status: 'ok' as const, db: ctx.dialect, bus: ctx.hub.kind, version: ctx.config.version };
  }),
];
