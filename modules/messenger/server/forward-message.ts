import type { AppContext } from '../../../platform/server/app-context.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { AppError } from '../../../platform/shared/errors.js';
import { messengerErrors } from '../shared/errors.js';
import type { MessageView } from '../shared/types.js';
import { mayPost, requireMembership } from './access.js';
import { requireVisibleMessage } from './find-message.js';
import type { MsgDb } from './message-tables.js';
import type { MessageTypeRegistry } from './message-type-registry.js';
import { postMessage } from './send-message.js';

/**
 * Forwards a message I can see into chats I may post in, recording where it came from. Every
 * target is checked before anything is sent; one clientId covers the whole forward, so a retry
 * returns the same message in each target instead of sending again, and the same clientId for
 * another message is `message.client_id_reused`. Files come along: the
 * forwarder can read them through the source chat, and the new message lets the target's members.
 */
export async function forwardMessageUseCase(
  ctx: AppContext,
  registry: MessageTypeRegistry,
  caller: Caller,
  messageId: string,
  body: { chatIds: string[]; clientId: string },
) {
  const { message } = await requireVisibleMessage(ctx.db, caller, messageId);
  if (message.recalled_at !== null) throw new AppError(messengerErrors['message.recalled']);
  if (registry.get(message.kind)?.userSendable === false) throw new AppError(messengerErrors['message.not_forwardable']);
  const targets = [...new Set(body.chatIds)];
  for (const chatId of targets) {
    const { chat, member } = await requireMembership(ctx.db, caller, chatId);
    if (!mayPost(chat, member, false)) throw new AppError(messengerErrors['chat.read_only']);
  }
  // A client id already used to forward another message is refused before any target gets a
  // copy (postMessage checks again inside each send, for retries racing each other).
  const db: MsgDb = ctx.db;
  const earlier = await db
    .selectFrom('msg_messages')
    .select('forwarded_from')
    .where('chat_id', 'in', targets)
    .where('sender_id', '=', caller.userId)
    .where('client_op', '=', 'forward')
    .where('client_id', '=', body.clientId)
    .execute();
  if (earlier.some((e) => e.forwarded_from === null || JSON.parse(e.forwarded_from).messageId !== message.id)) {
    throw new AppError(messengerErrors['message.client_id_reused']);
  }
  const items: MessageView[] = [];
  for (const chatId of targets) {
    items.push(
      await postMessage(ctx, registry, caller.userId, chatId, {
        clientId: body.clientId,
        kind: message.kind,
        content: JSON.parse(message.content),
        forwardedFrom: { chatId: message.chat_id, messageId: message.id, senderId: message.sender_id },
      }),
    );
  }
  return { items };
}
