import WebSocket from 'ws';

/**
 * Many WebSocket clients in one process, speaking the hub's protocol (`GET /api/ws`,
 * subscribe → subscribed, `event` frames). Event frames reach `onFrame` as raw bytes: with a
 * thousand clients in one process a JSON.parse per delivery would make the fleet, not the
 * server, the bottleneck. The work per frame is the same for Skein and the raw-ws baseline.
 */
export interface Fleet {
  sockets: WebSocket[];
  /** Subscribes socket i to every topic of topicsOf(i) and waits for every `subscribed`. */
  subscribeAll(topicsOf: (i: number) => string[], concurrency?: number): Promise<void>;
  /** Sockets still open. */
  openCount(): number;
  /** Trouble a user would notice: `error`/`revoked` frames, and sockets the server closed before close(). */
  troubles(): number;
  close(): Promise<void>;
}

type FrameHandler = (client: number, frame: Buffer) => void;

const EVENT = Buffer.from('{"type":"event"');

/** Opens one socket per cookie (`cookies[i]` may be undefined for an unauthenticated baseline), `concurrency` at a time. */
export async function openFleet(
  baseUrl: string,
  cookies: (string | undefined)[],
  options: { concurrency?: number; onFrame?: FrameHandler } = {},
): Promise<Fleet> {
  const url = `${baseUrl.replace(/^http/, 'ws')}/api/ws`;
  const sockets: WebSocket[] = new Array(cookies.length);
  const waiting = new Map<number, Map<string, (frame: Record<string, unknown>) => void>>();
  const onFrame = options.onFrame;
  let troubles = 0;
  let closing = false;

  const open = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const cookie = cookies[i];
      const ws = new WebSocket(url, { headers: cookie ? { cookie } : {}, perMessageDeflate: false });
      sockets[i] = ws;
      ws.on('message', (data: Buffer) => {
        if (data.subarray(0, EVENT.length).equals(EVENT)) onFrame?.(i, data);
        else {
          const frame = JSON.parse(data.toString());
          const waiter = typeof frame.topic === 'string' ? waiting.get(i)?.get(frame.topic) : undefined;
          if (waiter) waiter(frame);
          else if (frame.type === 'error' || frame.type === 'revoked') troubles++;
        }
      });
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      ws.once('error', reject);
      ws.once('close', (code) => {
        if (!closing) troubles++;
        if (code === 4401) reject(new Error('socket closed: unauthorized'));
      });
    });

  await inBatches(cookies.length, options.concurrency ?? 100, open);

  // Like the web client, a socket sends all its subscribes at once, then each `subscribed` comes back.
  const subscribeOne = (i: number, topic: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to subscribe ${topic}`)), 30_000);
      let mine = waiting.get(i);
      if (!mine) {
        mine = new Map();
        waiting.set(i, mine);
      }
      mine.set(topic, (frame) => {
        clearTimeout(timer);
        mine.delete(topic);
        if (frame.type === 'subscribed') resolve();
        else reject(new Error(`subscribe ${topic}: ${JSON.stringify(frame)}`));
      });
      sockets[i].send(JSON.stringify({ type: 'subscribe', topic }));
    });
  const subscribeSocket = async (i: number, topics: string[]) => {
    await Promise.all(topics.map((t) => subscribeOne(i, t)));
  };

  return {
    sockets,
    subscribeAll: (topicsOf, concurrency = 200) => inBatches(sockets.length, concurrency, (i) => subscribeSocket(i, topicsOf(i))),
    openCount: () => sockets.filter((s) => s.readyState === WebSocket.OPEN).length,
    troubles: () => troubles,
    async close() {
      closing = true;
      await Promise.all(
        sockets.map(
          (s) =>
            new Promise<void>((resolve) => {
              if (s.readyState === WebSocket.CLOSED) return resolve();
              s.once('close', () => resolve());
              s.terminate();
            }),
        ),
      );
    },
  };
}

/** Runs `fn(0..n-1)` with at most `concurrency` in flight. */
export async function inBatches(n: number, concurrency: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < n) await fn(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
}
