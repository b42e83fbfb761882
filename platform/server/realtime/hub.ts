import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { UserId } from '../../shared/ids.js';
import type { AppContext } from '../app-context.js';
import type { Caller } from '../permissions.js';
import type { PresenceReader, PresenceTiming } from './presence.js';
import type { SocketLimits } from './socket-limits.js';
import type { TypingLimits } from './typing-relay.js';

/**
 * Decides whether a caller may subscribe to a topic. Registered per topic prefix by the
 * module that owns it: `chat` authorizes `chat:<id>` and receives `<id>`.
 */
export type TopicAuthorizer = (caller: Caller, topicId: string, ctx: AppContext) => Promise<boolean> | boolean;

/** The credential whose sockets a disconnect closes: one session, or one access token. */
export type CredentialRef = { sessionId: string; tokenId?: undefined } | { tokenId: string; sessionId?: undefined };

/** The realtime hub: one authenticated WebSocket endpoint, topics, per-topic sequence numbers. */
export interface Hub {
  readonly kind: 'memory' | 'redis';
  /** Publishes to every subscriber on every node; resolves with the topic's new sequence number. */
  publish(topic: string, event: unknown): Promise<number>;
  /** Ends one user's subscription to a topic on every node (membership removed). */
  revoke(topic: string, userId: UserId): Promise<void>;
  /**
   * Closes a user's sockets on every node with close code 4000: all of them (deactivated), or
   * only those opened with one credential (`{ sessionId }` or `{ tokenId }`).
   */
  disconnect(userId: UserId, credential?: CredentialRef): Promise<void>;
  /** Who is connected, pooled across nodes (docs/adr/0014-presence-and-typing.md). */
  readonly presence: PresenceReader;
  close(): Promise<void>;
}

export interface HubOptions {
  redisUrl?: string;
  authorizers: Record<string, TopicAuthorizer>;
  /**
   * Who may send ephemeral signals (typing) to a topic, by prefix: e.g. may post in chat <id>.
   * A prefix without one relays nothing.
   */
  signalAuthorizers?: Record<string, TopicAuthorizer>;
  /** Presence heartbeat and expiry; defaults in presence.ts. */
  presence?: Partial<PresenceTiming>;
  /** Typing signal limits; defaults in typing-relay.ts. */
  typing?: Partial<TypingLimits>;
  /** Server ping interval; sockets that miss one ping are terminated. Default 25 s. */
  heartbeatMs?: number;
  /** Per-socket frame budget and concurrent topic checks; defaults in socket-limits.ts. */
  limits?: Partial<SocketLimits>;
}

/** Resolves who opens a socket, exactly as for HTTP (session cookie or Bearer token). */
export type SocketCallerResolver = (req: FastifyRequest) => Promise<Caller | null>;

/** Registers the WebSocket endpoint; the composition root calls it once the hub exists. */
export type RegisterHubEndpoint = (app: FastifyInstance, ctx: AppContext, resolveCaller: SocketCallerResolver) => void;

/** The hub as the composition root sees it: the Hub use cases get, plus its endpoint. */
export interface RealtimeHub extends Hub {
  register: RegisterHubEndpoint;
}
