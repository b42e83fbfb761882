import type { ServerModule } from '../../platform/server/module.js';
import { chatRoutes } from './server/chat-routes.js';
import { seedMessengerDemo } from './server/demo/seed-demo.js';
import { draftRoutes } from './server/drafts-routes.js';
import { authorizeChatSignal, authorizeChatTopic, chatFileScope } from './server/chat-topic.js';
import { createMessageTypeRegistry } from './server/message-type-registry.js';
import { messageRoutes } from './server/message-routes.js';
import * as init from './server/migrations/20261121T1100-messenger-init.js';
import * as messageFiles from './server/migrations/20261121T1130-messenger-message-files.js';
import * as chatScope from './server/migrations/20261121T1140-messenger-chat-scope.js';
import * as historyFloor from './server/migrations/20261202T0900-messenger-history-floor.js';
import * as idempotencyOp from './server/migrations/20261202T0910-messenger-idempotency-op.js';
import * as drafts from './server/migrations/20261203T0900-messenger-drafts.js';
import * as notifyLevel from './server/migrations/20261204T0900-messenger-notify-level.js';
import { messageFileScope } from './server/message-files.js';
import { orgEventHandlers } from './server/scoped-sync.js';
import { builtInMessageTypes, type MessageType } from './shared/message-types.js';

export interface MessengerOptions {
  /** Message types other modules contribute (bot cards, calendar invites …), next to the built-ins. */
  messageTypes?: MessageType[];
}

/** The messenger: chats, messages, threads, read state, notifications. */
export function messengerModule(options: MessengerOptions = {}): ServerModule {
  const types = createMessageTypeRegistry([...builtInMessageTypes, ...(options.messageTypes ?? [])]);
  return {
    id: 'messenger',
    routes: [...chatRoutes(), ...messageRoutes(types), ...draftRoutes()],
    migrations: {
      '20261121T1100-messenger-init': init,
      '20261121T1130-messenger-message-files': messageFiles,
      '20261121T1140-messenger-chat-scope': chatScope,
      '20261202T0900-messenger-history-floor': historyFloor,
      '20261202T0910-messenger-idempotency-op': idempotencyOp,
      '20261203T0900-messenger-drafts': drafts,
      '20261204T0900-messenger-notify-level': notifyLevel,
    },
    // Files posted in messages live in the `msg:<fileId>` scope; see server/message-files.ts.
    // Group avatars are shared into `chat:<id>`: members, and visitors of public groups.
    fileScopes: { msg: messageFileScope, chat: chatFileScope },
    topics: { chat: authorizeChatTopic },
    signals: { chat: authorizeChatSignal },
    seedDemo: (ctx) => seedMessengerDemo(ctx, types),
    // Department groups and channels follow the org chart (see server/scoped-sync.ts).
    events: orgEventHandlers,
  };
}
