import type { AppContext } from '../../../platform/server/app-context.js';
import type { Caller } from '../../../platform/server/permissions.js';

/**
 * Publishes `realtime.check` to the caller's own `user:` topic. A client that sees it
 * knows its socket, the proxy in front and (with several nodes) the bus all work; the
 * answer's `seq` lets it match the event. Only ever reaches the caller's own sockets.
 */
export async function realtimeCheckUseCase(ctx: AppContext, caller: Caller) {
  const topic = `user:${caller.userId}`;
  const seq = await ctx.hub.publish(topic, { type: 'realtime.check', at: new Date().toISOString() });
  return { topic, seq };
}
