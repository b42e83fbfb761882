import {
  CLOSE_CODES,
  REALTIME_PATH,
  type ClientMessage,
  type RealtimeErrorCode,
  type ServerMessage,
  type SignalData,
} from '../shared/realtime-protocol.js';

/** The part of the WebSocket API the client uses: the browser's and the `ws` package's both fit. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

// biome-ignore lint/suspicious/noExplicitAny: the browser's and ws's constructors differ in their second argument.
export type WebSocketConstructor = new (url: string, options?: any) => WebSocketLike;

export type RealtimeStatus = 'connecting' | 'open' | 'reconnecting' | 'unauthorized' | 'closed';

/**
 * Why a gap was reported. `missed`: events `fromSeq..toSeq` did not arrive. `restart`: the
 * server numbers the topic afresh (it restarted, or its Redis lost its data); `fromSeq` is 0
 * and anything up to `toSeq`, and whatever came after the last event seen before, is unknown.
 */
export type GapReason = 'missed' | 'restart';

export interface RealtimeClientOptions {
  /** ws(s)://host/api/ws; in the browser the page's own host by default. */
  url?: string;
  /** Node: pass the `ws` package's WebSocket. Defaults to globalThis.WebSocket. */
  WebSocket?: WebSocketConstructor;
  /** Node only (the `ws` package): headers of the upgrade request, e.g. a Cookie or Authorization. */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** Events numbered `fromSeq..toSeq` of `topic` were missed (offline, dropped, server restarted): refetch its state. */
  onGap?: (topic: string, fromSeq: number, toSeq: number, reason: GapReason) => void;
  onStatus?: (status: RealtimeStatus) => void;
  /** App-level ping interval; browsers cannot see the server's ping frames. Default 25 s. */
  pingMs?: number;
  /** A ping unanswered this long means the connection is dead. Default 10 s. */
  pongTimeoutMs?: number;
  /** Reconnect delay: doubles from minMs up to maxMs, with jitter. Default 500 ms … 30 s. */
  backoff?: { minMs: number; maxMs: number };
}

export interface SubscribeOptions {
  /** The server confirmed the subscription; `seq` is the topic's current sequence number. */
  onSubscribed?: (seq: number) => void;
  /** Membership ended: the server dropped this subscription (it is not renewed on reconnect). */
  onRevoked?: () => void;
  /** The server refused the topic (e.g. `realtime.forbidden`); it is not retried. */
  onError?: (code: RealtimeErrorCode) => void;
  /** Events were missed (see GapReason): refetch the topic's state over HTTP. */
  onGap?: (fromSeq: number, toSeq: number, reason: GapReason) => void;
  /** An ephemeral signal (someone typing): not numbered, never replayed, lost when offline. */
  onSignal?: (data: SignalData) => void;
}

export type EventHandler = (data: unknown, meta: { topic: string; seq: number }) => void;

interface TopicState {
  handlers: Set<EventHandler>;
  options: Set<SubscribeOptions>;
  lastSeq?: number;
  /** The numbering `lastSeq` belongs to; a message of another epoch voids it. */
  epoch?: string;
  /** The server confirmed it on the current socket. */
  confirmed: boolean;
}

export interface RealtimeClient {
  /** Follows a topic (across reconnects) until the returned function is called. */
  subscribe(topic: string, handler: EventHandler, options?: SubscribeOptions): () => void;
  /** The last sequence number seen on a topic. */
  lastSeq(topic: string): number | undefined;
  /** Says "typing" in a followed topic (the caller throttles; the server drops extras). */
  typing(topic: string): void;
  /** Whether the person is at this client; sent now and again after every reconnect. */
  setActivity(state: 'active' | 'idle'): void;
  readonly status: RealtimeStatus;
  close(): void;
}

const OPEN = 1;

function defaultUrl(): string {
  const loc = (globalThis as { location?: { protocol: string; host: string } }).location;
  if (!loc) throw new Error('realtime client: pass `url` outside the browser');
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}${REALTIME_PATH}`;
}

/**
 * A reconnecting client for `/api/ws`: keeps the topic list, tracks each topic's last
 * sequence number and its epoch, reports gaps (a jump in `seq`, a higher `seq` after a
 * reconnect, or a new epoch: the server's numbering restarted) and re-subscribes with
 * `lastSeq` after every reconnect. Stops for good on 4401 (signed out).
 */
export function createRealtimeClient(options: RealtimeClientOptions = {}): RealtimeClient {
  const Ctor = options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (!Ctor) throw new Error('realtime client: no WebSocket implementation');
  const url = options.url ?? defaultUrl();
  const pingMs = options.pingMs ?? 25_000;
  const pongTimeoutMs = options.pongTimeoutMs ?? 10_000;
  const backoff = options.backoff ?? { minMs: 500, maxMs: 30_000 };
  const topics = new Map<string, TopicState>();

  let socket: WebSocketLike | undefined;
  let status: RealtimeStatus = 'connecting';
  let attempt = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let lastHeard = 0;
  let stopped = false;
  // A new socket counts as active on the server; only an idle client needs to say so.
  let activity: 'active' | 'idle' = 'active';

  const setStatus = (next: RealtimeStatus) => {
    if (status === next) return;
    status = next;
    options.onStatus?.(next);
  };
  const sendMessage = (message: ClientMessage) => {
    if (socket?.readyState === OPEN) socket.send(JSON.stringify(message));
  };
  const gap = (topic: string, state: TopicState, fromSeq: number, toSeq: number, reason: GapReason = 'missed') => {
    options.onGap?.(topic, fromSeq, toSeq, reason);
    for (const o of state.options) o.onGap?.(fromSeq, toSeq, reason);
  };
  /**
   * A message numbered in another epoch than the last one seen: the topic's numbers started
   * again, so `lastSeq` would make every new event look "already seen". Forget it and refetch.
   * `seenUpTo` is the last number of the new epoch the message implies was published.
   */
  const renumbered = (topic: string, state: TopicState, epoch: string | undefined, seenUpTo: number) => {
    if (epoch === undefined || state.epoch === undefined || epoch === state.epoch) return false;
    state.epoch = epoch;
    state.lastSeq = undefined;
    gap(topic, state, 0, seenUpTo, 'restart');
    return true;
  };
  const drop = (topic: string, state: TopicState, notify: (o: SubscribeOptions) => void) => {
    topics.delete(topic);
    for (const o of state.options) notify(o);
  };

  const onMessage = (raw: unknown) => {
    lastHeard = Date.now();
    attempt = 0;
    let message: ServerMessage;
    try {
      message = JSON.parse(String(raw));
    } catch {
      return;
    }
    if (message.type === 'pong') return;
    const state = 'topic' in message && message.topic ? topics.get(message.topic) : undefined;
    if (!state) return;
    const topic = message.topic as string;
    if (message.type === 'event') {
      renumbered(topic, state, message.epoch, message.seq - 1);
      state.epoch ??= message.epoch;
      const last = state.lastSeq;
      if (last !== undefined && message.seq <= last) return; // already seen
      if (last !== undefined && message.seq > last + 1) gap(topic, state, last + 1, message.seq - 1);
      state.lastSeq = message.seq;
      for (const h of state.handlers) h(message.data, { topic, seq: message.seq });
    } else if (message.type === 'subscribed') {
      if (renumbered(topic, state, message.epoch, message.seq)) state.lastSeq = message.seq;
      state.epoch ??= message.epoch;
      const last = state.lastSeq;
      if (last !== undefined && message.seq > last) gap(topic, state, last + 1, message.seq);
      if (last === undefined || message.seq > last) state.lastSeq = message.seq;
      state.confirmed = true;
      for (const o of state.options) o.onSubscribed?.(message.seq);
    } else if (message.type === 'signal') {
      for (const o of state.options) o.onSignal?.(message.data);
    } else if (message.type === 'revoked') {
      drop(topic, state, (o) => o.onRevoked?.());
    } else if (message.type === 'error') {
      // A malformed or failed request is worth a retry on reconnect; a refusal is not.
      if (message.code === 'realtime.forbidden' || message.code === 'realtime.too_many_topics') {
        drop(topic, state, (o) => o.onError?.(message.code));
      } else {
        for (const o of state.options) o.onError?.(message.code);
      }
    }
  };

  const stopPing = () => {
    if (pingTimer) clearInterval(pingTimer);
    pingTimer = undefined;
  };

  const scheduleReconnect = () => {
    if (stopped) return;
    setStatus('reconnecting');
    const ceiling = Math.min(backoff.maxMs, backoff.minMs * 2 ** attempt);
    attempt++;
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    reconnectTimer = setTimeout(connect, delay);
  };

  /** Abandons the current socket at once (its close event may come much later, or never). */
  const abandon = () => {
    stopPing();
    if (!socket) return;
    const old = socket;
    socket = undefined;
    old.onopen = old.onmessage = old.onclose = old.onerror = null;
    try {
      old.close();
    } catch {
      // Closing a socket that never opened throws in some implementations; it is gone either way.
    }
  };

  function connect() {
    reconnectTimer = undefined;
    if (stopped) return;
    const headers = typeof options.headers === 'function' ? options.headers() : options.headers;
    const ws = headers ? new Ctor!(url, { headers }) : new Ctor!(url);
    socket = ws;
    ws.onopen = () => {
      setStatus('open');
      lastHeard = Date.now();
      if (activity === 'idle') sendMessage({ type: 'presence', state: 'idle' });
      for (const [topic, state] of topics) {
        state.confirmed = false;
        sendMessage({ type: 'subscribe', topic, ...(state.lastSeq !== undefined ? { lastSeq: state.lastSeq } : {}) });
      }
      stopPing();
      pingTimer = setInterval(() => {
        if (Date.now() - lastHeard > pingMs + pongTimeoutMs) {
          abandon();
          scheduleReconnect();
          return;
        }
        sendMessage({ type: 'ping' });
      }, pingMs);
    };
    ws.onmessage = (ev) => onMessage(ev.data);
    ws.onerror = () => {
      // A close event follows; reconnecting is decided there.
    };
    ws.onclose = (ev) => {
      stopPing();
      socket = undefined;
      if (ev.code === CLOSE_CODES.unauthorized || ev.code === CLOSE_CODES.tokenScope) {
        setStatus('unauthorized');
        return;
      }
      scheduleReconnect();
    };
  }

  connect();

  return {
    subscribe(topic, handler, subscribeOptions = {}) {
      let state = topics.get(topic);
      if (!state) {
        state = { handlers: new Set(), options: new Set(), confirmed: false };
        topics.set(topic, state);
        sendMessage({ type: 'subscribe', topic });
      } else if (state.confirmed && subscribeOptions.onSubscribed) {
        // A second follower of a live topic: confirm it as the server did the first.
        const seq = state.lastSeq ?? 0;
        queueMicrotask(() => subscribeOptions.onSubscribed?.(seq));
      }
      state.handlers.add(handler);
      state.options.add(subscribeOptions);
      const mine = state;
      return () => {
        mine.handlers.delete(handler);
        mine.options.delete(subscribeOptions);
        if (mine.handlers.size === 0 && topics.get(topic) === mine) {
          topics.delete(topic);
          sendMessage({ type: 'unsubscribe', topic });
        }
      };
    },
    lastSeq: (topic) => topics.get(topic)?.lastSeq,
    typing(topic) {
      if (topics.get(topic)?.confirmed) sendMessage({ type: 'typing', topic });
    },
    setActivity(state) {
      if (state === activity) return;
      activity = state;
      sendMessage({ type: 'presence', state });
    },
    get status() {
      return status;
    },
    close() {
      stopped = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      abandon();
      setStatus('closed');
    },
  };
}
