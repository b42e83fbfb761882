import type { ConnectionStatus, PresenceEvent } from '../../shared/realtime-protocol.js';
import type { Connection } from './local-sockets.js';
import type { NodePresence, PresenceStore } from './presence-store.js';

/** Presence as use cases see it (the HTTP read adds do-not-disturb and visibility). */
export interface PresenceReader {
  /** Each user's connection status now; unknown ids are `offline`. */
  read(userIds: string[]): Promise<Map<string, ConnectionStatus>>;
}

export interface PresenceTiming {
  /** How often a node refreshes its parts and looks for dead nodes. Default 20 s. */
  heartbeatMs: number;
  /** A node's part lapses this long after its last refresh (Redis only). Default 60 s. */
  ttlMs: number;
}

export const DEFAULT_PRESENCE_TIMING: PresenceTiming = { heartbeatMs: 20_000, ttlMs: 60_000 };

/** The topic a person's presence changes are published on. */
export const presenceTopic = (userId: string) => `presence:${userId}`;

/**
 * This node's view of who is connected, fed by the hub's sockets: opened (active), the
 * client's own idle/active reports, closed. It reports the node's part for a user to the
 * store only when that part changes, so input costs nothing and a socket costs two writes
 * (plus the heartbeat). Only sockets opened with a session count: an access token's socket is
 * a script, not the person at a screen.
 */
export class PresenceTracker implements PresenceReader {
  private readonly sockets = new Map<string, Map<Connection, 'active' | 'idle'>>();
  private readonly reported = new Map<string, NodePresence>();
  // Reports of one user go to the store in order: an open and a close racing must not swap.
  private readonly queues = new Map<string, Promise<void>>();
  private readonly timer: ReturnType<typeof setInterval>;
  private closed = false;

  constructor(
    private readonly store: PresenceStore,
    private readonly publish: (topic: string, event: PresenceEvent) => Promise<unknown>,
    private readonly onError: (err: unknown) => void,
    timing: PresenceTiming = DEFAULT_PRESENCE_TIMING,
  ) {
    this.timer = setInterval(() => void this.heartbeat().catch(onError), timing.heartbeatMs);
    this.timer.unref();
  }

  opened(conn: Connection): void {
    if (!conn.caller.sessionId) return;
    let mine = this.sockets.get(conn.caller.userId);
    if (!mine) {
      mine = new Map();
      this.sockets.set(conn.caller.userId, mine);
    }
    mine.set(conn, 'active');
    this.update(conn.caller.userId);
  }

  activity(conn: Connection, state: 'active' | 'idle'): void {
    const mine = this.sockets.get(conn.caller.userId);
    if (!mine?.has(conn) || mine.get(conn) === state) return;
    mine.set(conn, state);
    this.update(conn.caller.userId);
  }

  closedSocket(conn: Connection): void {
    const mine = this.sockets.get(conn.caller.userId);
    if (!mine?.delete(conn)) return;
    if (mine.size === 0) this.sockets.delete(conn.caller.userId);
    this.update(conn.caller.userId);
  }

  read(userIds: string[]): Promise<Map<string, ConnectionStatus>> {
    return this.store.read(userIds);
  }

  /** Shutting down: this node's people leave (those with sockets on other nodes stay online). */
  async close(): Promise<void> {
    clearInterval(this.timer);
    this.closed = true;
    this.sockets.clear();
    for (const userId of this.reported.keys()) this.enqueue(userId, null);
    await Promise.allSettled([...this.queues.values()]);
    await this.store.close();
  }

  private partOf(userId: string): NodePresence {
    const mine = this.sockets.get(userId);
    if (!mine || mine.size === 0) return null;
    for (const state of mine.values()) if (state === 'active') return 'active';
    return 'idle';
  }

  private update(userId: string): void {
    if (this.closed) return;
    const part = this.partOf(userId);
    if ((this.reported.get(userId) ?? null) === part) return;
    if (part) this.reported.set(userId, part);
    else this.reported.delete(userId);
    this.enqueue(userId, part);
  }

  private enqueue(userId: string, part: NodePresence): void {
    const previous = this.queues.get(userId) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        const status = await this.store.report(userId, part);
        if (status) await this.publish(presenceTopic(userId), { type: 'presence.changed', userId, status });
      })
      .catch(this.onError)
      .finally(() => {
        if (this.queues.get(userId) === next) this.queues.delete(userId);
      });
    this.queues.set(userId, next);
  }

  private async heartbeat(): Promise<void> {
    const held = [...this.reported.keys()].filter((id) => !this.queues.has(id));
    for (const userId of await this.store.refresh(held)) {
      const part = this.reported.get(userId);
      if (part && !this.queues.has(userId)) this.enqueue(userId, part);
    }
    for (const [userId, status] of await this.store.sweep()) {
      await this.publish(presenceTopic(userId), { type: 'presence.changed', userId, status });
    }
  }
}
