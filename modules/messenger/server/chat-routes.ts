import type { RouteDef } from '../../../platform/server/http/route.js';

/** Routes for chats, membership, read state (filled in by the chats use cases). */
export function chatRoutes(): RouteDef[] {
  return [];
}
