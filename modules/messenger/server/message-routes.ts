import { route, type RouteDef } from '../../../platform/server/http/route.js';
import * as c from '../shared/contract.js';
import { dropDraft } from './drafts.js';
import { editMessageUseCase } from './edit-message.js';
import { forwardMessageUseCase } from './forward-message.js';
import { getMessageUseCase } from './get-message.js';
import { listInboxUseCase, markInboxReadUseCase } from './inbox.js';
import { listMessagesUseCase } from './list-messages.js';
import { listMyMentionsUseCase, listMyThreadsUseCase } from './mentions-and-threads.js';
import type { MessageTypeRegistry } from './message-type-registry.js';
import { getMessengerSettingsUseCase, updateMessengerSettingsUseCase } from './messenger-settings.js';
import { listPinsUseCase, setPinUseCase } from './pins.js';
import { setReactionUseCase } from './reactions.js';
import { recallMessageUseCase } from './recall-message.js';
import { postMessage } from './send-message.js';
import { getThreadUseCase, setThreadFollowUseCase } from './thread.js';

/** Routes for messages, threads, reactions, pins, notifications and the org's messenger settings. */
export function messageRoutes(types: MessageTypeRegistry): RouteDef[] {
  return [
    route(c.sendMessage, async ({ ctx, caller, params, body }) => {
      const sent = await postMessage(ctx, types, caller.userId, params.chatId, {
        clientId: body.clientId,
        kind: body.kind,
        content: body.content,
        replyToId: body.replyToId,
        threadRootId: body.threadRootId,
      });
      // What was typed in the chat's composer is now sent, on every device (thread replies have no draft).
      if (!body.threadRootId) await dropDraft(ctx.db, caller.userId, params.chatId);
      return sent;
    }),
    route(c.listMessages, ({ db, caller, params, query }) => listMessagesUseCase(db, caller, params.chatId, query)),
    route(c.getThread, ({ db, caller, params, query }) => getThreadUseCase(db, caller, params.messageId, query)),
    route(c.setThreadFollow, ({ db, caller, params, body }) =>
      setThreadFollowUseCase(db, caller, params.messageId, body.following),
    ),
    route(c.getMessage, ({ db, caller, params }) => getMessageUseCase(db, caller, params.messageId)),
    route(c.editMessage, ({ ctx, caller, params, body }) =>
      editMessageUseCase(ctx, types, caller, params.messageId, body.content),
    ),
    route(c.recallMessage, ({ ctx, caller, params }) => recallMessageUseCase(ctx, caller, params.messageId)),
    route(c.addReaction, ({ ctx, caller, params }) => setReactionUseCase(ctx, caller, params.messageId, params.emoji, true)),
    route(c.removeReaction, ({ ctx, caller, params }) => setReactionUseCase(ctx, caller, params.messageId, params.emoji, false)),
    route(c.pinMessage, ({ ctx, caller, params }) => setPinUseCase(ctx, caller, params.messageId, true)),
    route(c.unpinMessage, ({ ctx, caller, params }) => setPinUseCase(ctx, caller, params.messageId, false)),
    route(c.listPins, ({ db, caller, params }) => listPinsUseCase(db, caller, params.chatId)),
    route(c.forwardMessage, ({ ctx, caller, params, body }) => forwardMessageUseCase(ctx, types, caller, params.messageId, body)),
    route(c.listMyMentions, ({ db, caller, query }) => listMyMentionsUseCase(db, caller, query)),
    route(c.listMyThreads, ({ db, caller, query }) => listMyThreadsUseCase(db, caller, query)),
    route(c.listInbox, ({ db, caller, query }) => listInboxUseCase(db, caller, query)),
    route(c.markInboxRead, ({ db, caller, body }) => markInboxReadUseCase(db, caller, body)),
    route(c.getMessengerSettings, ({ db }) => getMessengerSettingsUseCase(db)),
    route(c.updateMessengerSettings, ({ db, body }) => updateMessengerSettingsUseCase(db, body)),
  ];
}
