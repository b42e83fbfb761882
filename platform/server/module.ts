import type { AppContext } from './app-context.js';
import type { Migrations } from './db/migrator.js';
import type { RouteDef } from './http/route.js';
import type { TopicAuthorizer } from './realtime/hub.js';

/**
 * A module's server half, listed explicitly in apps/server/modules.ts.
 * `topics` authorize realtime subscriptions for the topic prefixes the module owns.
 */
export interface ServerModule {
  id: string;
  routes: RouteDef[];
  migrations: Migrations;
  topics?: Record<string, TopicAuthorizer>;
  /** Runs once after migrations, before the server listens (e.g. start a worker). */
  onBoot?: (ctx: AppContext) => Promise<void> | void;
  /** Adds this module's demo data (`npm run demo`); must be idempotent. */
  seedDemo?: (ctx: AppContext) => Promise<void>;
}
