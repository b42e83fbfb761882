import type { WebSocket } from 'ws';
import type { ServerMessage } from '../../shared/realtime-protocol.js';
import type { Caller } from '../permissions.js';
import type { CheckSlots, FrameBudget } from './socket-limits.js';

/** One open socket on this node and what it follows. */
export interface Connection {
  readonly socket: WebSocket;
  readonly caller: Caller;
  readonly topics: Set<string>;
  /** Subscriptions still waiting for their authorizer; a revoke or unsubscribe cancels them. */
  readonly pending: Map<string, symbol>;
  /** Cleared at each heartbeat, set again by a pong or any message. */
  alive: boolean;
  /**
   * Set once the hub has let the socket go (closed, disconnected, cut off): ws still emits
   * 'message' for frames that were already received, and none of them may be acted on.
   */
  closed: boolean;
  /** The frames it may still send (a token bucket). */
  readonly budget: FrameBudget;
  /** Its topic checks that may run at once. */
  readonly checks: CheckSlots;
}

// A client this far behind cannot catch up from live events anyway; dropping it frees the
// memory and its reconnect (with lastSeq) turns the loss into a visible gap.
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/** Sends one message if the socket is still open. */
export function send(conn: Connection, message: ServerMessage): void {
  if (conn.socket.readyState === conn.socket.OPEN) conn.socket.send(JSON.stringify(message));
}

/**
 * This node's sockets, indexed by topic (for fanout) and by user (for revoke/disconnect).
 * Pure bookkeeping: the hub decides when the bus starts or stops listening to a topic.
 */
export class LocalSockets {
  private readonly byTopic = new Map<string, Set<Connection>>();
  private readonly byUser = new Map<string, Set<Connection>>();

  attach(conn: Connection): void {
    let set = this.byUser.get(conn.caller.userId);
    if (!set) {
      set = new Set();
      this.byUser.set(conn.caller.userId, set);
    }
    set.add(conn);
  }

  /** Forgets a socket everywhere; returns the topics no local socket follows any more. */
  detach(conn: Connection): string[] {
    conn.closed = true;
    const emptied: string[] = [];
    for (const topic of conn.topics) if (this.leave(conn, topic) === 'last') emptied.push(topic);
    conn.pending.clear();
    const set = this.byUser.get(conn.caller.userId);
    if (set?.delete(conn) && set.size === 0) this.byUser.delete(conn.caller.userId);
    return emptied;
  }

  /** Adds a subscription; true when it is the topic's first on this node. */
  join(conn: Connection, topic: string): boolean {
    conn.topics.add(topic);
    let set = this.byTopic.get(topic);
    const first = !set;
    if (!set) {
      set = new Set();
      this.byTopic.set(topic, set);
    }
    set.add(conn);
    return first;
  }

  /** Removes a subscription: `last` when no local socket follows the topic any more. */
  leave(conn: Connection, topic: string): 'absent' | 'left' | 'last' {
    if (!conn.topics.delete(topic)) return 'absent';
    const set = this.byTopic.get(topic);
    if (!set) return 'left';
    set.delete(conn);
    if (set.size > 0) return 'left';
    this.byTopic.delete(topic);
    return 'last';
  }

  connectionsOf(userId: string): Connection[] {
    return [...(this.byUser.get(userId) ?? [])];
  }

  *all(): Iterable<Connection> {
    for (const set of this.byUser.values()) yield* set;
  }

  subscriberCount(topic: string): number {
    return this.byTopic.get(topic)?.size ?? 0;
  }

  /** Sends one finished frame to every local subscriber; the bytes are encoded once. */
  fanout(topic: string, frame: string): void {
    const set = this.byTopic.get(topic);
    if (!set) return;
    const bytes = Buffer.from(frame);
    for (const conn of set) {
      const socket = conn.socket;
      if (socket.readyState !== socket.OPEN) continue;
      if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
        socket.terminate();
        continue;
      }
      socket.send(bytes, { binary: false });
    }
  }
}
