import type { ServerModule } from '../../platform/server/module.js';
import { chatRoutes } from './server/chat-routes.js';
import { createMessageTypeRegistry } from './server/message-type-registry.js';
import { messageRoutes } from './server/message-routes.js';
import * as init from './server/migrations/20261121T1100-messenger-init.js';
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
    routes: [...chatRoutes(), ...messageRoutes(types)],
    migrations: { '20261121T1100-messenger-init': init },
  };
}
