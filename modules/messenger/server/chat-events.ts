import type { AppContext } from '../../../platform/server/app-context.js';
import type { ChatEvent, UserMessengerEvent } from '../shared/types.js';

/**
 * Publishes after the transaction committed. The database is the truth: if the bus is down
 * the request still succeeds and clients catch up over HTTP when they see a sequence gap.
 */
export async function publishQuietly(ctx: AppContext, topic: string, event: ChatEvent | UserMessengerEvent): Promise<void> {
  try {
    await ctx.hub.publish(topic, event);
  } catch (err) {
    ctx.log.error({ err, topic }, 'realtime publish failed');
  }
}

/**
 * Tells everyone about a membership change: the chat's subscribers (`members.changed`), each
 * added or removed person on their own topic, and ends the removed people's live subscription
 * to the chat at once, on every node.
 */
export async function announceMembership(ctx: AppContext, chatId: string, added: string[], removed: string[]): Promise<void> {
  if (added.length === 0 && removed.length === 0) return;
  for (const userId of removed) {
    try {
      await ctx.hub.revoke(`chat:${chatId}`, userId as never);
    } catch (err) {
      ctx.log.error({ err, chatId, userId }, 'realtime revoke failed');
    }
  }
  await publishQuietly(ctx, `chat:${chatId}`, { type: 'members.changed', chatId, added, removed });
  for (const userId of added) await publishQuietly(ctx, `user:${userId}`, { type: 'messenger.chat_added', chatId });
  for (const userId of removed) await publishQuietly(ctx, `user:${userId}`, { type: 'messenger.chat_removed', chatId });
}
