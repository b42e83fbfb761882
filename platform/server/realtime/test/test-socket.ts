import WebSocket from 'ws';
import type { ClientMessage, ServerMessage } from '../../../shared/realtime-protocol.js';

/** A raw `ws` connection to /api/ws that queues what the server says, for tests. */
export interface TestSocket {
  ws: WebSocket;
  send(message: ClientMessage | string): void;
  /** The next message (of a type, when given); undefined when none arrives within `ms`. */
  next<T extends ServerMessage['type']>(type?: T, ms?: number): Promise<Extract<ServerMessage, { type: T }> | undefined>;
  /** Subscribes and waits for the answer (`subscribed`, or the refusal). */
  subscribe(topic: string, lastSeq?: number): Promise<ServerMessage | undefined>;
  /** Resolves with the close code and reason once the socket closes. */
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

export interface OpenOptions {
  cookie?: string;
  bearer?: string;
  origin?: string;
  /** ws answers ping frames by itself; turn that off to play a dead client. */
  autoPong?: boolean;
}

function wsUrl(baseUrl: string): string {
  return `${baseUrl.replace(/^http/, 'ws')}/api/ws`;
}

/** Opens a socket; rejects with the HTTP status when the upgrade is refused. */
export function openSocket(baseUrl: string, options: OpenOptions = {}): Promise<TestSocket> {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  if (options.origin) headers.origin = options.origin;
  const ws = new WebSocket(wsUrl(baseUrl), { headers, autoPong: options.autoPong ?? true });
  const queue: ServerMessage[] = [];
  const waiters: Array<() => void> = [];
  ws.on('message', (data) => {
    queue.push(JSON.parse(data.toString()));
    for (const w of waiters.splice(0)) w();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => {
      resolve({ code, reason: reason.toString() });
      for (const w of waiters.splice(0)) w();
    });
  });

  const next: TestSocket['next'] = async (type, ms = 2000) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const i = queue.findIndex((m) => !type || m.type === type);
      if (i >= 0) return queue.splice(i, 1)[0] as never;
      const left = deadline - Date.now();
      if (left <= 0 || ws.readyState >= WebSocket.CLOSING) return undefined;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  };

  const socket: TestSocket = {
    ws,
    send: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
    next,
    async subscribe(topic, lastSeq) {
      socket.send({ type: 'subscribe', topic, ...(lastSeq !== undefined ? { lastSeq } : {}) });
      const deadline = Date.now() + 2000;
      for (;;) {
        const i = queue.findIndex(
          (m) => (m.type === 'subscribed' || m.type === 'error' || m.type === 'revoked') && m.topic === topic,
        );
        if (i >= 0) return queue.splice(i, 1)[0];
        if (Date.now() > deadline || ws.readyState >= WebSocket.CLOSING) return undefined;
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    closed,
    close: () => ws.close(),
  };

  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(socket));
    ws.once('unexpected-response', (_req, res) => {
      reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode }));
      ws.terminate();
    });
    ws.once('error', (err) => reject(err));
  });
}
