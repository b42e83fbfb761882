import type { AppContext } from '../../../platform/server/app-context.js';
import type { ChatEvent, MessageView, UserMessengerEvent } from '../shared/types.js';
import type { MessageRow } from './message-view.js';
import { mayReadSeq, strictestFloor } from './visibility.js';

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

/**
 * Publishes a changed message on `chat:<id>` under the visibility rule (visibility.ts); a new one
 * goes out from send-message.ts through messageEvent, in seq order.
 * The hub serializes one frame per publish for every subscriber, so the frame must be fit for
 * the strictest member:
 * - every member may read the message → the full view, shaped for the strictest member (a reply
 *   quote of older history is dropped; members who may read it get it over HTTP);
 * - some member may not (hidden history, and the message predates their start) → only a
 *   content-free reference, `message.changed`; clients holding the message refetch it over
 *   HTTP, which answers each reader by their own rule.
 * Per-user delivery of full events was the alternative; it costs one publish per member for
 * every reaction in a large channel, while a reference costs one publish plus a refetch by the
 * clients that have the message on screen. `view(floor)` builds the full view when it is sent.
 */
export async function publishMessageUpdate(
  ctx: AppContext,
  row: Pick<MessageRow, 'id' | 'chat_id' | 'seq'>,
  view: (floor: number) => MessageView | Promise<MessageView>,
): Promise<void> {
  const type = 'message.updated';
  let event: ChatEvent;
  try {
    const floor = await strictestFloor(ctx.db, row.chat_id);
    const message = mayReadSeq({ visible_from_seq: floor }, row.seq) ? await view(floor) : undefined;
    event = messageEvent(row, type, () => message as MessageView, floor);
  } catch (err) {
    ctx.log.warn({ err, chatId: row.chat_id, type }, 'messenger: shaping a message event failed');
    return;
  }
  await publishChat(ctx, row.chat_id, event);
}

/** The event for a new or changed message under the chat's history floor (see publishMessageUpdate). */
export function messageEvent(
  row: Pick<MessageRow, 'id' | 'chat_id' | 'seq'>,
  type: 'message.created' | 'message.updated',
  view: (floor: number) => MessageView,
  floor: number,
): ChatEvent {
  return mayReadSeq({ visible_from_seq: floor }, row.seq)
    ? { type, message: view(floor) }
    : { type: 'message.changed', chatId: row.chat_id, messageId: row.id, seq: row.seq };
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
