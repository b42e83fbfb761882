import type { MessageType } from '../shared/message-types.js';

/** The message types this installation knows: the built-ins plus what other modules contributed. */
export type MessageTypeRegistry = ReadonlyMap<string, MessageType>;

export function createMessageTypeRegistry(types: MessageType[]): MessageTypeRegistry {
  const map = new Map<string, MessageType>();
  for (const t of types) {
    if (map.has(t.kind)) throw new Error(`Two message types are named ${t.kind}`);
    map.set(t.kind, t);
  }
  return map;
}
