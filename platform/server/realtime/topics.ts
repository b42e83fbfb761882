import { TOPIC_PATTERN } from '../../shared/realtime-protocol.js';
import type { AppContext } from '../app-context.js';
import type { Caller } from '../permissions.js';
import type { TopicAuthorizer } from './hub.js';

/**
 * Builds the subscribe-time check: `user:<id>` is built in (only that user); every other
 * prefix goes to the authorizer its module registered; an unknown prefix is refused.
 */
export function topicAccess(authorizers: Record<string, TopicAuthorizer>, ctx: () => AppContext) {
  return async (caller: Caller, topic: string): Promise<boolean> => {
    const match = TOPIC_PATTERN.exec(topic);
    if (!match) return false;
    const [, prefix, id] = match;
    if (prefix === 'user') return id === caller.userId;
    const authorize = Object.hasOwn(authorizers, prefix) ? authorizers[prefix] : undefined;
    if (!authorize) return false;
    return (await authorize(caller, id, ctx())) === true;
  };
}
