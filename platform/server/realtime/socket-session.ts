import type { FastifyBaseLogger } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import { CLOSE_CODES, clientMessage, MAX_CLIENT_MESSAGE_BYTES, MAX_TOPICS_PER_SOCKET } from '../../shared/realtime-protocol.js';
import type { Caller } from '../permissions.js';
import type { Bus } from './bus.js';
import type { EndedCredentials } from './ended-credentials.js';
import { type Connection, type LocalSockets, send } from './local-sockets.js';
import type { PresenceTracker } from './presence.js';
import { CheckSlots, FrameBudget, type SocketLimits } from './socket-limits.js';

/** What a socket's message loop needs from its hub. */
export interface HubCore {
  local: LocalSockets;
  bus: Bus;
  limits: SocketLimits;
  ended: EndedCredentials;
  authorize(caller: Caller, topic: string): Promise<boolean>;
  presence: PresenceTracker;
  relayTyping(conn: Connection, topic: string): Promise<void>;
  log(): FastifyBaseLogger | undefined;
}

/** Leaves a topic on this node; the bus stops delivering it when nobody here follows it. */
export function leaveTopic(core: HubCore, conn: Connection, topic: string): boolean {
  const wasPending = conn.pending.delete(topic);
  const result = core.local.leave(conn, topic);
  if (result === 'last') core.bus.unlisten(topic);
  return wasPending || result !== 'absent';
}

function topicOf(raw: unknown): string | undefined {
  const topic = (raw as { topic?: unknown } | null)?.topic;
  return typeof topic === 'string' && topic.length <= 200 ? topic : undefined;
}

async function subscribe(core: HubCore, conn: Connection, topic: string): Promise<void> {
  if (conn.pending.has(topic)) return;
  if (!conn.topics.has(topic)) {
    if (conn.topics.size + conn.pending.size >= MAX_TOPICS_PER_SOCKET) {
      send(conn, { type: 'error', topic, code: 'realtime.too_many_topics' });
      return;
    }
    const ticket = Symbol(topic);
    conn.pending.set(topic, ticket);
    const turn = conn.checks.acquire();
    if (turn) await turn;
    let allowed: boolean;
    try {
      // Unsubscribed, revoked or closed while it waited for its turn: nothing to check.
      if (conn.pending.get(topic) !== ticket) return;
      allowed = await core.authorize(conn.caller, topic);
    } finally {
      conn.checks.release();
    }
    // Revoked, unsubscribed or closed while the check ran: the check's answer is stale.
    if (conn.pending.get(topic) !== ticket) return;
    conn.pending.delete(topic);
    if (!allowed) {
      send(conn, { type: 'error', topic, code: 'realtime.forbidden' });
      return;
    }
    core.local.join(conn, topic);
  }
  // Join first, then listen, then read the number: every event numbered after `seq` reaches
  // this socket, so a client comparing `seq` with its lastSeq sees every gap.
  await core.bus.listen(topic);
  const { seq, epoch } = await core.bus.position(topic);
  if (conn.topics.has(topic)) send(conn, { type: 'subscribed', topic, seq, epoch });
}

// Time an abusive peer gets to read the close frame before its connection is destroyed.
const CUT_OFF_GRACE_MS = 1000;

/**
 * Ends an abusive socket: forgotten at once, told why (the close code), and no longer read —
 * its flood stays in the kernel's buffers instead of costing this process parsing work.
 */
function cutOff(core: HubCore, conn: Connection, code: number, reason: string): void {
  for (const topic of core.local.detach(conn)) core.bus.unlisten(topic);
  conn.socket.close(code, reason);
  conn.socket.pause();
  setTimeout(() => conn.socket.terminate(), CUT_OFF_GRACE_MS).unref();
}

/**
 * Runs one authenticated socket: parses each client message (bad ones get an error, never
 * a crash), subscribes after the topic check, forgets everything when the socket closes.
 */
export function runSocket(core: HubCore, socket: WebSocket, caller: Caller): Connection {
  const conn: Connection = {
    socket,
    caller,
    topics: new Set(),
    pending: new Map(),
    alive: true,
    closed: false,
    budget: new FrameBudget(core.limits.framesPerSecond, core.limits.frameBurst),
    checks: new CheckSlots(core.limits.maxPendingChecks),
  };
  core.local.attach(conn);
  core.presence.opened(conn);

  socket.on('pong', () => {
    conn.alive = true;
  });
  socket.on('close', () => {
    for (const topic of core.local.detach(conn)) core.bus.unlisten(topic);
    core.presence.closedSocket(conn);
  });
  socket.on('message', (data: RawData, isBinary: boolean) => {
    if (conn.closed) return;
    conn.alive = true;
    if (!conn.budget.take()) {
      core.log()?.warn({ userId: caller.userId }, 'realtime socket over its frame budget: closed');
      cutOff(core, conn, CLOSE_CODES.rateLimited, 'realtime.rate_limited');
      return;
    }
    const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    if (isBinary || bytes.byteLength > MAX_CLIENT_MESSAGE_BYTES) {
      send(conn, { type: 'error', code: 'realtime.bad_message' });
      return;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(bytes.toString('utf8'));
    } catch {
      send(conn, { type: 'error', code: 'realtime.bad_message' });
      return;
    }
    const parsed = clientMessage.safeParse(raw);
    if (!parsed.success) {
      send(conn, { type: 'error', topic: topicOf(raw), code: 'realtime.bad_message' });
      return;
    }
    const message = parsed.data;
    if (message.type === 'ping') send(conn, { type: 'pong' });
    else if (message.type === 'unsubscribe') leaveTopic(core, conn, message.topic);
    else if (message.type === 'presence') core.presence.activity(conn, message.state);
    else if (message.type === 'typing') {
      core
        .relayTyping(conn, message.topic)
        .catch((err) => core.log()?.error({ err, topic: message.topic }, 'typing relay failed'));
    } else {
      subscribe(core, conn, message.topic).catch((err) => {
        conn.pending.delete(message.topic);
        leaveTopic(core, conn, message.topic);
        core.log()?.error({ err, topic: message.topic }, 'realtime subscribe failed');
        send(conn, { type: 'error', topic: message.topic, code: 'realtime.internal' });
      });
    }
  });
  return conn;
}
