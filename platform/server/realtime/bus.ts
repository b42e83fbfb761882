import type { UserId } from '../../shared/ids.js';

/**
 * A cross-node instruction: drop one user's subscription, or close a user's sockets — all of
 * them, or only those opened with one session or one access token.
 */
export type ControlMessage =
  | { op: 'revoke'; topic: string; userId: UserId }
  | { op: 'disconnect'; userId: UserId; sessionId?: string; tokenId?: string };

/** What a bus delivers to its node. `frame` is the finished client message, built once. */
export interface BusHandlers {
  onFrame(topic: string, frame: string): void;
  /** Control messages from OTHER nodes (the publishing node applies its own at once). */
  onControl(message: ControlMessage): void;
}

/**
 * Carries events between nodes and numbers them. `publish` gets the event frame without
 * its sequence number (`…,"seq":`) so the number can be appended where it is allocated:
 * allocation and delivery happen in one step, so every node sees a topic's events in order.
 */
export interface Bus {
  readonly kind: 'memory' | 'redis';
  publish(topic: string, framePrefix: string): Promise<number>;
  currentSeq(topic: string): Promise<number>;
  /** Starts delivering a topic to this node (its first local subscriber arrived). */
  listen(topic: string): Promise<void>;
  /** Stops delivering a topic to this node (its last local subscriber left). */
  unlisten(topic: string): void;
  control(message: ControlMessage): Promise<void>;
  close(): Promise<void>;
}

/** One process: sequence numbers in a map, delivery is a direct call. */
export function memoryBus(handlers: BusHandlers): Bus {
  const seqs = new Map<string, number>();
  return {
    kind: 'memory',
    async publish(topic, framePrefix) {
      const seq = (seqs.get(topic) ?? 0) + 1;
      seqs.set(topic, seq);
      handlers.onFrame(topic, `${framePrefix}${seq}}`);
      return seq;
    },
    async currentSeq(topic) {
      return seqs.get(topic) ?? 0;
    },
    async listen() {},
    unlisten() {},
    async control() {},
    async close() {},
  };
}
