import type { AppContext } from './app-context.js';
import type { Migrations } from './db/migrator.js';
import type { EventHandler } from './events.js';
import type { RouteDef } from './http/route.js';
import type { Caller } from './permissions.js';
import type { TopicAuthorizer } from './realtime/hub.js';

/**
 * Decides whether a caller may read files shared into `<prefix>:<id>`, e.g. the messenger's
 * `chat` checker answers "is this caller a member of chat <id>". The files module asks it on
 * every download, so a member who leaves a chat loses its files at once.
 */
export type FileScopeChecker = (caller: Caller, scopeId: string, ctx: AppContext) => Promise<boolean> | boolean;

/**
 * A module's server half, listed explicitly in apps/server/modules.ts.
 * `topics` authorize realtime subscriptions for the topic prefixes the module owns.
 */
export interface ServerModule {
  id: string;
  routes: RouteDef[];
  migrations: Migrations;
  topics?: Record<string, TopicAuthorizer>;
  /** Who may send ephemeral signals (typing) to the topics it owns, e.g. "may post in chat <id>". */
  signals?: Record<string, TopicAuthorizer>;
  /** Domain event handlers by event name (`org.member_departments_changed` …); see events.ts. */
  events?: Record<string, EventHandler>;
  /** Read checks for files this module shares, by scope prefix (see FileScopeChecker). */
  fileScopes?: Record<string, FileScopeChecker>;
  /** Runs once after migrations, before the server listens (e.g. start a worker). */
  onBoot?: (ctx: AppContext) => Promise<void> | void;
  /** Adds this module's demo data (`npm run demo`); must be idempotent. */
  seedDemo?: (ctx: AppContext) => Promise<void>;
}
