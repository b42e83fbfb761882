import type { RouteDef } from '../../../platform/server/http/route.js';
import type { MessageTypeRegistry } from './message-type-registry.js';

/** Routes for messages, threads, reactions, pins, notifications. */
export function messageRoutes(_types: MessageTypeRegistry): RouteDef[] {
  return [];
}
