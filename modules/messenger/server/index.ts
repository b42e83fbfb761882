/** The messenger's public server API: what other modules, demo data and benchmarks may call. */
export { postMessage, type PostInput } from './send-message.js';
export { seedChatHistory, type SeedHistoryInput } from './bench-seed.js';
export { createMessageTypeRegistry, type MessageTypeRegistry } from './message-type-registry.js';
export { mayReadMessageFile } from './message-files.js';
export type { MessengerTables } from './tables.js';
export type { MessageExtraTables } from './message-tables.js';

import { builtInMessageTypes } from '../shared/message-types.js';
import { createMessageTypeRegistry } from './message-type-registry.js';

/** A registry of the built-in message types (text, post, image, file, system), for callers outside the module. */
export function builtInMessageTypeRegistry() {
  return createMessageTypeRegistry(builtInMessageTypes);
}
