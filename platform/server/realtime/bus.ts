import { randomBytes } from 'node:crypto';
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
 * Where a topic's numbering stands. `epoch` names the numbering itself: it changes whenever
 * the numbers start again from 0 (the process restarted, or Redis lost its data), so a client
 * holding a higher number from before can tell its number is void rather than "ahead".
 */
export interface TopicPosition {
  seq: number;
  epoch: string;
}

/** A fresh epoch: random, short, and safe to splice into JSON unescaped. */
export function newEpoch(): string {
  return randomBytes(9).toString('base64url');
}

/** What the bus appends to a frame prefix (`…,"seq":`) to finish the event frame. */
export function frameSuffix(seq: number, epoch: string): string {
  return `${seq},"epoch":"${epoch}"}`;
}

/**
 * Carries events between nodes and numbers them. `publish` gets the event frame without
 * its sequence number (`…,"seq":`) so the number (and its epoch) can be appended where it is
 * allocated: allocation and delivery happen in one step, so every node sees a topic's events
 * in order.
 */
export interface Bus {
  readonly kind: 'memory' | 'redis';
  publish(topic: string, framePrefix: string): Promise<number>;
  position(topic: string): Promise<TopicPosition>;
  /**
   * Delivers a finished frame to the topic's subscribers on every node without numbering it:
   * for ephemeral signals (typing), which must not look like a gap to clients counting `seq`.
   */
  signal(topic: string, frame: string): Promise<void>;
  /** Starts delivering a topic to this node (its first local subscriber arrived). */
  listen(topic: string): Promise<void>;
  /** Stops delivering a topic to this node (its last local subscriber left). */
  unlisten(topic: string): void;
  control(message: ControlMessage): Promise<void>;
  close(): Promise<void>;
}

/**
 * One process: sequence numbers in a map, delivery is a direct call. The map dies with the
 * process, so each start is a new epoch.
 */
export function memoryBus(handlers: BusHandlers): Bus {
  const seqs = new Map<string, number>();
  const epoch = newEpoch();
  return {
    kind: 'memory',
    async publish(topic, framePrefix) {
      const seq = (seqs.get(topic) ?? 0) + 1;
      seqs.set(topic, seq);
      handlers.onFrame(topic, framePrefix + frameSuffix(seq, epoch));
      return seq;
    },
    async position(topic) {
      return { seq: seqs.get(topic) ?? 0, epoch };
    },
    async signal(topic, frame) {
      handlers.onFrame(topic, frame);
    },
    async listen() {},
    unlisten() {},
    async control() {},
    async close() {},
  };
}
