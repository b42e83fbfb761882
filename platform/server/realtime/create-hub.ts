import type { UserId } from '../../shared/ids.js';
import { CLOSE_CODES, TOPIC_PATTERN } from '../../shared/realtime-protocol.js';
import type { AppContext } from '../app-context.js';
import { type BusHandlers, type ControlMessage, memoryBus } from './bus.js';
import { EndedCredentials } from './ended-credentials.js';
import { registerEndpoint } from './endpoint.js';
import type { CredentialRef, HubOptions, RealtimeHub } from './hub.js';
import { LocalSockets, send } from './local-sockets.js';
import { DEFAULT_PRESENCE_TIMING, PresenceTracker } from './presence.js';
import { redisPresenceStore } from './presence-redis.js';
import { memoryPresenceStore } from './presence-store.js';
import { redisBus } from './redis-bus.js';
import { DEFAULT_SOCKET_LIMITS } from './socket-limits.js';
import { type HubCore, leaveTopic } from './socket-session.js';
import { topicAccess } from './topics.js';
import { DEFAULT_TYPING_LIMITS, typingRelay } from './typing-relay.js';

/**
 * Builds the realtime hub: in-process bus by default, Redis pub/sub when `redisUrl` is set
 * (then boot fails if Redis is unreachable). `register` mounts `GET /api/ws`.
 */
export async function createHub(options: HubOptions): Promise<RealtimeHub> {
  const local = new LocalSockets();
  let ctx: AppContext | undefined;
  const currentCtx = () => {
    if (!ctx) throw new Error('realtime hub used before register()');
    return ctx;
  };
  const timing = { ...DEFAULT_PRESENCE_TIMING, ...options.presence };

  const revokeHere = (topic: string, userId: string) => {
    for (const conn of local.connectionsOf(userId)) {
      if (leaveTopic(core, conn, topic)) send(conn, { type: 'revoked', topic });
    }
  };
  const disconnectHere = (userId: string, sessionId?: string, tokenId?: string) => {
    // Also for sockets still being opened with this credential: they check when they start.
    core.ended.record(userId, sessionId, tokenId);
    for (const conn of local.connectionsOf(userId)) {
      if (sessionId && conn.caller.sessionId !== sessionId) continue;
      if (tokenId && conn.caller.tokenId !== tokenId) continue;
      // Forget it now so not one more event goes out, then close politely.
      for (const topic of local.detach(conn)) core.bus.unlisten(topic);
      conn.socket.close(CLOSE_CODES.disconnected, 'realtime.disconnected');
    }
  };
  const handlers: BusHandlers = {
    onFrame: (topic, frame) => local.fanout(topic, frame),
    onControl: (message: ControlMessage) => {
      if (message.op === 'revoke') revokeHere(message.topic, message.userId);
      else disconnectHere(message.userId, message.sessionId, message.tokenId);
    },
  };
  // Built before the bus so a control message arriving during the bus's boot finds it.
  const core: HubCore = {
    local,
    bus: memoryBus(handlers),
    limits: { ...DEFAULT_SOCKET_LIMITS, ...options.limits },
    ended: new EndedCredentials(),
    authorize: topicAccess(options.authorizers, currentCtx),
    log: () => ctx?.log,
    // Both replaced below, once the bus exists.
    presence: undefined as unknown as PresenceTracker,
    relayTyping: async () => {},
  };
  if (options.redisUrl) core.bus = await redisBus(options.redisUrl, handlers);
  const bus = core.bus;
  const presenceStore = options.redisUrl ? await redisPresenceStore(options.redisUrl, timing.ttlMs) : memoryPresenceStore();
  const publish = (topic: string, event: unknown) => hub.publish(topic, event);
  core.presence = new PresenceTracker(presenceStore, publish, (err) => ctx?.log.warn({ err }, 'presence update failed'), timing);
  core.relayTyping = typingRelay(bus, options.signalAuthorizers ?? {}, currentCtx, {
    ...DEFAULT_TYPING_LIMITS,
    ...options.typing,
  });

  // WebSocket ping frames: browsers answer them without any script; a socket that missed a
  // whole interval is dead (laptop closed, network gone) and is terminated.
  const heartbeat = setInterval(() => {
    for (const conn of local.all()) {
      if (!conn.alive) {
        conn.socket.terminate();
        continue;
      }
      conn.alive = false;
      conn.socket.ping();
    }
  }, options.heartbeatMs ?? 25_000);
  heartbeat.unref();

  let closed = false;
  const hub: RealtimeHub = {
    kind: bus.kind,
    presence: core.presence,
    async publish(topic, event) {
      if (!TOPIC_PATTERN.test(topic)) throw new Error(`Not a realtime topic: ${topic}`);
      // Serialized once per publish; the bus appends the sequence number where it allocates it.
      const prefix = `{"type":"event","topic":${JSON.stringify(topic)},"data":${JSON.stringify(event) ?? 'null'},"seq":`;
      return bus.publish(topic, prefix);
    },
    async revoke(topic, userId: UserId) {
      revokeHere(topic, userId);
      await bus.control({ op: 'revoke', topic, userId });
    },
    async disconnect(userId: UserId, credential?: CredentialRef) {
      const { sessionId, tokenId } = credential ?? {};
      disconnectHere(userId, sessionId, tokenId);
      await bus.control({ op: 'disconnect', userId, ...(sessionId ? { sessionId } : {}), ...(tokenId ? { tokenId } : {}) });
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      for (const conn of [...local.all()]) {
        local.detach(conn);
        conn.socket.close(1001, 'server shutting down');
      }
      // Before the bus: this node's people going offline is published on it.
      await core.presence.close();
      await bus.close();
    },
    register(app, appCtx, resolveCaller) {
      ctx = appCtx;
      registerEndpoint(app, appCtx, resolveCaller, core);
    },
  };
  return hub;
}
