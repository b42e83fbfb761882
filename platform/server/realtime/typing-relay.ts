import type { SignalData } from '../../shared/realtime-protocol.js';
import { TOPIC_PATTERN } from '../../shared/realtime-protocol.js';
import type { AppContext } from '../app-context.js';
import type { Caller } from '../permissions.js';
import type { Bus } from './bus.js';
import type { TopicAuthorizer } from './hub.js';
import type { Connection } from './local-sockets.js';
import { FrameBudget } from './socket-limits.js';

/**
 * Limits of typing signals. Clients send one per ~3 s while typing; the server relays at most
 * one per topic per `minIntervalMs` and `perSecond` (bursts of `burst`) across a socket's topics,
 * and drops the rest silently: a dropped signal costs the reader nothing but a flicker.
 */
export interface TypingLimits {
  minIntervalMs: number;
  perSecond: number;
  burst: number;
}

export const DEFAULT_TYPING_LIMITS: TypingLimits = { minIntervalMs: 2000, perSecond: 1, burst: 5 };

// How long a "may post here" answer is reused: typing must not cost a database read per signal.
const DECISION_MS = 30_000;

interface SocketTyping {
  budget: FrameBudget;
  last: Map<string, number>;
  decisions: Map<string, { allowed: boolean; until: number }>;
}

/**
 * Relays "typing" from a socket to the other subscribers of a topic it follows, if its caller
 * may post there (the topic's module decides, like it decides subscriptions). Nothing is
 * written anywhere: the signal is one ephemeral frame on the bus, without a sequence number.
 */
export function typingRelay(
  bus: Bus,
  authorizers: Record<string, TopicAuthorizer>,
  ctx: () => AppContext,
  limits: TypingLimits = DEFAULT_TYPING_LIMITS,
) {
  const state = new WeakMap<Connection, SocketTyping>();

  const mayPost = async (caller: Caller, topic: string): Promise<boolean> => {
    const match = TOPIC_PATTERN.exec(topic);
    if (!match) return false;
    const [, prefix, id] = match;
    const authorize = Object.hasOwn(authorizers, prefix) ? authorizers[prefix] : undefined;
    if (!authorize) return false;
    return (await authorize(caller, id, ctx())) === true;
  };

  return async function relayTyping(conn: Connection, topic: string): Promise<void> {
    // Only a topic the socket follows: its subscription was checked, and a revoke ends it.
    if (!conn.topics.has(topic)) return;
    // Saying something to others is writing: a read-only access token may only listen.
    if (conn.caller.tokenScopes && !conn.caller.tokenScopes.includes('write')) return;
    let s = state.get(conn);
    if (!s) {
      s = { budget: new FrameBudget(limits.perSecond, limits.burst), last: new Map(), decisions: new Map() };
      state.set(conn, s);
    }
    const now = performance.now();
    const last = s.last.get(topic);
    if (last !== undefined && now - last < limits.minIntervalMs) return;
    if (!s.budget.take(now)) return;
    s.last.set(topic, now);
    let decision = s.decisions.get(topic);
    if (!decision || decision.until < now) {
      decision = { allowed: await mayPost(conn.caller, topic), until: now + DECISION_MS };
      s.decisions.set(topic, decision);
    }
    // Unsubscribed, revoked or closed while the check ran.
    if (!decision.allowed || conn.closed || !conn.topics.has(topic)) return;
    const data: SignalData = { kind: 'typing', userId: conn.caller.userId };
    await bus.signal(topic, JSON.stringify({ type: 'signal', topic, data }));
  };
}

export type TypingRelay = ReturnType<typeof typingRelay>;
