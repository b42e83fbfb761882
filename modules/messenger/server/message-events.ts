import type { AppContext } from '../../../platform/server/app-context.js';
import type { ChatEvent, UserMessengerEvent } from '../shared/types.js';

/**
 * Publishes after the transaction committed. The database is the truth: if the hub fails
 * (Redis down) the request still succeeds and clients fill the gap from their last seq.
 */
export async function publishChat(ctx: AppContext, chatId: string, event: ChatEvent): Promise<void> {
  try {
    await ctx.hub.publish(`chat:${chatId}`, event);
  } catch (err) {
    ctx.log.warn({ err, chatId, type: event.type }, 'messenger: publish to chat failed');
  }
}

/** Publishes events to people's `user:<id>` topics, each failure logged, none thrown. */
export async function publishUsers(ctx: AppContext, events: { userId: string; event: UserMessengerEvent }[]): Promise<void> {
  await Promise.all(
    events.map(async ({ userId, event }) => {
      try {
        await ctx.hub.publish(`user:${userId}`, event);
      } catch (err) {
        ctx.log.warn({ err, userId, type: event.type }, 'messenger: publish to user failed');
      }
    }),
  );
}
