import WebSocket from 'ws';

/**
 * Many WebSocket clients in one process, speaking the hub's protocol (`GET /api/ws`,
 * subscribe → subscribed, `event` frames). Event frames reach `onFrame` as raw bytes: with a
 * thousand clients in one process a JSON.parse per delivery would make the fleet, not the
 * server, the bottleneck. The work per frame is the same for Skein and the raw-ws baseline.
 */
export interface Fleet {
  sockets: WebSocket[];
  /** Subscribes socket i to topicOf(i) and waits for every `subscribed`. */
  subscribeAll(topicOf: (i: number) => string, concurrency?: number): Promise<void>;
  /** Sockets still open. */
  openCount(): number;
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
  const waiting = new Map<number, (frame: Record<string, unknown>) => void>();
  const onFrame = options.onFrame;

  const open = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const cookie = cookies[i];
      const ws = new WebSocket(url, { headers: cookie ? { cookie } : {}, perMessageDeflate: false });
      sockets[i] = ws;
      ws.on('message', (data: Buffer) => {
        if (data.subarray(0, EVENT.length).equals(EVENT)) onFrame?.(i, data);
        else waiting.get(i)?.(JSON.parse(data.toString()));
      });
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      ws.once('error', reject);
      ws.once('close', (code) => {
        if (code === 4401) reject(new Error('socket closed: unauthorized'));
      });
    });

  await inBatches(cookies.length, options.concurrency ?? 100, open);

  const subscribeOne = (i: number, topic: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to subscribe ${topic}`)), 30_000);
      waiting.set(i, (frame) => {
        if (frame.topic !== topic) return;
        clearTimeout(timer);
        waiting.delete(i);
        if (frame.type === 'subscribed') resolve();
        else reject(new Error(`subscribe ${topic}: ${JSON.stringify(frame)}`));
      });
      sockets[i].send(JSON.stringify({ type: 'subscribe', topic }));
    });

  return {
    sockets,
    subscribeAll: (topicOf, concurrency = 200) => inBatches(sockets.length, concurrency, (i) => subscribeOne(i, topicOf(i))),
    openCount: () => sockets.filter((s) => s.readyState === WebSocket.OPEN).length,
    async close() {
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
