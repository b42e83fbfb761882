import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import type { AnyDb, Dialect } from './db/database.js';
import type { DomainEvents } from './events.js';
import type { FileStorage } from './files/storage.js';
import type { Hub } from './realtime/hub.js';

/** What every use case may reach: the database, the realtime hub, domain events, file storage, config, log. */
export interface AppContext {
  db: AnyDb;
  dialect: Dialect;
  config: Config;
  hub: Hub;
  /** Cross-module side effects (see events.ts). */
  events: DomainEvents;
  storage: FileStorage;
  log: FastifyBaseLogger;
}
