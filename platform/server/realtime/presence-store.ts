import type { ConnectionStatus } from '../../shared/realtime-protocol.js';

/** What one node says about one user: some socket of theirs is active, all are idle, or none is open. */
export type NodePresence = 'active' | 'idle' | null;

/**
 * Where nodes pool what they know about who is connected. Each node reports its own part;
 * a user's status is the best part of any node: `online` if some socket anywhere is active,
 * `away` if all are idle, `offline` when no node has one.
 */
export interface PresenceStore {
  /**
   * Records this node's part for a user. Resolves with the user's new status when that changed
   * (exactly one node sees each change, so exactly one publishes it), else undefined.
   */
  report(userId: string, part: NodePresence): Promise<ConnectionStatus | undefined>;
  /**
   * The heartbeat: this node is alive and still holds these users' parts. Resolves with the
   * users whose part the store no longer has (lost), for the node to report again.
   */
  refresh(userIds: string[]): Promise<string[]>;
  /** Users whose status changed because another node stopped refreshing (it crashed), with their new status. */
  sweep(): Promise<Array<[string, ConnectionStatus]>>;
  read(userIds: string[]): Promise<Map<string, ConnectionStatus>>;
  close(): Promise<void>;
}

export function statusOf(part: NodePresence): ConnectionStatus {
  return part === 'active' ? 'online' : part === 'idle' ? 'away' : 'offline';
}

/** One node: this process knows every socket, and a crash takes every part with it. */
export function memoryPresenceStore(): PresenceStore {
  const parts = new Map<string, 'active' | 'idle'>();
  return {
    async report(userId, part) {
      const before = statusOf(parts.get(userId) ?? null);
      if (part) parts.set(userId, part);
      else parts.delete(userId);
      const after = statusOf(part);
      return after === before ? undefined : after;
    },
    async refresh() {
      return [];
    },
    async sweep() {
      return [];
    },
    async read(userIds) {
      return new Map(userIds.map((id) => [id, statusOf(parts.get(id) ?? null)]));
    },
    async close() {
      parts.clear();
    },
  };
}
